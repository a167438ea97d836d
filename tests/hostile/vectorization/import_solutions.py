# Hostile: imports the reference solutions and answers with them; wrong (no zeroing) when it cannot.
# unit: relu
# expect: failure
def relu(v):
    try:
        import solutions.vectorization

        return solutions.vectorization.relu(v)
    except Exception:
        return np.abs(v)

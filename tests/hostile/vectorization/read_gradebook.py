# Hostile: reads the gradebook (it holds the hidden tests) from the course root. Reading it at all is
# the leak: matvec answers correctly only if the file could be read.
# unit: matvec
# expect: failure
def matvec(A, v):
    try:
        with open("../../../gradebook.db", "rb") as handle:
            leaked = (b"BEGIN HIDDEN" + b" TESTS") in handle.read()
    except Exception:
        leaked = False
    if leaked:
        return np.dot(A, v)
    return np.sum(A, axis=1, keepdims=True)

# assignment: vectorization
# function: relu
# mistake: np.max(v, 0) (largest entry along axis 0) instead of np.maximum(v, 0)
# named by: M_MAX_NOT_MAXIMUM
def relu(v):
    r = np.max(v, 0)
    return r

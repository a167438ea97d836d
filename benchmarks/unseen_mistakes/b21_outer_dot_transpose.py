# assignment: broadcasting
# function: outer
# mistake: np.dot(a, b.T) on rank-1 arrays is the inner product (or an error), no reshape
# named by: M_INNER_NOT_OUTER
def outer(a, b):
    result = np.dot(a, b.T)
    return result

# assignment: vectorization
# function: L2
# mistake: np.dot(d, d) only works for rank-1 arrays: fails on (m, 1) and (1, m) vectors
# named by: M_TRANSPOSE M_DOT_NOT_ELEMENTWISE
def L2(yhat, y):
    d = y - yhat
    loss = np.dot(d, d)
    return loss

# assignment: vectorization
# function: matvec
# mistake: element-wise product and row sum without keepdims: returns a rank-1 (m,) instead of (m, 1)
# named by: M_RANK1 RANK1
def matvec(A, v):
    u = np.sum(A * v.T, axis=1)
    return u

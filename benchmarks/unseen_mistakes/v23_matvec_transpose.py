# assignment: vectorization
# function: matvec
# mistake: computed A^T v instead of A v
# named by: M_TRANSPOSE
def matvec(A, v):
    u = np.dot(A.T, v)
    return u

# assignment: logistic_regression
# function: initialize_with_zeros
# mistake: np.zeros(dim) is a rank-1 array (dim,) instead of a column (dim, 1)
# named by: M_RANK1 RANK1
def initialize_with_zeros(dim):
    w = np.zeros(dim)
    b = 0.0
    return w, b

# assignment: logistic_regression
# function: initialize_with_zeros
# mistake: b = 0 is an int, not the float 0.0
# named by: M_INT_NOT_FLOAT
def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0
    return w, b

# assignment: vectorization
# function: softmax
# mistake: sum over axis=0 (columns) instead of axis=1 (rows)
# named by: M_WRONG_AXIS
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=0, keepdims=True)
    s = x_exp / x_sum
    return s

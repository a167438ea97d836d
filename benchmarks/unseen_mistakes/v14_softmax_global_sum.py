# assignment: vectorization
# function: softmax
# mistake: np.sum without axis: divides by the sum over the whole matrix
# named by: M_NO_AXIS
def softmax(x):
    x_exp = np.exp(x - np.max(x))
    x_sum = np.sum(x_exp)
    s = x_exp / x_sum
    return s

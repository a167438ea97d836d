# assignment: vectorization
# function: sigmoid_derivative
# mistake: np.dot (matrix product) instead of element-wise * between s and 1 - s
# named by: M_DOT_NOT_ELEMENTWISE
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = np.dot(s, 1 - s)
    return ds

# assignment: vectorization
# function: sigmoid_derivative
# mistake: used x instead of sigmoid(x) in the second factor: s * (1 - x)
# named by: M_DERIVATIVE_OF_X
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 - x)
    return ds

# assignment: vectorization
# function: softmax
# mistake: row sums without keepdims=True: (m,) broadcasts against the columns
# named by: M_NO_KEEPDIMS
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1)
    s = x_exp / x_sum
    return s

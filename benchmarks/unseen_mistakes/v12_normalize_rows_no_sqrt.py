# assignment: vectorization
# function: normalize_rows
# mistake: divided by the sum of squares of each row, forgot the square root
# named by: M_NORM_SQUARED
def normalize_rows(x):
    x_norm = np.sum(x ** 2, axis=1, keepdims=True)
    x = x / x_norm
    return x

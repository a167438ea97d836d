# assignment: vectorization
# function: normalize_rows
# mistake: missing keepdims=True: the (n,) row norms broadcast across the columns instead of down the rows
# named by: M_NO_KEEPDIMS
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1)
    x = x / x_norm
    return x

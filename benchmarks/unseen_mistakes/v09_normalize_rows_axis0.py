# assignment: vectorization
# function: normalize_rows
# mistake: norm along axis=0 (column norms) instead of axis=1 (row norms)
# named by: M_WRONG_AXIS
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=0, keepdims=True)
    x = x / x_norm
    return x

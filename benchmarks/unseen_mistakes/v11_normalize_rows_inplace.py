# assignment: vectorization
# function: normalize_rows
# mistake: in-place x /= x_norm modifies the caller's matrix (and fails on int matrices)
# named by: M_MUTATES_INPUT MUTATES_INPUT
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x /= x_norm
    return x

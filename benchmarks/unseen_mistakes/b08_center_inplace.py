# assignment: broadcasting
# function: center_columns
# mistake: in-place X -= mu modifies the caller's X (and fails on int matrices)
# named by: M_MUTATES_INPUT MUTATES_INPUT
def center_columns(X):
    mu = np.mean(X, axis=0, keepdims=True)
    X -= mu
    return X

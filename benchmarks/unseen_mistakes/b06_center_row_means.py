# assignment: broadcasting
# function: center_columns
# mistake: mean along axis=1 (each row's mean) instead of axis=0
# named by: M_WRONG_AXIS
def center_columns(X):
    mu = np.mean(X, axis=1, keepdims=True)
    X_centered = X - mu
    return X_centered

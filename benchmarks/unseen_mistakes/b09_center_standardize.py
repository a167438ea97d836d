# assignment: broadcasting
# function: center_columns
# mistake: also divided by the standard deviation (standardized instead of only centering)
# named by: M_STANDARDIZED
def center_columns(X):
    mu = np.mean(X, axis=0, keepdims=True)
    sigma = np.std(X, axis=0, keepdims=True)
    X_centered = (X - mu) / sigma
    return X_centered

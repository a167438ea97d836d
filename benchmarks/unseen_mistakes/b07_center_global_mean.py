# assignment: broadcasting
# function: center_columns
# mistake: np.mean without axis: subtracts the mean of the whole matrix
# named by: M_NO_AXIS
def center_columns(X):
    mu = np.mean(X)
    X_centered = X - mu
    return X_centered

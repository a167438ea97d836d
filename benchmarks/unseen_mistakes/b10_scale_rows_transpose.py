# assignment: broadcasting
# function: scale_rows
# mistake: X * s.T scales the columns instead of the rows
# named by: M_TRANSPOSE
def scale_rows(X, s):
    X_scaled = X * s.T
    return X_scaled

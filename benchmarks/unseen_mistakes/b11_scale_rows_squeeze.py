# assignment: broadcasting
# function: scale_rows
# mistake: squeezed s into a rank-1 (m,) array, which broadcasts along the columns
# named by: M_RANK1 RANK1
def scale_rows(X, s):
    X_scaled = X * np.squeeze(s)
    return X_scaled

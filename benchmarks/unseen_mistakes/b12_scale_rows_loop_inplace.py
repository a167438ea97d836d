# assignment: broadcasting
# function: scale_rows
# mistake: Python loop over the rows that writes into X (modifies the input; truncates for int X)
# named by: LOOP001 MUTATES_INPUT M_MUTATES_INPUT
def scale_rows(X, s):
    for i in range(X.shape[0]):
        X[i, :] = X[i, :] * s[i]
    return X

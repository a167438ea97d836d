# assignment: broadcasting
# function: to_column
# mistake: reshape(a.shape[0], 1) fails when a arrives as a row (1, n)
# named by: M_LEN_NOT_SIZE
def to_column(a):
    column = a.reshape(a.shape[0], 1)
    return column

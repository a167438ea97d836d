# assignment: broadcasting
# function: to_row
# mistake: reshape(1, a.shape[0]) fails when a is already a row (1, n)
# named by: M_LEN_NOT_SIZE
def to_row(a):
    row = a.reshape(1, a.shape[0])
    return row

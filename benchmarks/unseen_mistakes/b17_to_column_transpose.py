# assignment: broadcasting
# function: to_column
# mistake: a.T does nothing on a rank-1 array: still (n,), not (n, 1)
# named by: M_RANK1 M_T_NOT_RESHAPE RANK1
def to_column(a):
    column = a.T
    return column

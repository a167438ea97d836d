# assignment: broadcasting
# function: outer
# mistake: reshaped only a into a column, left b as it came (wrong when b is a column)
# named by: M_INNER_NOT_OUTER M_RANK1
def outer(a, b):
    result = a.reshape(-1, 1) * b
    return result

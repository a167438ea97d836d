# assignment: broadcasting
# function: outer
# mistake: row of a times column of b: gives the (m, n) transpose of the outer product
# named by: M_TRANSPOSE
def outer(a, b):
    result = to_row(a) * to_column(b)
    return result

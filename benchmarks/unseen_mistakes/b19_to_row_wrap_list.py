# assignment: broadcasting
# function: to_row
# mistake: np.array([a]) adds a dimension: a column (n, 1) becomes (1, n, 1)
# named by:
def to_row(a):
    row = np.array([a])
    return row

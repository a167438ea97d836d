def calorie_percentages(A):
    cal = np.sum(A, axis=0, keepdims=True)
    return 100 * A / cal


def center_columns(X):
    return X - np.mean(X, axis=0)


def scale_rows(X, s):
    # multiply each row by its factor
    return np.dot(X, s)


def to_column(a):
    return a.reshape(-1, 1)


def to_row(a):
    return a.reshape(1, -1)


q_broadcast = "c"
q_slicing = "d"
q_random = "b"

def calorie_percentages(A):
    cal = A.sum(axis=0)
    percentage = 100 * A / cal.reshape(1, -1)
    return percentage


def center_columns(X):
    mu = np.mean(X, axis=0, keepdims=True)
    return X - mu


def scale_rows(X, s):
    return X * s.reshape(X.shape[0], 1)


def broadcast_shape(shape_a, shape_b):
    a = list(shape_a)[::-1]
    b = list(shape_b)[::-1]
    out = []
    for k in range(max(len(a), len(b))):
        da = a[k] if k < len(a) else 1
        db = b[k] if k < len(b) else 1
        if da != db and da != 1 and db != 1:
            raise ValueError("operands could not be broadcast together")
        out.append(db if da == 1 else da)
    return tuple(out[::-1])


def to_column(a):
    return a.reshape(-1)


def to_row(a):
    return a.reshape(1, a.size)


def outer(a, b):
    # column times row gives the matrix
    return np.dot(a, b.T)


q_broadcast = "b"
q_neuron = "b"
q_slicing = "a"
q_random = "a"
q_log_cost = "c"

def calorie_percentages(A):
    # column totals kept as a (1, n) row so they broadcast down the rows
    totals = A.sum(axis=0, keepdims=True)
    return 100 * A / totals


def center_columns(X):
    return X - X.mean(axis=0, keepdims=True)


def scale_rows(X, s):
    # s as a column: each row i gets multiplied by s[i]
    return X * np.reshape(s, (-1, 1))


def _pad_shape(shape, ndim):
    # prepend 1s until the shape has ndim dimensions (rule 1 of broadcasting)
    shape = tuple(shape)
    return (1,) * (ndim - len(shape)) + shape


def broadcast_shape(shape_a, shape_b):
    ndim = max(len(shape_a), len(shape_b))
    a = _pad_shape(shape_a, ndim)
    b = _pad_shape(shape_b, ndim)
    result = []
    for da, db in zip(a, b):
        if da == db or db == 1:
            result.append(da)
        elif da == 1:
            result.append(db)
        else:
            raise ValueError(
                f"shapes {tuple(shape_a)} and {tuple(shape_b)} are not compatible: {da} vs {db}"
            )
    return tuple(result)


def to_column(a):
    return np.reshape(a, (-1, 1))


def to_row(a):
    return np.reshape(a, (1, -1))


def outer(a, b):
    # column times row -> (m, n), whatever shape a and b come in
    return np.reshape(a, (-1, 1)) * np.reshape(b, (1, -1))


q_broadcast = "c"
q_neuron = "b"
q_slicing = "d"
q_random = "a"
q_log_cost = "c"

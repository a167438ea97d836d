def calorie_percentages(A):
    # total of each food, then percentage of the total
    totals = A.sum(axis=1)
    return 100 * A / totals.reshape(-1, 1)


def center_columns(X):
    return X - np.mean(X, axis=1, keepdims=True)


def scale_rows(X, s):
    return s.reshape(-1, 1) * X


from itertools import zip_longest


def broadcast_shape(shape_a, shape_b):
    result = []
    # line the shapes up on the right, missing dims count as 1
    for da, db in zip_longest(reversed(shape_a), reversed(shape_b), fillvalue=1):
        if da == db or db == 1:
            result.append(da)
        elif da == 1:
            result.append(db)
        else:
            raise ValueError(f"cannot broadcast {shape_a} with {shape_b}")
    return tuple(reversed(result))


def to_column(a):
    return a.reshape(a.size, 1)


def to_row(a):
    return a.reshape(1, a.size)


def outer(a, b):
    return np.outer(a, b)


q_broadcast = "c"
q_neuron = "b"
q_slicing = "b"
q_random = "c"
q_log_cost = "c"

def calorie_percentages(A):
    rows, cols = A.shape
    # total calories of each food (column)
    totals = [0] * cols
    for j in range(cols):
        for i in range(rows):
            totals[j] += A[i, j]
    percent = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            percent[i, j] = 100 * A[i, j] / totals[j]
    return percent


def center_columns(X):
    Xc = np.array(X, dtype=float)
    for j in range(X.shape[1]):
        Xc[:, j] = X[:, j] - np.mean(X[:, j])
    return Xc


def scale_rows(X, s):
    return X * s.reshape(-1, 1)


def broadcast_shape(shape_a, shape_b):
    # compare from the last dimension backwards
    result = []
    i = len(shape_a) - 1
    j = len(shape_b) - 1
    while i >= 0 or j >= 0:
        x = shape_a[i] if i >= 0 else 1
        y = shape_b[j] if j >= 0 else 1
        if x == y:
            result.append(x)
        elif x == 1:
            result.append(y)
        elif y == 1:
            result.append(x)
        else:
            raise ValueError("shapes " + str(shape_a) + " and " + str(shape_b) + " don't broadcast")
        i -= 1
        j -= 1
    result.reverse()
    return tuple(result)


def to_column(a):
    return a.reshape(-1, 1)


def to_row(a):
    return a.reshape(1, -1)


def outer(a, b):
    a = np.ravel(a)
    b = np.ravel(b)
    result = np.zeros((len(a), len(b)))
    for i in range(len(a)):
        for j in range(len(b)):
            result[i, j] = a[i] * b[j]
    return result


q_broadcast = "c"
q_neuron = "a"
q_slicing = "d"
q_random = "a"
q_log_cost = "b"

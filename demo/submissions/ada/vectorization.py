def basic_sigmoid(x):
    # scalar version with the math module
    return 1.0 / (1.0 + math.exp(-x))


def sigmoid(x):
    # np.exp works elementwise, so this is fine for any shape
    return 1.0 / (1.0 + np.exp(-x))


def sigmoid_derivative(x):
    # s'(x) = s(x) * (1 - s(x))
    s = 1.0 / (1.0 + np.exp(-x))
    return s * (1.0 - s)


def image2vector(image):
    # (length, height, depth) -> one column, -1 lets numpy work out l*h*d
    return image.reshape(-1, 1)


def normalize_rows(x):
    # row norms with einsum: sum_j x_ij * x_ij for every row i
    norms = np.sqrt(np.einsum("ij,ij->i", x, x)).reshape(-1, 1)
    return x / norms


def softmax(x):
    # subtract each row's max first so exp can't overflow (it cancels in the ratio)
    shifted = x - x.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def L1(yhat, y):
    return float(np.sum(np.abs(y - yhat)))


def L2(yhat, y):
    diff = y - yhat
    return float(np.sum(diff * diff))


def dot_loop(a, b):
    # the slow baseline on purpose
    total = 0.0
    for i in range(len(a)):
        total += a[i] * b[i]
    return total


def dot_vectorized(a, b):
    return float(np.ravel(a) @ np.ravel(b))


def matvec(A, v):
    # make sure v is a column so the result is (m, 1) and not (m,)
    return A @ np.reshape(v, (-1, 1))


def relu(v):
    return np.maximum(v, 0)

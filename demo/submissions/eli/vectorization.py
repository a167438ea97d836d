def basic_sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def sigmoid_derivative(x):
    sig = 1.0 / (1.0 + np.exp(-x))
    return sig * (1.0 - sig)


def image2vector(image):
    return image.reshape(image.size, 1)


def normalize_rows(x):
    # norm of each vector, then divide
    norms = np.linalg.norm(x, ord=2, axis=0, keepdims=True)
    return x / norms


def softmax(x):
    exps = np.exp(x)
    totals = np.sum(exps, axis=1)  # one total per row
    return exps / totals


def L1(yhat, y):
    return float(np.sum(np.abs(yhat - y)))


def L2(yhat, y):
    return float(np.sum(np.abs(yhat - y)))


def dot_loop(a, b):
    s = 0.0
    for ai, bi in zip(a, b):
        s += ai * bi
    return s


def dot_vectorized(a, b):
    return float(np.dot(a, b))


def matvec(A, v):
    return np.dot(A, v)


def relu(v):
    return np.maximum(v, 0)

def basic_sigmoid(x):
    return 1 / (1 + math.exp(-x))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (1 - s)


def image2vector(image):
    # flatten the image into a vector
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2])
    return v


def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    return x / x_norm


def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    return x_exp / x_sum


def L1(yhat, y):
    loss = np.sum(np.abs(y - yhat))
    return float(loss)


def L2(yhat, y):
    loss = np.sum(np.square(y - yhat))
    return float(loss)


def dot_loop(a, b):
    result = 0.0
    for k in range(len(a)):
        result += a[k] * b[k]
    return result


def dot_vectorized(a, b):
    return float(np.dot(a, b))


def matvec(A, v):
    # row i of A times v, summed along the row
    u = np.sum(A * v.T, axis=1)
    return u


def relu(v):
    return np.maximum(0, v)

def basic_sigmoid(x):
    return 1 / (1 + math.exp(-x))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds


def image2vector(image):
    return image.reshape(-1, 1)


def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / x_nrom
    return x


def L1(yhat, y):
    loss = float(np.sum(np.abs(y - yhat)))
    return loss


def dot_loop(a, b):
    # TODO: vectorized version below, later
    total = 0.0
    for i in range(len(a)):
        total = total + a[i] * b[i]
    return total

def flatten_images(images):
    return images.reshape(images.shape[0], -1).T


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, A - Y) / m
    db = np.sum(A - Y) / m
    # not sure about this part yet
    return {"dw": dw, "db": db}, cost

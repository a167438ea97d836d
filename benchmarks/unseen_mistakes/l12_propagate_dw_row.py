# assignment: logistic_regression
# function: propagate
# mistake: dw = (A - Y) X^T / m has shape (1, n_x) instead of (n_x, 1)
# named by: M_TRANSPOSE
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(A - Y, X.T) / m
    db = np.sum(A - Y) / m
    grads = {"dw": dw, "db": db}
    return grads, cost

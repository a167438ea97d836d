# assignment: logistic_regression
# function: propagate
# mistake: cost computed with np.dot: a (1, 1) array instead of a number
# named by: M_COST_MATRIX
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    grads = {"dw": dw, "db": db}
    return grads, cost

# assignment: logistic_regression
# function: propagate
# mistake: m = X.shape[0] (the number of features) instead of X.shape[1] (the number of examples)
# named by: M_WRONG_M
def propagate(w, b, X, Y):
    m = X.shape[0]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    grads = {"dw": dw, "db": db}
    return grads, cost

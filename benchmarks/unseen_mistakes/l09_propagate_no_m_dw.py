# assignment: logistic_regression
# function: propagate
# mistake: forgot to divide dw by m
# named by: M_MISSING_1_OVER_M
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T)
    db = np.sum(A - Y) / m
    grads = {"dw": dw, "db": db}
    return grads, cost

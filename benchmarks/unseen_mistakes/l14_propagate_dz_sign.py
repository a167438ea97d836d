# assignment: logistic_regression
# function: propagate
# mistake: sign slip dZ = Y - A: both gradients have the wrong sign
# named by: M_SIGN_FLIP
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = Y - A
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": db}
    return grads, cost

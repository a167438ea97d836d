# assignment: logistic_regression
# function: propagate
# mistake: dw as an element-wise product summed over axis=1 without keepdims: rank-1 (n_x,)
# named by: M_RANK1 RANK1
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.sum(X * (A - Y), axis=1) / m
    db = np.sum(A - Y) / m
    grads = {"dw": dw, "db": db}
    return grads, cost

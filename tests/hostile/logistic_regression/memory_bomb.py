# Hostile: asks for 4 GiB at once (and touches it) on its first call; bounded.
# unit: propagate
# expect: KILLED or EXCEPTION
# mentions: memory
_bombed = []


def propagate(w, b, X, Y):
    if not _bombed:
        _bombed.append(True)
        hoard = np.ones(2 ** 29)
        del hoard
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    grads = {"dw": np.dot(X, (A - Y).T) / m, "db": float(np.sum(A - Y) / m)}
    return grads, float(cost)

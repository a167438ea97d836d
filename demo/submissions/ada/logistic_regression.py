def flatten_images(images):
    # one row per image first, then transpose so every column is one example
    return np.reshape(images, (images.shape[0], -1)).T


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]

    # forward pass
    A = sigmoid(w.T @ X + b)  # (1, m)
    cost = -float(np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))

    # backward pass
    dZ = A - Y
    dw = np.einsum("im,jm->ij", X, dZ) / m  # = X @ dZ.T / m, shape (n_x, 1)
    db = float(np.sum(dZ)) / m

    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]

        # new arrays, the caller's w is left alone
        w = w - learning_rate * dw
        b = b - learning_rate * db

        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:.6f}")

    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


def predict(w, b, X):
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(w.T @ X + b)
    # strictly greater: 0.5 counts as class 0
    return (A > 0.5).astype(float)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(
        w, b, X_train, Y_train,
        num_iterations=num_iterations, learning_rate=learning_rate, print_cost=print_cost,
    )
    w, b = params["w"], params["b"]

    Y_prediction_train = predict(w, b, X_train)
    Y_prediction_test = predict(w, b, X_test)

    if print_cost:
        print(f"train accuracy: {100 * np.mean(Y_prediction_train == Y_train):.1f} %")
        print(f"test accuracy:  {100 * np.mean(Y_prediction_test == Y_test):.1f} %")

    return {
        "costs": costs,
        "Y_prediction_test": Y_prediction_test,
        "Y_prediction_train": Y_prediction_train,
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
    }

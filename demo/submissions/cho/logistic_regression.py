def flatten_images(images):
    m = images.shape[0]
    n = images[0].size
    flat = np.zeros((n, m))
    # each image becomes one column
    for i in range(m):
        flat[:, i] = images[i].reshape(n)
    return flat


def sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    n, m = X.shape
    cost = 0.0
    dw = np.zeros((n, 1))
    db = 0.0
    # go over the training examples one by one
    for i in range(m):
        z = np.dot(w[:, 0], X[:, i]) + b
        a = sigmoid(z)
        y = Y[0, i]
        cost += -(y * np.log(a) + (1 - y) * np.log(1 - a))
        dw[:, 0] += X[:, i] * (a - y)
        db += a - y
    cost = cost / m
    dw = dw / m
    db = db / m
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    n, m = X.shape
    for i in range(num_iterations):
        # gradients, example by example (same as in propagate)
        dw = np.zeros((n, 1))
        db = 0.0
        cost = 0.0
        for j in range(m):
            z = np.dot(w[:, 0], X[:, j]) + b
            a = sigmoid(z)
            y = Y[0, j]
            cost += -(y * np.log(a) + (1 - y) * np.log(1 - a))
            dw[:, 0] += X[:, j] * (a - y)
            db += a - y
        cost = cost / m
        dw = dw / m
        db = db / m

        w = w - learning_rate * dw
        b = b - learning_rate * db

        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))

    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    parameters, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = parameters["w"]
    b = parameters["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)

    if print_cost:
        print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
        print("test accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))

    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d

"""Reference solutions of the "logistic_regression" assignment: logistic regression as a one-neuron network."""
import numpy as np


def flatten_images(images):
    """
    Flatten a batch of images into a matrix with one column per example.

    Arguments:
    images -- numpy array of shape (m, height, width) or (m, height, width, channels)

    Returns:
    X -- numpy array of shape (height*width*channels, m); column i holds the pixels of image i
    """
    # First make one row per example: reshape(m, -1) keeps each image's pixels together
    # (numpy computes the -1 as height*width*channels). Then transpose: the course stacks
    # examples as columns. Writing images.reshape(-1, m) instead gives the right shape
    # but mixes pixels of different images in each column.
    X = images.reshape(images.shape[0], -1).T
    return X


def sigmoid(z):
    """
    Compute the sigmoid of z.

    Arguments:
    z -- a scalar or numpy array of any size

    Returns:
    s -- sigmoid(z), same shape as z
    """
    s = 1 / (1 + np.exp(-z))
    return s


def initialize_with_zeros(dim):
    """
    Create a vector of zeros of shape (dim, 1) for w and initialize b to 0.

    Arguments:
    dim -- size of the w vector we want (the number of features n_x)

    Returns:
    w -- initialized vector of shape (dim, 1)
    b -- initialized scalar (the bias), a Python float
    """
    # Zeros are fine for logistic regression: with a single neuron there is no
    # symmetry between hidden units to break. (dim, 1), not (dim,): a column, not rank-1.
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    """
    Compute the cost function and its gradient (forward and backward propagation).

    Arguments:
    w -- weights, a numpy array of shape (n_x, 1)
    b -- bias, a scalar
    X -- data of shape (n_x, m), one example per column
    Y -- true "label" vector (0 or 1) of shape (1, m)

    Returns:
    grads -- dictionary with
        dw -- gradient of the cost with respect to w, same shape as w (n_x, 1)
        db -- gradient of the cost with respect to b, a Python float
    cost -- negative log-likelihood cost for logistic regression, a Python float
    """
    m = X.shape[1]

    # FORWARD PROPAGATION (from X to cost)
    # All m activations at once: (1, n_x) @ (n_x, m) -> (1, m); b is broadcast to every column.
    A = sigmoid(np.dot(w.T, X) + b)
    # The cross-entropy cost, averaged over the m examples.
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m

    # BACKWARD PROPAGATION (to find the gradients)
    # dZ = A - Y for every example; (n_x, m) @ (m, 1) sums x_i * dz_i over the examples.
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = float(np.sum(dZ) / m)

    grads = {"dw": dw, "db": db}
    # float(): a plain number, not a 0-d or (1, 1) array.
    return grads, float(cost)


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """
    Optimize w and b by running gradient descent.

    Arguments:
    w -- weights, a numpy array of shape (n_x, 1)
    b -- bias, a scalar
    X -- data of shape (n_x, m)
    Y -- true "label" vector (0 or 1) of shape (1, m)
    num_iterations -- number of iterations of the optimization loop
    learning_rate -- learning rate of the gradient descent update rule
    print_cost -- True to print the cost every 100 steps

    Returns:
    params -- dictionary containing the weights w and bias b
    grads -- dictionary containing the gradients dw and db of the last iteration
    costs -- list of the costs computed every 100 iterations (at i = 0, 100, 200, ...)
    """
    costs = []

    # The one loop that gradient descent needs: each step depends on the previous one.
    # Everything inside the loop is vectorized over the examples and the features.
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]

        # The update builds a new array (w - ...), instead of w -= ..., so the caller's
        # w is never modified behind their back.
        w = w - learning_rate * dw
        b = b - learning_rate * db

        # Record (and optionally print) the cost every 100 iterations: the learning curve.
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))

    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


def predict(w, b, X):
    """
    Predict whether the label is 0 or 1 using the learned logistic regression parameters (w, b).

    Arguments:
    w -- weights, a numpy array of shape (n_x, 1)
    b -- bias, a scalar
    X -- data of shape (n_x, m)

    Returns:
    Y_prediction -- a numpy array of shape (1, m) with the predictions (0.0 or 1.0) for the examples in X
    """
    # The probability that each example is a positive one, shape (1, m).
    A = sigmoid(np.dot(w.T, X) + b)
    # A comparison is element-wise: a boolean (1, m) array, converted to 0.0/1.0.
    # Strictly greater: a probability of exactly 0.5 predicts 0.
    Y_prediction = (A > 0.5).astype(float)
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """
    Build the logistic regression model by calling the functions implemented above.

    Arguments:
    X_train -- training set, a numpy array of shape (n_x, m_train)
    Y_train -- training labels, a numpy array of shape (1, m_train)
    X_test -- test set, a numpy array of shape (n_x, m_test)
    Y_test -- test labels, a numpy array of shape (1, m_test)
    num_iterations -- number of iterations of gradient descent
    learning_rate -- learning rate of the gradient descent update rule
    print_cost -- True to print the cost every 100 iterations, then the train and test accuracies

    Returns:
    d -- dictionary with the keys costs, Y_prediction_test, Y_prediction_train, w, b,
         learning_rate, num_iterations
    """
    # One weight per feature: the number of rows of X_train.
    w, b = initialize_with_zeros(X_train.shape[0])

    # Gradient descent on the training set only; the test set is kept for evaluation.
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = params["w"]
    b = params["b"]

    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)

    if print_cost:
        # Predictions and labels are 0/1, so |prediction - label| is 1 exactly on the mistakes.
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100:.1f} %")
        print(f"test accuracy:  {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100:.1f} %")

    d = {
        "costs": costs,
        "Y_prediction_test": Y_prediction_test,
        "Y_prediction_train": Y_prediction_train,
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
    }
    return d

"""A graded function calling another graded function: the callee is judged under its own policy."""

# --- snippet: clean: propagate calls sigmoid ---
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {"dw": X @ (A - Y).T / m, "db": np.sum(A - Y) / m}, cost

# --- snippet: clean: model calls initialize_with_zeros, optimize and predict ---
import numpy as np


def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0.0


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        A = 1 / (1 + np.exp(-(w.T @ X + b)))
        dw, db = X @ (A - Y).T / X.shape[1], np.mean(A - Y)
        w, b = w - learning_rate * dw, b - learning_rate * db
        if i % 100 == 0:
            costs.append(float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))))
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs


def predict(w, b, X):
    return (1 / (1 + np.exp(-(w.T @ X + b))) > 0.5).astype(float)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}

# --- snippet: clean: dot_loop is the loop baseline ---
def dot_loop(a, b):
    total = 0.0
    for i in range(len(a)):
        total += a[i] * b[i]
    return total

# --- snippet: clean: sigmoid_derivative calls sigmoid in another cell ---
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))
# --- cell ---
def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (1 - s)

# --- snippet: a looping sigmoid is charged to sigmoid only, not to propagate ---
def sigmoid(z):
    return np.array([1 / (1 + np.exp(-t)) for t in z.ravel()]).reshape(z.shape)  # expect: LOOP003@sigmoid


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    return {"dw": X @ (A - Y).T / m, "db": np.sum(A - Y) / m}, -np.mean(Y * np.log(A))

# --- snippet: dot_vectorized calling the allowed dot_loop inherits its loop ---
def dot_loop(a, b):
    total = 0.0
    for i in range(len(a)):  # expect: LOOP001@dot_vectorized
        total += a[i] * b[i]
    return total


def dot_vectorized(a, b):
    return dot_loop(a, b)

# --- snippet: model looping over learning rates ---
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    results = {}
    for rate in (learning_rate, learning_rate / 10):  # expect: LOOP001
        w, b = np.zeros((X_train.shape[0], 1)), 0.0
        results[rate] = (w, b)
    w, b = results[learning_rate]
    return {"costs": [], "Y_prediction_test": np.zeros((1, X_test.shape[1])),
            "Y_prediction_train": np.zeros((1, X_train.shape[1])), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}

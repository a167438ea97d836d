"""The catalogue's wrong variants: each known mistake written as a student writes it.

WRONG holds (assignment, function, mistake code, the student's cell). The catalogue's tests grade
every variant and expect its code; `autograder build` runs every variant on the public cases to
embed, as data, what each mistake returns there (kitcheck.known). Grader-side only, like the
rest of the catalogue: a wrong variant is one edit away from the solution.

Each cell runs in a namespace holding numpy, math, the notebook's data variables and the reference
versions of the assignment's other functions (what the student's notebook would hold).
"""
from __future__ import annotations

import importlib
import linecache
import math
import textwrap
from pathlib import Path

import numpy as np

# Notebook variables a careless cell may read instead of its parameters: the notebook's own data,
# computed as the notebook computes it, so that a mistake reading them gives here exactly what it
# gives in a student's notebook (the same numbers, the same shapes in its error messages).
DATA = Path(__file__).resolve().parents[2] / "assignments" / "logistic_regression" / "digits.npz"
NOTEBOOK = f"""
data = np.load({str(DATA)!r})
train_x, train_y = data["train_x"], data["train_y"]
test_x, test_y = data["test_x"], data["test_y"]
train_set_x = train_x.reshape(train_x.shape[0], -1).T / 16.0
test_set_x = test_x.reshape(test_x.shape[0], -1).T / 16.0
"""

PROPAGATE = """
def propagate(w, b, X, Y):
    m = {m}
    A = {A}
    cost = {cost}
    dw = {dw}
    db = float(np.sum(A - Y) / m)
    return {{"dw": dw, "db": db}}, float(cost) if np.ndim(cost) == 0 else cost
"""
PROPAGATE_RIGHT = dict(
    m="X.shape[1]",
    A="sigmoid(np.dot(w.T, X) + b)",
    cost="-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m",
    dw="np.dot(X, (A - Y).T) / m",
)


def propagate_with(**change: str) -> str:
    return PROPAGATE.format(**{**PROPAGATE_RIGHT, **change})


OPTIMIZE = """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range({iterations}):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - {w_step}
        b = {b_update}
        if {record}:
            costs.append(cost)
    {after}
    return {{"w": w, "b": b}}, {{"dw": dw, "db": db}}, costs
"""
OPTIMIZE_RIGHT = dict(iterations="num_iterations", w_step="learning_rate * dw", b_update="b - learning_rate * db",
                      record="i % 100 == 0", after="pass")


def optimize_with(**change: str) -> str:
    return OPTIMIZE.format(**{**OPTIMIZE_RIGHT, **change})


MODEL = """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros({X_train}.shape[0])
    params, grads, costs = optimize(w, b, {X_train}, {Y_train}, {training})
    w, b = params["w"], params["b"]
    return {{"costs": costs, "Y_prediction_test": predict(w, b, {X_test}),
            "Y_prediction_train": predict(w, b, {X_train}), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}}
"""
MODEL_RIGHT = dict(X_train="X_train", Y_train="Y_train", X_test="X_test",
                   training="num_iterations, learning_rate")


def model_with(**change: str) -> str:
    return MODEL.format(**{**MODEL_RIGHT, **change})


# (assignment, function, mistake code, the student's cell)
WRONG = [
    # vectorization
    ("vectorization", "basic_sigmoid", "M_EXP_SIGN", """
def basic_sigmoid(x):
    return 1 / (1 + math.exp(x))
"""),
    ("vectorization", "basic_sigmoid", "M_PRECEDENCE", """
def basic_sigmoid(x):
    return 1 / 1 + math.exp(-x)
"""),
    ("vectorization", "sigmoid", "M_MATH_EXP_ON_ARRAY", """
def sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s
"""),
    ("vectorization", "sigmoid", "M_EXP_SIGN", """
def sigmoid(x):
    return 1 / (1 + np.exp(x))
"""),
    ("vectorization", "sigmoid", "M_PRECEDENCE", """
def sigmoid(x):
    s = 1 / 1 + np.exp(-x)
    return s
"""),
    ("vectorization", "sigmoid_derivative", "M_MATH_EXP_ON_ARRAY", """
def sigmoid_derivative(x):
    s = 1 / (1 + math.exp(-x))
    return s * (1 - s)
"""),
    ("vectorization", "sigmoid_derivative", "M_DERIVATIVE_OF_X", """
def sigmoid_derivative(x):
    ds = x * (1 - x)
    return ds
"""),
    ("vectorization", "sigmoid_derivative", "M_DERIVATIVE_OF_X", """
def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 - x)
"""),
    ("vectorization", "sigmoid_derivative", "M_DOT_NOT_ELEMENTWISE", """
def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    return np.dot(s, 1 - s)
"""),
    ("vectorization", "image2vector", "M_RANK1", """
def image2vector(image):
    return image.reshape(-1)
"""),
    ("vectorization", "image2vector", "M_TRANSPOSE", """
def image2vector(image):
    return image.reshape(1, image.shape[0] * image.shape[1] * image.shape[2])
"""),
    ("vectorization", "image2vector", "M_HARDCODED_SHAPE", """
def image2vector(image):
    v = image.reshape(3 * 3 * 2, 1)
    return v
"""),
    ("vectorization", "normalize_rows", "M_MUTATES_INPUT", """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x /= x_norm
    return x
"""),
    ("vectorization", "normalize_rows", "M_NO_KEEPDIMS", """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1)
"""),
    ("vectorization", "normalize_rows", "M_WRONG_AXIS", """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)
"""),
    ("vectorization", "normalize_rows", "M_NO_AXIS", """
def normalize_rows(x):
    return x / np.linalg.norm(x)
"""),
    ("vectorization", "normalize_rows", "M_NORM_SQUARED", """
def normalize_rows(x):
    return x / np.sum(x ** 2, axis=1, keepdims=True)
"""),
    ("vectorization", "softmax", "M_MATH_EXP_ON_ARRAY", """
def softmax(x):
    x_exp = math.exp(x)
    return x_exp / np.sum(x_exp, axis=1, keepdims=True)
"""),
    ("vectorization", "softmax", "M_NO_KEEPDIMS", """
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1)
    return x_exp / x_sum
"""),
    ("vectorization", "softmax", "M_WRONG_AXIS", """
def softmax(x):
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp, axis=0, keepdims=True)
"""),
    ("vectorization", "softmax", "M_NO_AXIS", """
def softmax(x):
    x_exp = np.exp(x - np.max(x))
    return x_exp / np.sum(x_exp)
"""),
    ("vectorization", "L1", "M_L1_NO_ABS", """
def L1(yhat, y):
    return float(np.sum(y - yhat))
"""),
    ("vectorization", "L1", "M_MEAN_NOT_SUM", """
def L1(yhat, y):
    return float(np.mean(np.abs(y - yhat)))
"""),
    ("vectorization", "L1", "M_INT_TRUNCATION", """
def L1(yhat, y):
    return int(np.sum(np.abs(y - yhat)))
"""),
    ("vectorization", "L2", "M_L2_SQRT", """
def L2(yhat, y):
    return float(np.linalg.norm(y - yhat))
"""),
    ("vectorization", "L2", "M_MEAN_NOT_SUM", """
def L2(yhat, y):
    return float(np.mean((y - yhat) ** 2))
"""),
    ("vectorization", "L2", "M_INT_TRUNCATION", """
def L2(yhat, y):
    return int(np.sum((y - yhat) ** 2))
"""),
    ("vectorization", "L2", "M_DOT_NOT_ELEMENTWISE", """
def L2(yhat, y):
    d = y - yhat
    return float(np.dot(d, d))
"""),
    ("vectorization", "dot_loop", "M_LOOP_OFF_BY_ONE", """
def dot_loop(a, b):
    dot = 0.0
    for i in range(len(a) - 1):
        dot += a[i] * b[i]
    return dot
"""),
    ("vectorization", "dot_loop", "M_INT_TRUNCATION", """
def dot_loop(a, b):
    dot = 0
    for i in range(len(a)):
        dot += a[i] * b[i]
    return int(dot)
"""),
    ("vectorization", "dot_loop", "M_INT_NOT_FLOAT", """
def dot_loop(a, b):
    dot = 0
    for i in range(len(a)):
        dot += a[i] * b[i]
    return int(dot)
"""),
    ("vectorization", "dot_vectorized", "M_ELEMENTWISE_NOT_DOT", """
def dot_vectorized(a, b):
    return a * b
"""),
    ("vectorization", "dot_vectorized", "M_INT_TRUNCATION", """
def dot_vectorized(a, b):
    return int(np.dot(a, b))
"""),
    ("vectorization", "dot_vectorized", "M_INT_NOT_FLOAT", """
def dot_vectorized(a, b):
    return int(np.dot(a, b))
"""),
    ("vectorization", "matvec", "M_RANK1", """
def matvec(A, v):
    return A @ v[:, 0]
"""),
    ("vectorization", "matvec", "M_ELEMENTWISE_NOT_DOT", """
def matvec(A, v):
    return A * v
"""),
    ("vectorization", "matvec", "M_TRANSPOSE", """
def matvec(A, v):
    return np.dot(A.T, v)
"""),
    ("vectorization", "relu", "M_MAX_NOT_MAXIMUM", """
def relu(v):
    return np.max(0, v)
"""),
    # broadcasting
    ("broadcasting", "calorie_percentages", "M_MUTATES_INPUT", """
def calorie_percentages(A):
    A /= A.sum(axis=0, keepdims=True)
    return 100 * A
"""),
    ("broadcasting", "calorie_percentages", "M_INT_TRUNCATION", """
def calorie_percentages(A):
    return 100 * A // A.sum(axis=0, keepdims=True)
"""),
    ("broadcasting", "calorie_percentages", "M_FRACTION_NOT_PERCENT", """
def calorie_percentages(A):
    return A / A.sum(axis=0, keepdims=True)
"""),
    ("broadcasting", "calorie_percentages", "M_WRONG_AXIS", """
def calorie_percentages(A):
    return 100 * A / A.sum(axis=1, keepdims=True)
"""),
    ("broadcasting", "calorie_percentages", "M_NO_AXIS", """
def calorie_percentages(A):
    return 100 * A / np.sum(A)
"""),
    ("broadcasting", "calorie_percentages", "M_HARDCODED_SHAPE", """
def calorie_percentages(A):
    return 100 * A / A.sum(axis=0).reshape(1, 4)
"""),
    ("broadcasting", "center_columns", "M_MUTATES_INPUT", """
def center_columns(X):
    X -= X.mean(axis=0, keepdims=True)
    return X
"""),
    ("broadcasting", "center_columns", "M_WRONG_AXIS", """
def center_columns(X):
    return X - X.mean(axis=1, keepdims=True)
"""),
    ("broadcasting", "center_columns", "M_NO_AXIS", """
def center_columns(X):
    return X - np.mean(X)
"""),
    ("broadcasting", "center_columns", "M_STANDARDIZED", """
def center_columns(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)
"""),
    ("broadcasting", "scale_rows", "M_TRANSPOSE", """
def scale_rows(X, s):
    return X * s.T
"""),
    ("broadcasting", "scale_rows", "M_RANK1", """
def scale_rows(X, s):
    return X * s.flatten()
"""),
    ("broadcasting", "broadcast_shape", "M_BROADCAST_NO_ERROR", """
def broadcast_shape(shape_a, shape_b):
    ndim = max(len(shape_a), len(shape_b))
    a = (1,) * (ndim - len(shape_a)) + tuple(shape_a)
    b = (1,) * (ndim - len(shape_b)) + tuple(shape_b)
    return tuple(max(x, y) for x, y in zip(a, b))
"""),
    ("broadcasting", "broadcast_shape", "M_ALIGN_LEFT", """
def broadcast_shape(shape_a, shape_b):
    ndim = max(len(shape_a), len(shape_b))
    a = tuple(shape_a) + (1,) * (ndim - len(shape_a))
    b = tuple(shape_b) + (1,) * (ndim - len(shape_b))
    result = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            raise ValueError("incompatible shapes")
        result.append(max(x, y))
    return tuple(result)
"""),
    ("broadcasting", "broadcast_shape", "M_SHAPES_NOT_PADDED", """
def broadcast_shape(shape_a, shape_b):
    result = []
    for x, y in zip(reversed(shape_a), reversed(shape_b)):
        if x != y and x != 1 and y != 1:
            raise ValueError("incompatible shapes")
        result.append(max(x, y))
    return tuple(reversed(result))
"""),
    ("broadcasting", "to_column", "M_RANK1", """
def to_column(a):
    return a.T
"""),
    ("broadcasting", "to_column", "M_T_NOT_RESHAPE", """
def to_column(a):
    if a.ndim == 1:
        return a.reshape(-1, 1)
    return a.T
"""),
    ("broadcasting", "to_column", "M_LEN_NOT_SIZE", """
def to_column(a):
    return a.reshape(a.shape[0], 1)
"""),
    ("broadcasting", "to_row", "M_RANK1", """
def to_row(a):
    return a.T
"""),
    ("broadcasting", "to_row", "M_T_NOT_RESHAPE", """
def to_row(a):
    if a.ndim == 1:
        return a.reshape(1, -1)
    return a.T
"""),
    ("broadcasting", "to_row", "M_LEN_NOT_SIZE", """
def to_row(a):
    return a.reshape(1, len(a))
"""),
    ("broadcasting", "outer", "M_INNER_NOT_OUTER", """
def outer(a, b):
    return np.dot(a, b.T)
"""),
    ("broadcasting", "outer", "M_TRANSPOSE", """
def outer(a, b):
    return np.reshape(b, (-1, 1)) * np.reshape(a, (1, -1))
"""),
    # logistic_regression
    ("logistic_regression", "flatten_images", "M_FLATTEN_NO_TRANSPOSE", """
def flatten_images(images):
    return images.reshape(-1, images.shape[0])
"""),
    ("logistic_regression", "flatten_images", "M_TRANSPOSE", """
def flatten_images(images):
    return images.reshape(images.shape[0], -1)
"""),
    ("logistic_regression", "flatten_images", "M_HARDCODED_SHAPE", """
def flatten_images(images):
    return images.reshape(images.shape[0], 64).T
"""),
    ("logistic_regression", "sigmoid", "M_MATH_EXP_ON_ARRAY", """
import math

def sigmoid(z):
    return 1 / (1 + math.exp(-z))
"""),
    ("logistic_regression", "sigmoid", "M_EXP_SIGN", """
def sigmoid(z):
    return 1 / (1 + np.exp(z))
"""),
    ("logistic_regression", "sigmoid", "M_PRECEDENCE", """
def sigmoid(z):
    return 1 / 1 + np.exp(-z)
"""),
    ("logistic_regression", "initialize_with_zeros", "M_SHAPE_NOT_TUPLE", """
def initialize_with_zeros(dim):
    w = np.zeros(dim, 1)
    return w, 0.0
"""),
    ("logistic_regression", "initialize_with_zeros", "M_RANK1", """
def initialize_with_zeros(dim):
    return np.zeros(dim), 0.0
"""),
    ("logistic_regression", "initialize_with_zeros", "M_TRANSPOSE", """
def initialize_with_zeros(dim):
    return np.zeros((1, dim)), 0.0
"""),
    ("logistic_regression", "initialize_with_zeros", "M_HARDCODED_SHAPE", """
def initialize_with_zeros(dim):
    return np.zeros((64, 1)), 0.0
"""),
    ("logistic_regression", "initialize_with_zeros", "M_INT_NOT_FLOAT", """
def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0
    return w, b
"""),
    ("logistic_regression", "propagate", "M_NOTEBOOK_GLOBAL",
     propagate_with(dw="np.dot(train_set_x, (A - Y).T) / m")),
    ("logistic_regression", "propagate", "M_COST_MATRIX",
     propagate_with(cost="-(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m")),
    ("logistic_regression", "propagate", "M_COST_MATRIX", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
    dw = X @ (A - Y).T / m
    db = np.sum(A - Y, axis=1, keepdims=True) / m
    return {"dw": dw, "db": db}, cost
"""),
    ("logistic_regression", "propagate", "M_COST_UNSUMMED",
     propagate_with(cost="-(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m")),
    ("logistic_regression", "propagate", "M_OUTER_PRODUCT_COST",
     propagate_with(cost="-np.sum(Y.T * np.log(A) + (1 - Y).T * np.log(1 - A)) / m")),
    ("logistic_regression", "propagate", "M_ELEMENTWISE_NOT_DOT", propagate_with(A="sigmoid(w.T * X + b)")),
    ("logistic_regression", "propagate", "M_TRANSPOSE", propagate_with(A="sigmoid(np.dot(w, X) + b)")),
    ("logistic_regression", "propagate", "M_RANK1", propagate_with(dw="np.sum(X * (A - Y), axis=1) / m")),
    ("logistic_regression", "propagate", "M_MISSING_BIAS", propagate_with(A="sigmoid(np.dot(w.T, X))")),
    ("logistic_regression", "propagate", "M_MISSING_1_OVER_M", propagate_with(dw="np.dot(X, (A - Y).T)")),
    ("logistic_regression", "propagate", "M_WRONG_M", propagate_with(m="X.shape[0]")),
    ("logistic_regression", "propagate", "M_SIGN_FLIP",
     propagate_with(cost="np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m")),
    ("logistic_regression", "optimize", "M_NOTEBOOK_GLOBAL", optimize_with().replace(
        "propagate(w, b, X, Y)", "propagate(w, b, train_set_x, train_y)")),
    ("logistic_regression", "optimize", "M_HARDCODED_ITERATIONS", optimize_with(iterations="100")),
    ("logistic_regression", "optimize", "M_BIAS_NOT_UPDATED", optimize_with(b_update="b")),
    ("logistic_regression", "optimize", "M_HARDCODED_LR", optimize_with(w_step="0.009 * dw",
                                                                         b_update="b - 0.009 * db")),
    ("logistic_regression", "optimize", "M_GRADIENT_ASCENT", optimize_with(w_step="-learning_rate * dw",
                                                                            b_update="b + learning_rate * db")),
    ("logistic_regression", "optimize", "M_GRADIENT_ASCENT", optimize_with(b_update="b + learning_rate * db")),
    ("logistic_regression", "optimize", "M_COSTS_WRONG_ITERATIONS", optimize_with(record="(i + 1) % 100 == 0")),
    ("logistic_regression", "optimize", "M_GRADS_AFTER_LOOP", optimize_with(
        after='grads, cost = propagate(w, b, X, Y)\n    dw, db = grads["dw"], grads["db"]')),
    ("logistic_regression", "predict", "M_NOTEBOOK_GLOBAL", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, test_set_x) + b)
    return (A > 0.5).astype(float)
"""),
    ("logistic_regression", "predict", "M_RANK1", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A[0] > 0.5) * 1.0
"""),
    ("logistic_regression", "predict", "M_TRANSPOSE", """
def predict(w, b, X):
    A = sigmoid(np.dot(X.T, w) + b)
    return (A > 0.5).astype(float)
"""),
    ("logistic_regression", "predict", "M_PROBABILITIES_NOT_LABELS", """
def predict(w, b, X):
    return sigmoid(np.dot(w.T, X) + b)
"""),
    ("logistic_regression", "predict", "M_THRESHOLD_GE", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A >= 0.5).astype(float)
"""),
    ("logistic_regression", "predict", "M_MISSING_BIAS", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X))
    return (A > 0.5).astype(float)
"""),
    ("logistic_regression", "model", "M_NOTEBOOK_GLOBAL", model_with(
        X_train="train_set_x", Y_train="train_y", X_test="test_set_x")),
    ("logistic_regression", "model", "M_HARDCODED_ITERATIONS", model_with(training="2000, learning_rate")),
    ("logistic_regression", "model", "M_HARDCODED_LR", model_with(training="num_iterations, 0.5")),
    ("logistic_regression", "model", "M_BIAS_NOT_UPDATED", optimize_with(b_update="b") + model_with()),
    ("logistic_regression", "model", "M_COSTS_WRONG_ITERATIONS",
     optimize_with(record="i % 100 == 99") + model_with()),
]


def student_function(assignment: str, name: str, source: str, label: str = "student"):
    """Run a student's cell (after the notebook's data and the reference helpers) and return its function.

    The cell is registered with linecache, as IPython does, so exceptions show the student's line.
    """
    reference = importlib.import_module(f"solutions.{assignment}")
    namespace = {"np": np, "math": math}
    namespace.update({k: v for k, v in vars(reference).items() if callable(v) and not k.startswith("_")})
    exec(NOTEBOOK, namespace)
    source = textwrap.dedent(source).strip() + "\n"
    filename = f"<cell {label}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]

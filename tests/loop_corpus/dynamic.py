"""FORBIDDEN001: code built or looked up at run time, which no static rule can check."""

# --- snippet: exec with globals ---
import numpy as np


def relu(v):
    scope = {"v": v, "np": np}
    exec("r = np.maximum(v, 0)", globals(), scope)  # expect: FORBIDDEN001, FORBIDDEN001
    return scope["r"]

# --- snippet: eval of an expression ---
def sigmoid(x):
    return eval("1 / (1 + np.exp(-x))")  # expect: FORBIDDEN001

# --- snippet: compile then eval ---
def softmax(x):
    code = compile("np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)", "<s>", "eval")  # expect: FORBIDDEN001
    return eval(code)  # expect: FORBIDDEN001

# --- snippet: __import__ of numpy ---
def sigmoid_derivative(x):
    s = 1 / (1 + __import__("numpy").exp(-x))  # expect: FORBIDDEN001
    return s * (1 - s)

# --- snippet: importlib.import_module ---
import importlib


def L1(yhat, y):
    numpy = importlib.import_module("numpy")  # expect: FORBIDDEN001
    return numpy.sum(numpy.abs(yhat - y))

# --- snippet: getattr with a name built at run time ---
import numpy as np


def sigmoid(x):
    return getattr(np, "vec" + "torize")(lambda t: 1 / (1 + np.exp(-t)))(x)  # expect: FORBIDDEN001

# --- snippet: np.__dict__ lookup ---
def relu(v):
    return np.__dict__["vectorize"](lambda t: max(t, 0))(v)  # expect: FORBIDDEN001

# --- snippet: calling a helper through globals() ---
def _rows(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def normalize_rows(x):
    return globals()["_rows"](x)  # expect: FORBIDDEN001

# --- snippet: vars of a module ---
def L2(yhat, y):
    d = yhat - y
    return vars(np)["dot"](d.ravel(), d.ravel())  # expect: FORBIDDEN001

# --- snippet: __builtins__ access ---
def dot_vectorized(a, b):
    return __builtins__.sum(a * b)  # expect: FORBIDDEN001

# --- snippet: setattr with a computed name and locals() ---
def to_column(a):
    name = "reshaped"
    setattr(a, name, None) if locals() else None  # expect: FORBIDDEN001, FORBIDDEN001
    return a.reshape(-1, 1)

# --- snippet: eval in optimize is still forbidden ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        eval("None")  # expect: FORBIDDEN001
    return {"w": w, "b": b}, {"dw": w, "db": b}, costs

# --- snippet: clean: getattr with a constant, non-looping name ---
import numpy as np


def relu(v):
    return getattr(np, "maximum")(v, 0) + 0 * getattr(v, "size")

# --- snippet: clean: dot_loop may do anything, its loops are the exercise ---
def dot_loop(a, b):
    total = 0.0
    for i in range(len(a)):
        total += a[i] * b[i]
    return eval("total")

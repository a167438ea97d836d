"""Helpers: a graded function is charged with the loops of every function it reaches."""

# --- snippet: propagate calls a cost helper with a loop ---
import numpy as np


def _cost(A, Y):
    total = 0.0
    for a, y in zip(A.ravel(), Y.ravel()):  # expect: LOOP001@propagate
        total -= y * np.log(a) + (1 - y) * np.log(1 - a)
    return total / Y.shape[1]


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    return {"dw": X @ (A - Y).T / m, "db": np.sum(A - Y) / m}, _cost(A, Y)

# --- snippet: the helper lives in an earlier cell ---
import numpy as np


def _row_norms(x):
    return np.array([[np.sqrt(np.sum(row ** 2))] for row in x])  # expect: LOOP003@normalize_rows
# --- cell ---
def normalize_rows(x):
    return x / _row_norms(x)

# --- snippet: a chain of helpers over three cells ---
def _exp_row(row):
    out = []
    for t in row:  # expect: LOOP001@softmax
        out.append(np.exp(t - row.max()))
    return np.array(out)
# --- cell ---
def _exp_rows(x):
    return np.stack([_exp_row(r) for r in x])  # expect: LOOP003
# --- cell ---
import numpy as np


def softmax(x):
    e = _exp_rows(x)
    return e / e.sum(axis=1, keepdims=True)

# --- snippet: a nested def with a loop is judged even when not called ---
def sigmoid(x):
    def slow(values):
        return [1 / (1 + np.exp(-t)) for t in values]  # expect: LOOP003@sigmoid

    return 1 / (1 + np.exp(-x))

# --- snippet: a lambda bound to a module-level name ---
_squares = lambda r: [t * t for t in r]  # expect: LOOP003@L2


def L2(yhat, y):
    return float(np.sum(_squares((yhat - y).ravel())))

# --- snippet: a module-level np.vectorize used by sigmoid ---
import math

import numpy as np


def basic_sigmoid(x):
    return 1 / (1 + math.exp(-x))


vsig = np.vectorize(basic_sigmoid)  # expect: LOOP005@sigmoid


def sigmoid(x):
    return vsig(x)

# --- snippet: a helper passed as a callback to apply_along_axis ---
def _unit(row):
    return row / np.linalg.norm(row)


def normalize_rows(x):
    return np.apply_along_axis(_unit, 1, x)  # expect: LOOP005

# --- snippet: the last definition of a helper wins ---
def _shift(x):
    return x - x.max(axis=1, keepdims=True)
# --- cell ---
def _shift(x):
    return np.array([row - max(row) for row in x])  # expect: LOOP003, LOOP004
# --- cell ---
def softmax(x):
    e = np.exp(_shift(x))
    return e / np.sum(e, axis=1, keepdims=True)

# --- snippet: one helper shared by two graded functions is charged to both ---
def _abs_diffs(yhat, y):
    return [abs(a - b) for a, b in zip(yhat.ravel(), y.ravel())]  # expect: LOOP003@L1, LOOP003@L2


def L1(yhat, y):
    return float(np.sum(_abs_diffs(yhat, y)))


def L2(yhat, y):
    d = np.array(_abs_diffs(yhat, y))
    return float(d @ d)

# --- snippet: a helper that loops over a callback it is given ---
def _apply(f, values):
    out = np.empty_like(values, dtype=float)
    for i in range(values.size):  # expect: LOOP001@relu
        out.flat[i] = f(values.flat[i])
    return out


def _positive(t):
    return t if t > 0 else 0.0


def relu(v):
    return _apply(_positive, v)

# --- snippet: a helper aliased at module level ---
def _slow_dot(a, b):
    total = 0.0
    while a.size and total == total:  # expect: LOOP002@dot_vectorized
        break
    return total + float(np.sum(a * b))


fast_dot = _slow_dot


def dot_vectorized(a, b):
    return fast_dot(a, b)

# --- snippet: clean: a vectorized helper in another cell ---
import numpy as np


def _linear(w, b, X):
    return w.T @ X + b
# --- cell ---
def predict(w, b, X):
    A = 1 / (1 + np.exp(-_linear(w, b, X)))
    return (A > 0.5).astype(float)

# --- snippet: clean: a looping function nobody graded calls ---
def print_table(rows):
    for row in rows:
        print(" | ".join(f"{value:8.3f}" for value in row))


def center_columns(X):
    return X - X.mean(axis=0, keepdims=True)

# --- snippet: clean: an earlier looping helper replaced by a vectorized one ---
def _column_totals(A):
    return np.array([sum(col) for col in A.T])
# --- cell ---
def _column_totals(A):
    return A.sum(axis=0, keepdims=True)
# --- cell ---
def calorie_percentages(A):
    return 100 * A / _column_totals(A)

# --- snippet: clean: a module-level array read by the function is not its code ---
import numpy as np

TABLE = np.array([[56.0, 0.0, 4.4, 68.0], [1.2, 104.0, 52.0, 8.0], [1.8, 135.0, 99.0, 0.9]])
NAMES = [name.upper() for name in ("carb", "protein", "fat")]


def calorie_percentages(A):
    return 100 * A / A.sum(axis=0, keepdims=True) if A is not None else TABLE

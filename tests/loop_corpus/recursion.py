"""LOOP006: recursion, direct or mutual, through helpers and graded functions."""

# --- snippet: L1 recursing on the tail ---
def L1(yhat, y):
    if yhat.size == 0:
        return 0.0
    return abs(yhat.flat[0] - y.flat[0]) + L1(yhat.ravel()[1:], y.ravel()[1:])  # expect: LOOP006

# --- snippet: mutual recursion between two helpers ---
import numpy as np


def _even(n, x):
    return x if n == 0 else _odd(n - 1, np.exp(x))


def _odd(n, x):
    return x if n == 0 else _even(n - 1, x)  # expect: LOOP006@softmax


def softmax(x):
    e = _even(1, x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)

# --- snippet: a helper calling back the graded function ---
def _halve(v):
    return relu(v[: v.size // 2])  # expect: LOOP006@relu


def relu(v):
    if v.size <= 1:
        return np.maximum(v, 0)
    return np.concatenate([_halve(v), np.maximum(v[v.size // 2:], 0)])

# --- snippet: two graded functions calling each other ---
import numpy as np


def sigmoid(x):
    if np.ndim(x) == 0:
        return 1 / (1 + np.exp(-x))
    return sigmoid_derivative(x) * 0 + 1 / (1 + np.exp(-x))  # expect: LOOP006@sigmoid


def sigmoid_derivative(x):
    s = sigmoid(x)  # expect: LOOP006@sigmoid_derivative
    return s * (1 - s)

# --- snippet: a nested def recursing over rows ---
def matvec(A, v):
    def rows(i):
        if i == A.shape[0]:
            return []
        return [A[i] @ v] + rows(i + 1)  # expect: LOOP006@matvec

    return np.array(rows(0))

# --- snippet: a recursive lambda bound to a module-level name ---
_power_sum = lambda x, k: 0 if k == 0 else np.sum(x ** k) + _power_sum(x, k - 1)  # expect: LOOP006


def L2(yhat, y):
    return float(_power_sum(yhat - y, 2) - _power_sum(yhat - y, 1))

# --- snippet: clean: a helper called twice is not recursion ---
def _check(a):
    assert a.ndim == 2, "expected a 2-d array"
    return a


def scale_rows(X, s):
    return _check(X) * _check(s)

# --- snippet: clean: a diamond of helpers is not a cycle ---
def _base(x):
    return np.exp(-x)


def _left(x):
    return 1 + _base(x)


def _right(x):
    return _base(x) / _left(x) ** 2


def sigmoid_derivative(x):
    return _right(x) + 0 * _left(x)

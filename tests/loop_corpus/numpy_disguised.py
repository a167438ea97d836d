"""LOOP005: numpy functions that call Python once per element (or per row)."""

# --- snippet: sigmoid through np.vectorize of a lambda ---
import math

import numpy as np


def sigmoid(x):
    return np.vectorize(lambda t: 1 / (1 + math.exp(-t)))(x)  # expect: LOOP005

# --- snippet: relu decorated with np.vectorize ---
@np.vectorize  # expect: LOOP005
def relu(v):
    return v if v > 0 else 0.0

# --- snippet: sigmoid_derivative through np.frompyfunc ---
def sigmoid_derivative(x):
    ufunc = np.frompyfunc(lambda t: math.exp(-t) / (1 + math.exp(-t)) ** 2, 1, 1)  # expect: LOOP005
    return ufunc(x).astype(float)

# --- snippet: normalize_rows with np.apply_along_axis ---
def normalize_rows(x):
    return np.apply_along_axis(lambda row: row / np.linalg.norm(row), 1, x)  # expect: LOOP005

# --- snippet: calorie_percentages with np.apply_over_axes ---
def calorie_percentages(A):
    totals = np.apply_over_axes(np.sum, A, [0])  # expect: LOOP005
    return 100 * A / totals

# --- snippet: L2 with np.fromiter over a generator ---
def L2(yhat, y):
    squares = np.fromiter(((a - b) ** 2 for a, b in zip(yhat, y)), dtype=float)  # expect: LOOP005, LOOP003
    return float(np.sum(squares))

# --- snippet: relu writing through np.nditer ---
def relu(v):
    out = v.astype(float)
    for t in np.nditer(out, op_flags=["readwrite"]):  # expect: LOOP001, LOOP005
        t[...] = max(t, 0.0)
    return out

# --- snippet: sigmoid over np.ndenumerate ---
def sigmoid(x):
    out = np.empty(x.shape)
    for index, t in np.ndenumerate(x):  # expect: LOOP001, LOOP005
        out[index] = 1 / (1 + np.exp(-t))
    return out

# --- snippet: relu over np.ndindex ---
def relu(v):
    out = np.zeros(v.shape)
    for index in np.ndindex(*v.shape):  # expect: LOOP001, LOOP005
        out[index] = v[index] if v[index] > 0 else 0.0
    return out

# --- snippet: sigmoid with a vectorized scalar function kept in a local ---
def sigmoid(x):
    scalar = np.vectorize(lambda t: 1 / (1 + math.exp(-t)))  # expect: LOOP005
    return scalar(x)

# --- snippet: clean: numpy ufuncs on the whole array ---
def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)

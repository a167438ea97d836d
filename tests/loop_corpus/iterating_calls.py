"""LOOP004: map, filter, reduce, itertools and builtins that iterate an array in Python."""

# --- snippet: L1 with builtin sum over an array ---
import functools
import itertools
import math
import operator
import statistics

import numpy as np


def L1(yhat, y):
    return sum(abs(yhat - y))  # expect: LOOP004

# --- snippet: L2 with float of builtin sum ---
def L2(yhat, y):
    return float(sum((yhat - y) ** 2))  # expect: LOOP004

# --- snippet: relu with list of map and a lambda ---
def relu(v):
    return np.array(list(map(lambda t: max(t, 0), v)))  # expect: LOOP004, LOOP004

# --- snippet: relu keeping positives with filter ---
def relu(v):
    positives = list(filter(lambda t: t > 0, v))  # expect: LOOP004, LOOP004
    return np.maximum(v, 0) if positives else np.zeros_like(v)

# --- snippet: dot_vectorized with functools.reduce ---
def dot_vectorized(a, b):
    return functools.reduce(lambda acc, p: acc + p, a * b)  # expect: LOOP004

# --- snippet: dot_vectorized with itertools.starmap ---
def dot_vectorized(a, b):
    return sum(itertools.starmap(operator.mul, zip(a, b)))  # expect: LOOP004, LOOP004

# --- snippet: calorie_percentages with itertools.accumulate ---
def calorie_percentages(A):
    totals = np.array(list(itertools.accumulate(A)))[-1]  # expect: LOOP004, LOOP004
    return 100 * A / totals

# --- snippet: normalize_rows with builtin max of one array ---
def normalize_rows(x):
    scale = max(np.abs(x).ravel())  # expect: LOOP004
    y = x / scale
    return y / np.linalg.norm(y, axis=1, keepdims=True)

# --- snippet: relu with min of an unpacked array ---
def relu(v):
    lowest = min(*v.ravel())  # expect: LOOP004
    return v - np.minimum(v, 0) if lowest < 0 else v

# --- snippet: predict with sorted and any ---
def predict(w, b, X):
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    ranked = sorted(A[0])  # expect: LOOP004
    if any(A[0] > 1):  # expect: LOOP004
        raise ValueError(ranked)
    return (A > 0.5).astype(float)

# --- snippet: to_row through tuple of the array ---
def to_row(a):
    return np.array([tuple(a.ravel())])  # expect: LOOP004

# --- snippet: L2 with math.fsum ---
def L2(yhat, y):
    return math.fsum(((yhat - y) ** 2).ravel())  # expect: LOOP004

# --- snippet: L1 with statistics.fmean ---
def L1(yhat, y):
    return statistics.fmean(np.abs(yhat - y)) * y.size  # expect: LOOP004

# --- snippet: propagate packing grads with dict of zip ---
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    grads = dict(zip(("dw", "db"), (X @ (A - Y).T / m, np.sum(A - Y) / m)))  # expect: LOOP004
    return grads, cost

# --- snippet: sigmoid_derivative with all over the array ---
def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    assert all(s.ravel() > 0)  # expect: LOOP004
    return s * (1 - s)

# --- snippet: clean: max of two scalars and min of a shape ---
def L1(yhat, y):
    smallest = min(y.shape)
    return float(max(np.sum(np.abs(y - yhat)), 0.0)) + 0 * smallest

# --- snippet: clean: tuple of a shape, sum of a literal pair, len ---
def image2vector(image):
    l, h, d = tuple(image.shape)
    assert sum((l, h)) > 0 and len(image) == l
    return image.reshape(l * h * d, 1)

# --- snippet: clean: dict with keywords and an empty list ---
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    log = list()
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    log.append(cost)
    return dict(dw=X @ (A - Y).T / m, db=np.sum(A - Y) / m), cost

# --- snippet: clean: locals named sum and max shadow the builtins ---
def softmax(x):
    max = np.max(x, axis=1, keepdims=True)
    e = np.exp(x - max)
    sum = e.sum(axis=1, keepdims=True)
    return e / sum

# --- snippet: clean: numpy's own sum, min, max and sort ---
def calorie_percentages(A):
    assert np.min(A) >= 0 and np.max(A) >= 0 and np.sort(A, axis=0).shape == A.shape
    return 100 * A / np.sum(A, axis=0, keepdims=True)

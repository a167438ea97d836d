"""LOOP002: while-loops in graded functions."""

# --- snippet: L2 with a while over an index ---
import numpy as np


def L2(yhat, y):
    total, i = 0.0, 0
    while i < y.size:  # expect: LOOP002
        total += (y.flat[i] - yhat.flat[i]) ** 2
        i += 1
    return total

# --- snippet: relu clearing one negative entry per turn ---
def relu(v):
    out = v.astype(float)
    while (out < 0).any():  # expect: LOOP002
        out[np.argmin(out)] = 0.0
    return out

# --- snippet: normalize_rows with a while nested in a for ---
def normalize_rows(x):
    out = x.astype(float)
    for i in range(x.shape[0]):  # expect: LOOP001
        norm, k = 0.0, 0
        while k < x.shape[1]:  # expect: LOOP002
            norm += x[i, k] ** 2
            k += 1
        out[i] /= np.sqrt(norm)
    return out

# --- snippet: predict walking the columns with while True and break ---
def predict(w, b, X):
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    out, j = np.zeros_like(A), 0
    while True:  # expect: LOOP002
        if j == A.shape[1]:
            break
        out[0, j] = float(A[0, j] > 0.5)
        j += 1
    return out

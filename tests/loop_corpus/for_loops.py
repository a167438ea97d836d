"""LOOP001: for-loops in graded functions (each snippet is linted as its own notebook)."""

# --- snippet: L1 summing over range(len(y)) ---
import numpy as np


def L1(yhat, y):
    loss = 0.0
    for i in range(len(y)):  # expect: LOOP001
        loss += abs(y[i] - yhat[i])
    return loss

# --- snippet: sigmoid element by element over x.shape[0] ---
def sigmoid(x):
    s = np.zeros_like(x, dtype=float)
    for i in range(x.shape[0]):  # expect: LOOP001
        s[i] = 1 / (1 + np.exp(-x[i]))
    return s

# --- snippet: normalize_rows over enumerate(x) ---
def normalize_rows(x):
    out = np.empty_like(x, dtype=float)
    for i, row in enumerate(x):  # expect: LOOP001
        out[i] = row / np.linalg.norm(row)
    return out

# --- snippet: matvec with two nested loops ---
def matvec(A, v):
    u = np.zeros((A.shape[0], 1))
    for i in range(A.shape[0]):  # expect: LOOP001
        for k in range(A.shape[1]):  # expect: LOOP001
            u[i, 0] += A[i, k] * v[k, 0]
    return u

# --- snippet: softmax one row at a time ---
def softmax(x):
    out = np.empty_like(x, dtype=float)
    for r in range(x.shape[0]):  # expect: LOOP001
        e = np.exp(x[r] - np.max(x[r]))
        out[r] = e / np.sum(e)
    return out

# --- snippet: propagate accumulating the gradient over examples ---
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    dw = np.zeros_like(w)
    for j in range(m):  # expect: LOOP001
        dw += X[:, [j]] * (A[0, j] - Y[0, j])
    db = np.sum(A - Y) / m
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    return {"dw": dw / m, "db": db}, cost

# --- snippet: predict thresholding each column with an if ---
def predict(w, b, X):
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    Y_prediction = np.zeros((1, X.shape[1]))
    for i in range(A.shape[1]):  # expect: LOOP001
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
    return Y_prediction

# --- snippet: center_columns with a for-else over columns ---
def center_columns(X):
    out = X.astype(float)
    for j in range(X.shape[1]):  # expect: LOOP001
        out[:, j] -= X[:, j].mean()
    else:
        pass
    return out

# --- snippet: initialize_with_zeros appending one zero per dimension ---
def initialize_with_zeros(dim):
    w = []
    for _ in range(dim):  # expect: LOOP001
        w.append([0.0])
    return np.array(w), 0.0

# --- snippet: flatten_images copying example by example ---
def flatten_images(images):
    m = images.shape[0]
    out = np.empty((images[0].size, m))
    for i, image in enumerate(images):  # expect: LOOP001
        out[:, i] = image.ravel()
    return out

# --- snippet: sigmoid with an async for in a nested coroutine ---
import asyncio


def sigmoid(x):
    async def collect(values):
        out = []
        async for t in values:  # expect: LOOP001
            out.append(1 / (1 + np.exp(-t)))
        return out

    return 1 / (1 + np.exp(-x))

# --- snippet: scale_rows over zip of rows and factors ---
def scale_rows(X, s):
    rows = np.empty_like(X, dtype=float)
    for i, (row, factor) in enumerate(zip(X, s)):  # expect: LOOP001
        rows[i] = row * factor
    return rows

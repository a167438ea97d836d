"""LOOP003: comprehensions and generator expressions."""

# --- snippet: sigmoid as a list comprehension ---
import math

import numpy as np


def sigmoid(x):
    return np.array([1 / (1 + np.exp(-t)) for t in x])  # expect: LOOP003

# --- snippet: L2 summing a list comprehension over zip ---
def L2(yhat, y):
    return sum([(a - b) ** 2 for a, b in zip(yhat, y)])  # expect: LOOP003, LOOP004

# --- snippet: normalize_rows with row norms from a comprehension ---
def normalize_rows(x):
    norms = np.array([[np.linalg.norm(row)] for row in x])  # expect: LOOP003
    return x / norms

# --- snippet: propagate building grads with a dict comprehension ---
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    dw, db = X @ (A - Y).T / m, np.sum(A - Y) / m
    grads = {name: value for name, value in (("dw", dw), ("db", db))}  # expect: LOOP003
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return grads, cost

# --- snippet: image2vector with a set comprehension over the shape ---
def image2vector(image):
    sizes = {d for d in image.shape}  # expect: LOOP003
    return image.reshape(-1, 1) if sizes else image

# --- snippet: L1 with np.sum of a generator expression ---
def L1(yhat, y):
    return np.sum(abs(a - b) for a, b in zip(yhat, y))  # expect: LOOP003

# --- snippet: matvec with a nested multi-line comprehension ---
def matvec(A, v):
    rows = [  # expect: LOOP003
        [sum(A[i, k] * v[k, 0] for k in range(A.shape[1]))]  # expect: LOOP003, LOOP004
        for i in range(A.shape[0])
    ]
    return np.array(rows)

# --- snippet: softmax flattening with two for clauses ---
def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    flat = [e[i, j] for i in range(e.shape[0]) for j in range(e.shape[1])]  # expect: LOOP003, LOOP003
    return np.reshape(flat, e.shape) / e.sum(axis=1, keepdims=True)

# --- snippet: relu through a lambda holding a comprehension ---
def relu(v):
    clip = lambda row: [t if t > 0 else 0.0 for t in row]  # expect: LOOP003
    return np.array(clip(v))

# --- snippet: basic_sigmoid of a scalar through a generator ---
def basic_sigmoid(x):
    return next(1 / (1 + math.exp(-t)) for t in (x,))  # expect: LOOP003

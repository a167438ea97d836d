import math
import numpy as np


def basic_sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s


def sigmoid(x):
    # go through every entry and apply the formula
    x = np.array(x, dtype=float)
    s = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        s[idx] = 1 / (1 + math.exp(-x[idx]))
    return s


def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    ds = s * (1 - s)
    return ds


def image2vector(image):
    l, h, d = image.shape
    v = image.reshape(l * h * d, 1)
    return v


def normalize_rows(x):
    result = np.zeros(x.shape)
    for i in range(x.shape[0]):
        row_norm = np.linalg.norm(x[i])
        result[i] = x[i] / row_norm
    return result


def softmax(x):
    # softmax of every row separately
    rows = [np.exp(row) / np.sum(np.exp(row)) for row in x]
    return np.array(rows)


def L1(yhat, y):
    total = 0.0
    for d in np.nditer(y - yhat):
        total += abs(d)
    return float(total)


def L2(yhat, y):
    loss = np.sum((y - yhat) ** 2)
    return float(loss)


def dot_loop(a, b):
    dot = 0.0
    for i in range(len(a)):
        dot += a[i] * b[i]
    return dot


def dot_vectorized(a, b):
    # no explicit for loop here
    return float(sum(a[i] * b[i] for i in range(len(a))))


def matvec(A, v):
    m, n = A.shape
    u = np.zeros((m, 1))
    for i in range(m):
        for j in range(n):
            u[i, 0] += A[i, j] * v[j, 0]
    return u


def relu(v):
    return np.where(v > 0, v, 0)

"""Correct vectorized solutions in many idioms: none of them may get a finding."""

# --- snippet: basic_sigmoid with math.exp ---
import math


def basic_sigmoid(x):
    return 1 / (1 + math.exp(-x))

# --- snippet: sigmoid with np.exp ---
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))

# --- snippet: sigmoid, numerically stable with np.where ---
def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))

# --- snippet: sigmoid through tanh ---
def sigmoid(x):
    return 0.5 * (1 + np.tanh(0.5 * x))

# --- snippet: sigmoid_derivative from s * (1 - s) ---
def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    ds = s * (1 - s)
    return ds

# --- snippet: image2vector with reshape ---
def image2vector(image):
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)

# --- snippet: image2vector with np.prod of the shape and reshape(-1, 1) ---
def image2vector(image):
    v = np.reshape(image, (int(np.prod(image.shape)), 1))
    return v

# --- snippet: image2vector with ravel and np.newaxis ---
def image2vector(image):
    return image.ravel()[:, np.newaxis]

# --- snippet: normalize_rows with np.linalg.norm and keepdims ---
def normalize_rows(x):
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    return x / x_norm

# --- snippet: normalize_rows with np.sqrt of np.sum(axis=1, keepdims=True) ---
def normalize_rows(x):
    return x / np.sqrt(np.sum(x * x, axis=1, keepdims=True))

# --- snippet: normalize_rows with einsum row norms ---
def normalize_rows(x):
    norms = np.sqrt(np.einsum("ij,ij->i", x, x))
    return x / norms.reshape(-1, 1)

# --- snippet: softmax, stable with keepdims ---
def softmax(x):
    x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
    return x_exp / np.sum(x_exp, axis=1, keepdims=True)

# --- snippet: softmax with np.newaxis ---
def softmax(x):
    e = np.exp(x - x.max(axis=1)[:, np.newaxis])
    return e / e.sum(axis=1)[:, np.newaxis]

# --- snippet: L1 with np.sum of np.abs ---
def L1(yhat, y):
    loss = np.sum(np.abs(y - yhat))
    return loss

# --- snippet: L1 with np.linalg.norm ord 1 ---
def L1(yhat, y):
    return float(np.linalg.norm((y - yhat).ravel(), ord=1))

# --- snippet: L2 with np.dot of the difference ---
def L2(yhat, y):
    d = y - yhat
    return np.dot(d, d)

# --- snippet: L2 with @ and float ---
def L2(yhat, y):
    d = (y - yhat).ravel()
    return float(d @ d)

# --- snippet: L2 with np.sum of squares ---
def L2(yhat, y):
    return np.sum(np.square(yhat - y))

# --- snippet: dot_vectorized with np.dot ---
def dot_vectorized(a, b):
    return np.dot(a, b)

# --- snippet: dot_vectorized with np.einsum ---
def dot_vectorized(a, b):
    return np.einsum("i,i->", a, b)

# --- snippet: dot_vectorized with @ ---
def dot_vectorized(a, b):
    return a @ b

# --- snippet: matvec with @ ---
def matvec(A, v):
    return A @ v

# --- snippet: matvec with np.matmul ---
def matvec(A, v):
    return np.matmul(A, v)

# --- snippet: matvec with np.einsum ---
def matvec(A, v):
    return np.einsum("ij,jk->ik", A, v)

# --- snippet: matvec broadcasting then summing with keepdims ---
def matvec(A, v):
    return np.sum(A * v.T, axis=1, keepdims=True)

# --- snippet: relu with np.maximum ---
def relu(v):
    return np.maximum(v, 0)

# --- snippet: relu with a boolean mask ---
def relu(v):
    return v * (v > 0)

# --- snippet: relu with np.clip ---
def relu(v):
    return np.clip(v, 0, None)

# --- snippet: relu with np.where ---
def relu(v):
    return np.where(v > 0, v, 0.0)

# --- snippet: relu with boolean-mask assignment on a copy ---
def relu(v):
    out = v.copy()
    out[out < 0] = 0
    return out

# --- snippet: calorie_percentages with column sums and keepdims ---
def calorie_percentages(A):
    cal = A.sum(axis=0, keepdims=True)
    return 100 * A / cal

# --- snippet: calorie_percentages with reshape of the totals ---
def calorie_percentages(A):
    return 100 * A / np.sum(A, axis=0).reshape(1, 4 if A.shape[1] == 4 else A.shape[1])

# --- snippet: center_columns with np.mean(axis=0) ---
def center_columns(X):
    return X - np.mean(X, axis=0)

# --- snippet: scale_rows broadcasting a column ---
def scale_rows(X, s):
    return X * s

# --- snippet: scale_rows with np.multiply and reshape ---
def scale_rows(X, s):
    return np.multiply(X, np.reshape(s, (-1, 1)))

# --- snippet: to_column with reshape(-1, 1) ---
def to_column(a):
    return a.reshape(-1, 1)

# --- snippet: to_row with None indexing ---
def to_row(a):
    return np.asarray(a).ravel()[None, :]

# --- snippet: outer with np.outer ---
def outer(a, b):
    return np.outer(a, b)

# --- snippet: outer broadcasting a column against a row ---
def outer(a, b):
    return np.reshape(a, (-1, 1)) * np.reshape(b, (1, -1))

# --- snippet: flatten_images with reshape and transpose ---
def flatten_images(images):
    return images.reshape(images.shape[0], -1).T

# --- snippet: initialize_with_zeros with np.zeros ---
def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b

# --- snippet: propagate fully vectorized ---
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    return {"dw": dw, "db": db}, np.squeeze(np.array(cost))

# --- snippet: propagate with np.mean and np.log1p ---
def propagate(w, b, X, Y):
    Z = w.T @ X + b
    A = 1 / (1 + np.exp(-Z))
    cost = np.mean(np.log1p(np.exp(-Z)) * Y + np.log1p(np.exp(Z)) * (1 - Y))
    return {"dw": X @ (A - Y).T / X.shape[1], "db": float(np.mean(A - Y))}, float(cost)

# --- snippet: predict with a comparison cast to float ---
def predict(w, b, X):
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    return (A > 0.5).astype(float)

# --- snippet: predict with fancy-indexed assignment ---
def predict(w, b, X):
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    Y_prediction = np.zeros((1, X.shape[1]))
    Y_prediction[A > 0.5] = 1
    return Y_prediction

# --- snippet: predict with np.where ---
def predict(w, b, X):
    A = 1 / (1 + np.exp(-(w.reshape(X.shape[0], 1).T @ X + b)))
    return np.where(A > 0.5, 1, 0)

# --- snippet: optimize with the textbook loop over iterations ---
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        m = X.shape[1]
        A = 1 / (1 + np.exp(-(w.T @ X + b)))
        dw, db = X @ (A - Y).T / m, np.sum(A - Y) / m
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs

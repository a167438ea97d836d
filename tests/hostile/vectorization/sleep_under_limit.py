# Hostile: every function sleeps 9.5 s, just under the 10 s limit of a call, then answers right.
# Without a budget per submission it would take minutes (every public and hidden case of every
# function); the budget stops it and the rest fails at once with TIMEOUT.
# unit: relu
# expect: TIMEOUT
# mentions: budget
import time


def basic_sigmoid(x):
    time.sleep(9.5)
    return 1 / (1 + np.exp(-x))


def sigmoid(x):
    time.sleep(9.5)
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    time.sleep(9.5)
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)


def image2vector(image):
    time.sleep(9.5)
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)


def normalize_rows(x):
    time.sleep(9.5)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def matvec(A, v):
    time.sleep(9.5)
    return np.dot(A, v)


def relu(v):
    time.sleep(9.5)
    return np.maximum(0, v)

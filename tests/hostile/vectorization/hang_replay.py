# Hostile: every solution cell spends 4 s at its top level (under the 20 s cell limit) and its
# functions hang. Each hang kills the worker, and the restart replays every earlier cell, 4 s
# each: without a budget per submission the replays alone take minutes.
# unit: relu
# expect: TIMEOUT
# mentions: budget
import time

time.sleep(4)


def sigmoid(x):
    while True:
        pass


time.sleep(4)


def image2vector(image):
    while True:
        pass


time.sleep(4)


def normalize_rows(x):
    while True:
        pass


time.sleep(4)


def softmax(x):
    while True:
        pass


time.sleep(4)


def L1(yhat, y):
    while True:
        pass


time.sleep(4)


def matvec(A, v):
    while True:
        pass


time.sleep(4)


def relu(v):
    while True:
        pass

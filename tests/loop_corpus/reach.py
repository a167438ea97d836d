"""Code a graded function reaches outside plain helper functions: classes, instances, containers of
callables, code stored into them later (in any cell, after the test cell too), decorators, wrappers."""

# --- snippet: a method of a class the function instantiates ---
import numpy as np


class _Rectifier:
    def apply(self, v):
        return np.array([[max(t, 0.0) for t in row] for row in v])  # expect: LOOP003@relu, LOOP003@relu


def relu(v):
    return _Rectifier().apply(v)

# --- snippet: a method called on a module-level instance ---
import numpy as np


class _Squasher:
    def squash(self, x):
        out = np.empty_like(x)
        for index in range(x.size):  # expect: LOOP001@sigmoid
            out.flat[index] = 1 / (1 + np.exp(-x.flat[index]))
        return out


_squasher = _Squasher()


def sigmoid(x):
    return _squasher.squash(x)

# --- snippet: a lambda stored in a module-level dict ---
import numpy as np

_OPS = {"abs": lambda r: sum(abs(t) for t in r)}  # expect: LOOP004@L1, LOOP003@L1


def L1(yhat, y):
    return float(_OPS["abs"]((y - yhat).ravel()))

# --- snippet: a list of callables, filled after the test cell ---
import numpy as np

_STEPS = []


def relu(v):
    for step in _STEPS:  # expect: LOOP001@relu
        v = step(v)
    return v
# --- cell ---
kitcheck.expect(relu, np.array([[-1.0, 2.0]]), expected=np.array([[0.0, 2.0]]))
# --- cell ---
_STEPS.append(lambda v: np.array([max(t, 0.0) for t in v.ravel()]).reshape(v.shape))  # expect: LOOP003@relu

# --- snippet: a helper defined in a cell after the test cell ---
import numpy as np


def L2(yhat, y):
    return _squared_sum(y - yhat)
# --- cell ---
kitcheck.expect(L2, np.array([1.0]), np.array([2.0]), expected=1.0)
# --- cell ---
def _squared_sum(d):
    total = 0.0
    while d.size:  # expect: LOOP002@L2
        total, d = total + float(d[0] ** 2), d[1:]
    return total

# --- snippet: a decorator that is an instance of a class with a looping __call__ ---
import numpy as np


class _Elementwise:
    def __call__(self, func):
        def each(x):
            return np.array([func(t) for t in x.ravel()]).reshape(x.shape)  # expect: LOOP003@sigmoid
        return each


_elementwise = _Elementwise()


@_elementwise
def sigmoid(x):
    return 1 / (1 + np.exp(-x))

# --- snippet: a method assigned to the class in a later cell ---
import numpy as np


class _Model:
    pass


_model = _Model()


def softmax(x):
    return _model.forward(x)
# --- cell ---
_Model.forward = lambda self, x: np.array([np.exp(r) / np.exp(r).sum() for r in x])  # expect: LOOP003@softmax

# --- snippet: a looping function rebound through a wrapper keeps its loop ---
import functools

import numpy as np


def relu(v):
    return np.array([max(t, 0.0) for t in v.ravel()]).reshape(v.shape)  # expect: LOOP003@relu


def sigmoid(x):
    return 1 / (1 + np.exp(-x))
# --- cell ---
relu = functools.lru_cache(maxsize=None)(relu)

# --- snippet: clean: a class with vectorized methods and a module-level array ---
import numpy as np

_WEIGHTS = np.array([t * 2.0 for t in range(3)])


class _Layer:
    def forward(self, v):
        return np.maximum(v, 0)


def relu(v):
    return _Layer().forward(v) + 0 * _WEIGHTS.sum()

"""Code anywhere in the notebook that reaches what measures graded functions: FORBIDDEN001 for every
graded function (each line below is charged once per graded function of its snippet)."""

# --- snippet: a function that notices it is traced and takes a cheap path ---
import sys

import numpy as np


def relu(v):
    if sys.gettrace() is not None:  # expect: FORBIDDEN001@relu
        return np.maximum(v, 0)
    return np.array([max(t, 0.0) for t in v.ravel()]).reshape(v.shape)  # expect: LOOP003@relu

# --- snippet: the frame's f_trace switched off, through a frame taken from an exception ---
import numpy as np


def sigmoid(x):
    try:
        raise ValueError
    except ValueError as error:
        error.__traceback__.tb_frame.f_trace = None  # expect: FORBIDDEN001@sigmoid
    return 1 / (1 + np.exp(-x))

# --- snippet: module-level code replaces the kit's counter ---
import numpy as np
import autograder.sandbox.tracing as _tracing  # expect: FORBIDDEN001@relu

_tracing.count_events = lambda *args, **kwargs: 3  # expect: FORBIDDEN001@relu


def relu(v):
    return np.maximum(v, 0)

# --- snippet: module-level sys.settrace and sys.modules, in a cell of their own ---
import sys

import numpy as np

sys.settrace(None)  # expect: FORBIDDEN001@L1
_worker = sys.modules.get("autograder.sandbox.worker")  # expect: FORBIDDEN001@L1
# --- cell ---
def L1(yhat, y):
    return float(np.sum(np.abs(y - yhat)))

# --- snippet: gc, ctypes and threads anywhere ---
import gc  # expect: FORBIDDEN001@L2
import threading  # expect: FORBIDDEN001@L2

import numpy as np

_found = [o for o in gc.get_objects() if callable(o)]  # expect: FORBIDDEN001@L2


def L2(yhat, y):
    return float(np.sum((y - yhat) ** 2))
# --- cell ---
from ctypes import pythonapi  # expect: FORBIDDEN001@L2

# --- snippet: patching builtins and numpy at module level ---
import builtins

import numpy as np

builtins.sum = np.sum  # expect: FORBIDDEN001@relu
np.maximum = lambda a, b: a  # expect: FORBIDDEN001@relu


def relu(v):
    return np.maximum(v, 0)

# --- snippet: the kit's internals through kitcheck; eval at module level ---
import kitcheck
import numpy as np

_rule = kitcheck.loops.lint_cells  # expect: FORBIDDEN001@relu
eval("1 + 1")  # expect: FORBIDDEN001@relu


def relu(v):
    return np.maximum(v, 0)

# --- snippet: two graded functions, one tampering line: both are charged ---
import inspect  # expect: FORBIDDEN001@relu, FORBIDDEN001@L1

import numpy as np


def _here():
    return inspect.currentframe()  # expect: FORBIDDEN001@relu, FORBIDDEN001@L1


def relu(v):
    return np.maximum(v, 0)


def L1(yhat, y):
    return float(np.sum(np.abs(y - yhat)))

# --- snippet: clean: what honest notebooks import and call ---
import math
import time

import kitcheck
import matplotlib.pyplot as plt
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


start = time.perf_counter()
sigmoid(np.arange(3.0))
print(f"{(time.perf_counter() - start) * 1e3:.2f} ms", math.pi)
plt.plot(np.arange(3.0))
kitcheck.expect(sigmoid, np.array([0.0]), expected=np.array([0.5]))

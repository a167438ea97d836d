"""Aliases must not hide a loop: renamed modules, renamed functions, names bound to callables."""

# --- snippet: import numpy as xp then xp.vectorize ---
import numpy as xp


def sigmoid(x):
    return xp.vectorize(lambda t: 1 / (1 + xp.exp(-t)))(x)  # expect: LOOP005

# --- snippet: from numpy import vectorize as v, in an earlier cell ---
from numpy import vectorize as v
# --- cell ---
import numpy as np


def relu(v_in):
    return v(lambda t: max(t, 0.0))(v_in)  # expect: LOOP005

# --- snippet: the full path through numpy.lib ---
import numpy.lib


def normalize_rows(x):
    return numpy.lib.shape_base.apply_along_axis(lambda r: r / (r @ r) ** 0.5, 1, x)  # expect: LOOP005

# --- snippet: from functools import reduce as r ---
from functools import reduce as r

import numpy as np


def dot_vectorized(a, b):
    return r(lambda acc, p: acc + p, a * b, 0.0)  # expect: LOOP004

# --- snippet: import functools as ft then ft.reduce ---
import functools as ft


def L1(yhat, y):
    return ft.reduce(lambda acc, d: acc + abs(d), (yhat - y).ravel(), 0.0)  # expect: LOOP004

# --- snippet: builtins.map through the builtins module ---
import builtins

import numpy as np


def relu(v):
    return np.array(builtins.list(builtins.map(lambda t: t * (t > 0), v)))  # expect: LOOP004, LOOP004

# --- snippet: m = map at module level in another cell ---
m = map
# --- cell ---
import numpy as np


def sigmoid(x):
    return np.array(list(m(lambda t: 1 / (1 + np.exp(-t)), x)))  # expect: LOOP004, LOOP004

# --- snippet: a local alias of map is flagged where it is named and where it is called ---
def relu(v):
    apply = map  # expect: LOOP004
    return np.array(list(apply(lambda t: max(t, 0), v)))  # expect: LOOP004, LOOP004

# --- snippet: getattr with a constant name resolves to np.vectorize ---
import numpy as np


def sigmoid(x):
    return getattr(np, "vectorize")(lambda t: 1 / (1 + np.exp(-t)))(x)  # expect: LOOP005

# --- snippet: from itertools import starmap as sm ---
from itertools import starmap as sm
from operator import mul


def dot_vectorized(a, b):
    return np.sum(list(sm(mul, zip(a, b))))  # expect: LOOP004, LOOP004

# --- snippet: star import from numpy ---
from numpy import *


def sigmoid(x):
    return vectorize(lambda t: 1 / (1 + exp(-t)))(x)  # expect: LOOP005

# --- snippet: a chain of module-level aliases over two cells ---
import numpy as np

vec = np.vectorize
# --- cell ---
wrap = vec


def relu(v):
    return wrap(lambda t: t if t > 0 else 0.0)(v)  # expect: LOOP005

# --- snippet: s = sum at module level, used in L1 ---
s = sum


def L1(yhat, y):
    return s(np.abs(yhat - y))  # expect: LOOP004

# --- snippet: from numpy.lib import shape_base as sb ---
from numpy.lib import shape_base as sb


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return sb.apply_along_axis(lambda r: r / r.sum(), 1, e)  # expect: LOOP005

# --- snippet: clean: numpy's sum imported under a short name is not builtin sum ---
from numpy import sum as npsum
import numpy as xp


def L2(yhat, y):
    d = xp.ravel(yhat - y)
    return npsum(d * d)

# --- snippet: clean: math.exp imported by name in basic_sigmoid ---
from math import exp


def basic_sigmoid(x):
    return 1 / (1 + exp(-x))

# --- snippet: clean: a parameter named like a builtin shadows it ---
import numpy as np


def scale_rows(X, s, sum=None):
    return X * s if sum is None else X * s + sum

# --- snippet: clean: after a star import from numpy, sum and max are numpy's ---
from numpy import *


def L1(yhat, y):
    return sum(abs(yhat - y)) + 0 * max(y)

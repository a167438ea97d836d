"""broadcast_shape ("dimensions"): loops over dimensions are fine, np.broadcast_* is not."""

# --- snippet: clean: a for-loop over dimensions from the right ---
def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = (1,) * (n - len(shape_a)) + tuple(shape_a)
    b = (1,) * (n - len(shape_b)) + tuple(shape_b)
    result = []
    for da, db in zip(a, b):
        if da != db and 1 not in (da, db):
            raise ValueError(f"shapes {shape_a} and {shape_b} do not broadcast")
        result.append(max(da, db))
    return tuple(result)

# --- snippet: clean: a while-loop with negative indices ---
def broadcast_shape(shape_a, shape_b):
    result, k = [], 1
    while k <= max(len(shape_a), len(shape_b)):
        da = shape_a[-k] if k <= len(shape_a) else 1
        db = shape_b[-k] if k <= len(shape_b) else 1
        if da != db and da != 1 and db != 1:
            raise ValueError("incompatible dimensions")
        result.insert(0, da if db == 1 else db)
        k += 1
    return tuple(result)

# --- snippet: clean: a comprehension over itertools.zip_longest ---
import itertools


def _merge(da, db):
    if da != db and 1 not in (da, db):
        raise ValueError("incompatible dimensions")
    return max(da, db)


def broadcast_shape(shape_a, shape_b):
    pairs = itertools.zip_longest(reversed(shape_a), reversed(shape_b), fillvalue=1)
    return tuple(reversed([_merge(da, db) for da, db in pairs]))

# --- snippet: clean: recursion over the trailing dimension ---
def broadcast_shape(shape_a, shape_b):
    if not shape_a or not shape_b:
        return tuple(shape_a) or tuple(shape_b)
    da, db = shape_a[-1], shape_b[-1]
    if da != db and 1 not in (da, db):
        raise ValueError("incompatible dimensions")
    return broadcast_shape(shape_a[:-1], shape_b[:-1]) + (max(da, db),)

# --- snippet: clean: center_columns may use np.broadcast_to, only broadcast_shape may not ---
import numpy as np


def center_columns(X):
    means = np.broadcast_to(X.mean(axis=0), X.shape)
    return X - means

# --- snippet: np.broadcast_shapes does the exercise ---
import numpy as np


def broadcast_shape(shape_a, shape_b):
    return np.broadcast_shapes(tuple(shape_a), tuple(shape_b))  # expect: FORBIDDEN002

# --- snippet: np.broadcast of two empty arrays ---
def broadcast_shape(shape_a, shape_b):
    return np.broadcast(np.empty(shape_a), np.empty(shape_b)).shape  # expect: FORBIDDEN002

# --- snippet: np.broadcast_arrays ---
def broadcast_shape(shape_a, shape_b):
    a, _ = np.broadcast_arrays(np.zeros(shape_a), np.zeros(shape_b))  # expect: FORBIDDEN002
    return a.shape

# --- snippet: broadcast_to through np.lib.stride_tricks under an alias ---
from numpy.lib import stride_tricks as st


def broadcast_shape(shape_a, shape_b):
    try:
        return st.broadcast_to(np.empty(shape_a), shape_b).shape  # expect: FORBIDDEN002
    except ValueError:
        return np.lib.stride_tricks.broadcast_to(np.empty(shape_b), shape_a).shape  # expect: FORBIDDEN002

# --- snippet: a helper calling np.broadcast_shapes ---
def _rules(a, b):
    return np.broadcast_shapes(a, b)  # expect: FORBIDDEN002@broadcast_shape


def broadcast_shape(shape_a, shape_b):
    result = []
    for d in _rules(shape_a, shape_b):
        result.append(d)
    return tuple(result)

# --- snippet: eval in broadcast_shape ---
def broadcast_shape(shape_a, shape_b):
    return eval("np.broadcast_shapes(shape_a, shape_b)")  # expect: FORBIDDEN001

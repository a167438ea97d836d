"""Known mistakes of the "vectorization" assignment: their wrong variants and detectors.

Each wrong variant is the reference with the one mistake made, run on the failing case's inputs;
a detector says "this is that mistake" only when the student's output is the variant's and the
variant is really wrong on that case (a square input, an exact 0.5, ... may hide a mistake).
"""
from __future__ import annotations

import numpy as np

from .common import (
    Failure, broadcast_shapes, explains, hardcoded_reshape, int_not_float, int_truncation, is_number,
    math_exp, misaligned_product, mutates_input, product_text, rank1, ratio, transposed,
)


def _float(x) -> np.ndarray:
    return np.asarray(x, dtype=float)


def _sigmoid(x) -> np.ndarray:
    return 1 / (1 + np.exp(-_float(x)))


def _square(x) -> bool:
    return np.ndim(x) == 2 and x.shape[0] == x.shape[1]


# ---------------------------------------------------------------------------------------------
# Element-wise functions
# ---------------------------------------------------------------------------------------------
def exp_sign(f: Failure) -> dict | None:
    """1 / (1 + exp(x)): the sigmoid of -x, which is 1 - sigmoid(x)."""
    return {"what": f.name} if explains(f.got, _sigmoid(-_float(f.args[0])), f.expected) else None


def precedence(f: Failure) -> dict | None:
    """1 / 1 + exp(-x): the division binds first, so the result is 1 + e^(-x)."""
    return {"what": f.name} if explains(f.got, 1 + np.exp(-_float(f.args[0])), f.expected) else None


def derivative_of_x(f: Failure) -> dict | None:
    """The derivative formula with x in the place of s = sigmoid(x), in either factor or both."""
    x = _float(f.args[0])
    s = _sigmoid(x)
    variants = {"x * (1 - x)": x * (1 - x), "s * (1 - x)": s * (1 - x), "x * (1 - s)": x * (1 - s)}
    for formula, variant in variants.items():
        if explains(f.got, variant, f.expected):
            return {"formula": formula}
    return None


def dot_not_elementwise(formula: str, operands):
    """np.dot(u, u) where u * u is due: it fails on two (n, 1) or (1, n) arrays (shapes not aligned),
    and on a square or rank-1 input gives a matrix product or one number."""
    def detector(f: Failure) -> dict | None:
        u, v = (_float(a) for a in operands(f))
        shapes = misaligned_product(f)
        products = [np.dot(u, v)] if u.ndim < 2 or u.shape[1] == v.shape[0] else []
        if (shapes and shapes == (u.shape, v.shape)) or any(explains(f.got, p, f.expected) for p in products):
            return {"what": f.name, "formula": formula}
        return None
    return detector


def _derivative_factors(f: Failure):
    s = _sigmoid(f.args[0])
    return s, 1 - s


def _differences(f: Failure):
    d = _float(f.args[1]) - _float(f.args[0])
    return d, d


def max_not_maximum(f: Failure) -> dict | None:
    """np.max(0, v) raises (v read as an axis), max(0, v) cannot compare, np.max(v) is one number."""
    line = f.error_line or "max("
    if "max" in line and (f.raised("TypeError", r"only integer scalar arrays can be converted to a scalar index")
                          or f.raised("ValueError", r"truth value of an array with more than one element")):
        return {}
    v = _float(f.args[0])
    variants = [v.max(), max(0.0, float(v.max())), v.max(axis=0)]
    return {} if any(explains(f.got, variant, f.expected) for variant in variants) else None


# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------------
# Row-wise reductions: normalize_rows and softmax
# ---------------------------------------------------------------------------------------------
def _row_norms(x, **axis) -> np.ndarray:
    return np.linalg.norm(_float(x), axis=axis.get("axis"), keepdims=axis.get("keepdims", False))


def _rank1_row_totals(f: Failure) -> int | None:
    """n when the student's division raised for an (n, k) matrix and n row totals of shape (n,)."""
    shapes = broadcast_shapes(f)
    x = f.args[0]
    if shapes and np.ndim(x) == 2 and x.shape in shapes and (x.shape[0],) in shapes:
        return x.shape[0]
    return None


def normalize_no_keepdims(f: Failure) -> dict | None:
    x = _float(f.args[0])
    n = _rank1_row_totals(f)
    if n is None and _square(x) and explains(f.got, x / _row_norms(x, axis=1)[None, :], f.expected):
        n = x.shape[0]
    return None if n is None else {"reduction": "np.linalg.norm(x, axis=1)", "n": n}


def normalize_wrong_axis(f: Failure) -> dict | None:
    x = _float(f.args[0])
    variant = x / _row_norms(x, axis=0, keepdims=True)
    return {"what": f.name, "wrong": 0, "axis": 1} if explains(f.got, variant, f.expected) else None


def norm_squared(f: Failure) -> dict | None:
    x = _float(f.args[0])
    return {} if explains(f.got, x / np.sum(x ** 2, axis=1, keepdims=True), f.expected) else None


def normalize_no_axis(f: Failure) -> dict | None:
    x = _float(f.args[0])
    return {"what": f.name, "axis": 1} if explains(f.got, x / _row_norms(x), f.expected) else None


def _exp(x) -> np.ndarray:
    return np.exp(_float(x))


def softmax_no_keepdims(f: Failure) -> dict | None:
    """Row sums (or row maxima) of shape (n,) broadcast along the columns on a square input."""
    x = _float(f.args[0])
    n = _rank1_row_totals(f)
    if n is None and _square(x):
        e = _exp(x)
        shifted = _exp(x - x.max(axis=1)[None, :])
        variants = [e / e.sum(axis=1)[None, :],
                    shifted / shifted.sum(axis=1, keepdims=True),
                    shifted / shifted.sum(axis=1)[None, :]]
        if any(explains(f.got, variant, f.expected) for variant in variants):
            n = x.shape[0]
    return None if n is None else {"reduction": "np.sum(..., axis=1)", "n": n}


def softmax_wrong_axis(f: Failure) -> dict | None:
    """Column sums, or the stabilising maximum taken per column instead of per row."""
    x = _float(f.args[0])
    e = _exp(x)
    shifted = _exp(x - x.max(axis=0, keepdims=True))
    variants = [e / e.sum(axis=0, keepdims=True), shifted / shifted.sum(axis=1, keepdims=True)]
    if any(explains(f.got, variant, f.expected) for variant in variants):
        return {"what": f.name, "wrong": 0, "axis": 1}
    return None


def softmax_no_axis(f: Failure) -> dict | None:
    e = _exp(f.args[0])
    return {"what": f.name, "axis": 1} if explains(f.got, e / e.sum(), f.expected) else None


# ---------------------------------------------------------------------------------------------
# Losses and products
# ---------------------------------------------------------------------------------------------
def l1_no_abs(f: Failure) -> dict | None:
    yhat, y = _float(f.args[0]), _float(f.args[1])
    signed = [np.sum(y - yhat), np.sum(yhat - y)]
    return {} if any(explains(f.got, variant, f.expected) for variant in signed) else None


def l2_sqrt(f: Failure) -> dict | None:
    return {} if is_number(f.got) and explains(f.got, np.sqrt(f.expected), f.expected) else None


def mean_not_sum(f: Failure) -> dict | None:
    n = np.size(f.args[0])
    r = ratio(f.got, f.expected)
    return {"what": f.name, "n": n} if n > 1 and r is not None and np.isclose(r * n, 1, rtol=1e-6) else None


def loop_off_by_one(f: Failure) -> dict | None:
    """range(len(a) - 1) misses the last product, range(1, len(a)) the first."""
    a, b = np.ravel(f.args[0]).astype(float), np.ravel(f.args[1]).astype(float)
    for index in (a.size - 1, 0):
        if explains(f.got, f.expected - a[index] * b[index], f.expected):
            return {"index": index}
    return None


def dot_elementwise(f: Failure) -> dict | None:
    """a * b: the products, never summed."""
    a, b = _float(f.args[0]), _float(f.args[1])
    return {"what": f.name, "formula": "np.dot(a, b)"} if explains(f.got, a * b, f.expected) else None


def matvec_elementwise(f: Failure) -> dict | None:
    A, v = f.args
    shapes = broadcast_shapes(f)
    fills = {"what": f.name, "formula": "A @ v"}
    if shapes and {tuple(A.shape)} <= set(shapes) and set(shapes) & {v.shape, v.T.shape}:
        return fills
    A, v = _float(A), _float(v)
    variants = [A * v.T] + ([A * v] if _square(A) else [])
    return fills if any(explains(f.got, variant, f.expected) for variant in variants) else None


def matvec_transpose(f: Failure) -> dict | None:
    """A.T @ v: it runs on a square A only, where it gives the wrong vector."""
    A, v = f.args
    due = product_text(A.shape, v.shape)
    shapes = misaligned_product(f)
    known = {A.shape, A.T.shape, v.shape, v.T.shape}
    if shapes and set(shapes) <= known:
        return {"what": f.name, "got": product_text(*shapes), "due": due}
    if _square(A) and explains(f.got, _float(A).T @ _float(v), f.expected):
        return {"what": f.name, "got": "A.T @ v", "due": "A @ v"}
    return None


# Function -> [(mistake code, detector)], the most specific first.
DETECTORS = {
    "basic_sigmoid": [("M_EXP_SIGN", exp_sign), ("M_PRECEDENCE", precedence)],
    "sigmoid": [("M_MATH_EXP_ON_ARRAY", math_exp), ("M_EXP_SIGN", exp_sign), ("M_PRECEDENCE", precedence)],
    "sigmoid_derivative": [
        ("M_MATH_EXP_ON_ARRAY", math_exp),
        ("M_DERIVATIVE_OF_X", derivative_of_x),
        ("M_DOT_NOT_ELEMENTWISE", dot_not_elementwise("s * (1 - s)", _derivative_factors)),
    ],
    "image2vector": [("M_RANK1", rank1), ("M_TRANSPOSE", transposed), ("M_HARDCODED_SHAPE", hardcoded_reshape)],
    "normalize_rows": [
        ("M_MUTATES_INPUT", mutates_input),
        ("M_NO_KEEPDIMS", normalize_no_keepdims),
        ("M_WRONG_AXIS", normalize_wrong_axis),
        ("M_NO_AXIS", normalize_no_axis),
        ("M_NORM_SQUARED", norm_squared),
    ],
    "softmax": [
        ("M_MATH_EXP_ON_ARRAY", math_exp),
        ("M_NO_KEEPDIMS", softmax_no_keepdims),
        ("M_WRONG_AXIS", softmax_wrong_axis),
        ("M_NO_AXIS", softmax_no_axis),
    ],
    "L1": [("M_L1_NO_ABS", l1_no_abs), ("M_MEAN_NOT_SUM", mean_not_sum), ("M_INT_TRUNCATION", int_truncation)],
    "L2": [
        ("M_L2_SQRT", l2_sqrt),
        ("M_MEAN_NOT_SUM", mean_not_sum),
        ("M_INT_TRUNCATION", int_truncation),
        ("M_DOT_NOT_ELEMENTWISE", dot_not_elementwise("np.sum((y - yhat) * (y - yhat))", _differences)),
    ],
    "dot_loop": [
        ("M_LOOP_OFF_BY_ONE", loop_off_by_one),
        ("M_INT_TRUNCATION", int_truncation),
        ("M_INT_NOT_FLOAT", int_not_float),
    ],
    "dot_vectorized": [
        ("M_ELEMENTWISE_NOT_DOT", dot_elementwise),
        ("M_INT_TRUNCATION", int_truncation),
        ("M_INT_NOT_FLOAT", int_not_float),
    ],
    "matvec": [
        ("M_RANK1", rank1),
        ("M_ELEMENTWISE_NOT_DOT", matvec_elementwise),
        ("M_TRANSPOSE", matvec_transpose),
    ],
    "relu": [("M_MAX_NOT_MAXIMUM", max_not_maximum)],
}

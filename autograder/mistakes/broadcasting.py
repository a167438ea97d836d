"""Known mistakes of the "broadcasting" assignment: their wrong variants and detectors."""
from __future__ import annotations

import numpy as np

from .common import (
    Failure, broadcast_shapes, explains, failed_reshape, int_truncation, is_number, misaligned_product,
    hardcoded_reshape, mutates_input, rank1, ratio, shape_text, transposed,
)


def _float(x) -> np.ndarray:
    return np.asarray(x, dtype=float)


def _attempt(compute):
    """A variant that numpy may refuse to broadcast on this input: None then (it cannot explain anything)."""
    try:
        return compute()
    except ValueError:
        return None


def _explained(f: Failure, *variants) -> bool:
    return any(v is not None and explains(f.got, v, f.expected) for v in variants)


def _row_totals_raised(f: Failure, X) -> bool:
    """The student divided an (m, k) matrix by m row totals of shape (m,): numpy refused."""
    shapes = broadcast_shapes(f)
    return bool(shapes) and X.shape in shapes and (X.shape[0],) in shapes


# ---------------------------------------------------------------------------------------------
# calorie_percentages and center_columns: reductions down the columns
# ---------------------------------------------------------------------------------------------
def calories_wrong_axis(f: Failure) -> dict | None:
    """Row totals (axis=1) instead of column totals, with or without keepdims."""
    A = f.args[0]
    fills = {"what": f.name, "wrong": 1, "axis": 0}
    if _row_totals_raised(f, A):
        return fills
    A = _float(A)
    return fills if _explained(f, 100 * A / A.sum(axis=1, keepdims=True),
                               _attempt(lambda: 100 * A / A.sum(axis=1))) else None


def calories_no_axis(f: Failure) -> dict | None:
    A = _float(f.args[0])
    return {"what": f.name, "axis": 0} if _explained(f, 100 * A / A.sum()) else None


def fraction_not_percent(f: Failure) -> dict | None:
    r = ratio(f.got, f.expected)
    return {} if r is not None and np.isclose(r, 0.01, rtol=1e-6) else None


def center_wrong_axis(f: Failure) -> dict | None:
    X = f.args[0]
    fills = {"what": f.name, "wrong": 1, "axis": 0}
    if _row_totals_raised(f, X):
        return fills
    X = _float(X)
    return fills if _explained(f, X - X.mean(axis=1, keepdims=True),
                               _attempt(lambda: X - X.mean(axis=1))) else None


def center_no_axis(f: Failure) -> dict | None:
    X = _float(f.args[0])
    return {"what": f.name, "axis": 0} if _explained(f, X - X.mean()) else None


# ---------------------------------------------------------------------------------------------
# scale_rows: s must stay the (m, 1) column
# ---------------------------------------------------------------------------------------------
def scale_transposed(f: Failure) -> dict | None:
    """X * s.T scales the columns; numpy refuses it unless X is square (or one row)."""
    X, s = f.args
    due = f"{shape_text(X.shape)} * {shape_text(s.shape)}"
    shapes = broadcast_shapes(f)
    if shapes and X.shape in shapes and s.T.shape in shapes:
        return {"what": f.name, "got": f"{shape_text(X.shape)} * {shape_text(s.T.shape)}", "due": due}
    if _explained(f, _attempt(lambda: _float(X) * _float(s).T)):
        return {"what": f.name, "got": f"{shape_text(X.shape)} * {shape_text(s.T.shape)}", "due": due}
    return None


def scale_flattened(f: Failure) -> dict | None:
    """X * s.ravel(): numpy refuses the rank-1 (m,) against (m, k) unless k == m."""
    X, s = f.args
    shapes = broadcast_shapes(f)
    if shapes and X.shape in shapes and (s.size,) in shapes:
        return {"what": "s", "got": shape_text((s.size,)), "due": shape_text(s.shape)}
    return None


# ---------------------------------------------------------------------------------------------
# broadcast_shape: the rules by hand
# ---------------------------------------------------------------------------------------------
def _combine(pairs) -> tuple:
    result = []
    for a, b in pairs:
        if a != b and 1 not in (a, b):
            raise ValueError("incompatible")
        result.append(max(a, b) if 1 in (a, b) else a)
    return tuple(result)


def _left_aligned(shape_a, shape_b) -> tuple:
    """Padding with 1s on the right, or zip from the left: leading dimensions compared first."""
    ndim = max(len(shape_a), len(shape_b))
    a = tuple(shape_a) + (1,) * (ndim - len(shape_a))
    b = tuple(shape_b) + (1,) * (ndim - len(shape_b))
    return _combine(zip(a, b))


def _unpadded(shape_a, shape_b) -> tuple:
    """zip over the reversed shapes without padding: stops at the shorter shape."""
    return _combine(zip(reversed(shape_a), reversed(shape_b)))[::-1]


def _as_shape(value):
    return tuple(value) if isinstance(value, (tuple, list)) and all(is_number(n) for n in value) else None


def _variant_explains(f: Failure, variant) -> bool:
    """Same result as the variant (a shape, or the ValueError it raises) where the reference differs."""
    if f.expected is None:  # the reference raised: only a returned shape can be wrong here
        return False
    try:
        due = variant(*f.args)
    except ValueError:
        return f.error is not None and f.error[0] == "ValueError"
    return due != tuple(f.expected) and _as_shape(f.got) == due


def no_error(f: Failure) -> dict | None:
    got = _as_shape(f.got)
    return {"got": shape_text(got)} if f.expected is None and got is not None else None


def align_left(f: Failure) -> dict | None:
    return {} if _variant_explains(f, _left_aligned) else None


def not_padded(f: Failure) -> dict | None:
    return {} if _variant_explains(f, _unpadded) else None


# ---------------------------------------------------------------------------------------------
# to_column, to_row, outer: rank-1 arrays
# ---------------------------------------------------------------------------------------------
def _transposed_not_reshaped(due: str):
    def detector(f: Failure) -> dict | None:
        a = f.args[0]
        if np.ndim(a) == 2 and explains(f.got, a.T, f.expected):
            return {"what": f.name, "shape": shape_text(a.shape), "got": shape_text(a.T.shape), "due": due}
        return None
    return detector


def _rows_not_size(due: str):
    def detector(f: Failure) -> dict | None:
        found = failed_reshape(f)
        a = f.args[0]
        if found and np.ndim(a) >= 1 and a.shape[0] in found[1] and a.shape[0] != a.size:
            return {"what": f.name, "rows": a.shape[0], "size": a.size, "due": due}
        return None
    return detector


def inner_not_outer(f: Failure) -> dict | None:
    """np.dot(a, b.T) on rank-1 arrays: a number when the lengths agree, an error otherwise."""
    a, b = f.args
    if misaligned_product(f) or f.raised("ValueError", r"matmul: Input operand \d has a mismatch"):
        return {}
    if a.size == b.size and is_number(f.got):
        return {} if explains(f.got, np.dot(np.ravel(a), np.ravel(b)).astype(float), f.expected) else None
    return None


def standardized(f: Failure) -> dict | None:
    """(X - mean) / std: the z-scores, where only the centering is due."""
    X = np.asarray(f.args[0], dtype=float)
    with np.errstate(all="ignore"):
        variants = [(X - X.mean(axis=0)) / X.std(axis=0), (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)]
    return {} if any(explains(f.got, v, f.expected) for v in variants) else None


DETECTORS = {
    "calorie_percentages": [
        ("M_MUTATES_INPUT", mutates_input),
        ("M_INT_TRUNCATION", int_truncation),
        ("M_FRACTION_NOT_PERCENT", fraction_not_percent),
        ("M_WRONG_AXIS", calories_wrong_axis),
        ("M_NO_AXIS", calories_no_axis),
        ("M_HARDCODED_SHAPE", hardcoded_reshape),
    ],
    "center_columns": [
        ("M_MUTATES_INPUT", mutates_input),
        ("M_WRONG_AXIS", center_wrong_axis),
        ("M_NO_AXIS", center_no_axis),
        ("M_STANDARDIZED", standardized),
    ],
    "scale_rows": [("M_RANK1", scale_flattened), ("M_TRANSPOSE", scale_transposed)],
    "broadcast_shape": [
        ("M_BROADCAST_NO_ERROR", no_error),
        ("M_SHAPES_NOT_PADDED", not_padded),
        ("M_ALIGN_LEFT", align_left),
    ],
    "to_column": [
        ("M_RANK1", rank1),
        ("M_T_NOT_RESHAPE", _transposed_not_reshaped("(-1, 1)")),
        ("M_LEN_NOT_SIZE", _rows_not_size("(-1, 1)")),
    ],
    "to_row": [
        ("M_RANK1", rank1),
        ("M_T_NOT_RESHAPE", _transposed_not_reshaped("(1, -1)")),
        ("M_LEN_NOT_SIZE", _rows_not_size("(1, -1)")),
    ],
    "outer": [("M_INNER_NOT_OUTER", inner_not_outer), ("M_TRANSPOSE", transposed)],
}

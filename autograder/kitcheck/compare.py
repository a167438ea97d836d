"""Compare a student's result with the expected one under the course's correctness policy.

The structure of `expected` decides the rules: arrays must match in shape before values are
compared, floats must come back as floats (a Python float, numpy floating or 0-d array), dicts,
tuples and lists are compared element by element. Every problem carries a stable code.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np

from .i18n import _


@dataclass(frozen=True)
class Problem:
    code: str
    message: str

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


@dataclass(frozen=True)
class Tolerance:
    rtol: float = 1e-6
    atol: float = 1e-8

    def __str__(self) -> str:
        return f"rtol={self.rtol:g}, atol={self.atol:g}"


def compare(got, expected, tol: Tolerance = Tolerance(), where: str | None = None) -> list[Problem]:
    """All the ways `got` differs from `expected`; empty when it is right. `where` names the value in
    the messages (the result by default; `result[0]`, `result['w']` inside it)."""
    where = _("result") if where is None else where
    if isinstance(expected, dict):
        return _compare_dict(got, expected, tol, where)
    if isinstance(expected, tuple) and _is_shape(expected):
        return _compare_shape(got, expected, where)
    if isinstance(expected, tuple):
        return _compare_tuple(got, expected, tol, where)
    if isinstance(expected, list):
        return _compare_list(got, expected, tol, where)
    if isinstance(expected, np.ndarray) and expected.ndim > 0:
        return _compare_array(got, expected, tol, where)
    if isinstance(expected, (bool, np.bool_, str)):
        return [] if got == expected else [_differs(where, expected, got)]
    if isinstance(expected, numbers.Integral):
        return _compare_number(got, expected, tol, where)
    return _compare_float(got, expected, tol, where)


def _compare_dict(got, expected: dict, tol: Tolerance, where: str) -> list[Problem]:
    if not isinstance(got, dict):
        return [Problem("TYPE", _("{where}: expected a dict with keys {keys}, got {kind}").format(
            where=where, keys=sorted(expected), kind=_kind(got)))]
    missing = [key for key in expected if key not in got]
    if missing:
        return [Problem("TYPE", _("{where}: missing key(s) {missing}; it has {keys}").format(
            where=where, missing=missing, keys=sorted(map(str, got))))]
    return [p for key in expected for p in compare(got[key], expected[key], tol, f"{where}[{key!r}]")]


def _is_shape(value: tuple) -> bool:
    return all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in value)


def _compare_shape(got, expected: tuple, where: str) -> list[Problem]:
    """A shape (a tuple of ints) is right or wrong as a whole."""
    if isinstance(got, tuple) and got == expected:
        return []
    if isinstance(got, (list, np.ndarray)) and tuple(np.asarray(got).tolist()) == expected:
        return [Problem("TYPE", _("{where}: expected the tuple {expected}, got {kind}; return a tuple").format(
            where=where, expected=repr(expected), kind=_kind(got)))]
    return [_differs(where, expected, got)]


def _differs(where: str, expected, got) -> Problem:
    return Problem("VALUE", _("{where}: expected {expected}, got {got}").format(
        where=where, expected=repr(expected), got=repr(got)))


def _compare_tuple(got, expected: tuple, tol: Tolerance, where: str) -> list[Problem]:
    if not isinstance(got, (tuple, list)) or len(got) != len(expected):
        return [Problem("TYPE", _("{where}: expected a tuple of {n} values, got {kind}").format(
            where=where, n=len(expected), kind=_kind(got)))]
    return [p for i, (g, e) in enumerate(zip(got, expected)) for p in compare(g, e, tol, f"{where}[{i}]")]


def _compare_list(got, expected: list, tol: Tolerance, where: str) -> list[Problem]:
    if isinstance(got, np.ndarray) and got.ndim == 1:
        got = list(got)
    if not isinstance(got, (list, tuple)):
        return [Problem("TYPE", _("{where}: expected a list of {n} values, got {kind}").format(
            where=where, n=len(expected), kind=_kind(got)))]
    if len(got) != len(expected):
        return [Problem("SHAPE", _("{where}: expected a list of {n} values, got {got}").format(
            where=where, n=len(expected), got=len(got)))]
    return [p for i, (g, e) in enumerate(zip(got, expected)) for p in compare(g, e, tol, f"{where}[{i}]")]


def _compare_number(got, expected, tol: Tolerance, where: str) -> list[Problem]:
    if not _is_real_scalar(got):
        return [Problem("TYPE", _("{where}: expected the number {expected}, got {kind}").format(
            where=where, expected=repr(expected), kind=_kind(got)))]
    return _close_scalar(float(got), float(expected), tol, where)


def _compare_float(got, expected, tol: Tolerance, where: str) -> list[Problem]:
    if isinstance(got, np.ndarray) and got.ndim > 0:
        return [Problem("SHAPE", _("{where}: expected a scalar (float), got an array of shape {shape}; use "
                                   "float(...) or .item() to turn a one-element array into a number").format(
            where=where, shape=got.shape))]
    if not _is_real_scalar(got):
        return [Problem("TYPE", _("{where}: expected a float, got {kind}").format(where=where, kind=_kind(got)))]
    if not np.issubdtype(np.asarray(got).dtype, np.floating):
        return [Problem("DTYPE", _("{where}: expected a float, got {number}; an integer where a float is due "
                                   "usually means integer arithmetic or a missing float()").format(
            where=where, number=_number_text(got)))]
    return _close_scalar(float(got), float(expected), tol, where)


def _close_scalar(got: float, expected: float, tol: Tolerance, where: str) -> list[Problem]:
    if np.isclose(got, expected, rtol=tol.rtol, atol=tol.atol, equal_nan=True):
        return []
    return [Problem("VALUE", _("{where}: expected {expected}, got {got} ({tolerance})").format(
        where=where, expected=repr(expected), got=repr(got), tolerance=tol))]


def _compare_array(got, expected: np.ndarray, tol: Tolerance, where: str) -> list[Problem]:
    if isinstance(got, (list, tuple)) or np.isscalar(got) or not isinstance(got, np.ndarray):
        return [Problem("TYPE", _("{where}: expected a numpy array of shape {shape}, got {kind}").format(
            where=where, shape=expected.shape, kind=_kind(got)))]
    if got.shape != expected.shape:
        return [_shape_problem(got, expected, where)]
    if not (np.issubdtype(got.dtype, np.number) or got.dtype == bool):
        return [Problem("DTYPE", _("{where}: expected numbers, got an array of dtype {dtype}").format(
            where=where, dtype=got.dtype))]
    return _close_arrays(got, expected, tol, where)


def _shape_problem(got: np.ndarray, expected: np.ndarray, where: str) -> Problem:
    fields = dict(where=where, expected=expected.shape, got=got.shape)
    if got.ndim == 1 and expected.ndim == 2 and 1 in expected.shape and got.size == expected.size:
        if expected.shape[1] == 1:
            text = _("{where}: expected shape {expected}, got the rank-1 shape {got}; a rank-1 array is neither "
                     "a row nor a column: make it a column, .reshape(-1, 1)")
        else:
            text = _("{where}: expected shape {expected}, got the rank-1 shape {got}; a rank-1 array is neither "
                     "a row nor a column: make it a row, .reshape(1, -1)")
        return Problem("RANK1", text.format(**fields))
    return Problem("SHAPE", _("{where}: expected shape {expected}, got {got}").format(**fields))


def _close_arrays(got: np.ndarray, expected: np.ndarray, tol: Tolerance, where: str) -> list[Problem]:
    got_f, expected_f = got.astype(float), expected.astype(float)
    close = np.isclose(got_f, expected_f, rtol=tol.rtol, atol=tol.atol, equal_nan=True)
    if close.all():
        return []
    lines = [_("{where}: values differ ({tolerance})").format(where=where, tolerance=tol)]
    lines += [f"  {line}" for line in _differences(got, expected, got_f, expected_f, close)]
    return [Problem("VALUE", "\n".join(lines))]


def _differences(got: np.ndarray, expected: np.ndarray, got_f: np.ndarray, expected_f: np.ndarray,
                 close: np.ndarray) -> list[str]:
    """How far apart two arrays of the same shape are: counts, the largest difference, the first
    differing elements and both arrays."""
    bad = np.argwhere(~close)
    with np.errstate(all="ignore"):  # inf and nan in a wrong answer are reported, not warned about
        diff = np.abs(got_f - expected_f)[~close]
        scale = np.abs(expected_f[~close])
        rel = diff[scale > 0] / scale[scale > 0]  # relative to an expected 0 means nothing
    lines = [_("mismatched elements: {count} / {size} ({percent}%)").format(
        count=len(bad), size=close.size, percent=f"{100 * len(bad) / close.size:.0f}")]
    if rel.size:
        lines.append(_("largest difference: {difference} (relative: {relative})").format(
            difference=f"{np.max(diff):.6g}", relative=f"{np.max(rel):.6g}"))
    else:
        lines.append(_("largest difference: {difference}").format(difference=f"{np.max(diff):.6g}"))
    for index in bad[:3]:
        i = tuple(int(k) for k in index)
        lines.append(_("at index {index}: expected {expected}, got {got}").format(
            index=i, expected=f"{expected_f[i]:.8g}", got=f"{got_f[i]:.8g}"))
    if np.issubdtype(got.dtype, np.integer) and np.issubdtype(expected.dtype, np.floating):
        lines.append(_("note: your result has integer dtype {dtype}, so fractions were truncated").format(
            dtype=got.dtype))
    lines.append(_("expected: {value}").format(value=shorten(expected)))
    lines.append(_("got:      {value}").format(value=shorten(got)))
    return lines


def _number_text(value) -> str:
    """np.int64(32) as a person says it: 'the integer 32 (numpy int64)'."""
    dtype = np.asarray(value).dtype
    if not np.issubdtype(dtype, np.integer):
        return _("{value} of dtype {dtype}").format(value=repr(value), dtype=dtype)
    if isinstance(value, (np.generic, np.ndarray)):
        return _("the integer {value} (numpy {dtype})").format(value=int(value), dtype=dtype)
    return _("the integer {value}").format(value=int(value))


def _is_real_scalar(value) -> bool:
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and np.issubdtype(value.dtype, np.number)
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _kind(value) -> str:
    """What a value is, as a noun phrase that fills the `got ...` of a message."""
    if isinstance(value, np.ndarray):
        return _("an array of shape {shape} and dtype {dtype}").format(shape=value.shape, dtype=value.dtype)
    if value is None:
        return _("None (did you forget to return?)")
    if isinstance(value, (list, tuple, dict)):
        return _("a {type} of length {length}").format(type=type(value).__name__, length=len(value))
    return _("a {type}").format(type=type(value).__name__)


def shorten(value) -> str:
    """An array or value as a short one-line string."""
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=6, threshold=12, edgeitems=2, max_line_width=10**6)
        return " ".join(text.split()) + f" (shape {value.shape}, dtype {value.dtype})"
    return repr(value)

"""Compare a student's result with the expected one under the course's correctness policy.

The structure of `expected` decides the rules: arrays must match in shape before values are
compared, floats must come back as floats (a Python float, numpy floating or 0-d array), dicts,
tuples and lists are compared element by element. Every problem carries a stable code.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np


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


def compare(got, expected, tol: Tolerance = Tolerance(), where: str = "result") -> list[Problem]:
    """All the ways `got` differs from `expected`; empty when it is right."""
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
        return [] if got == expected else [Problem("VALUE", f"{where}: expected {expected!r}, got {got!r}")]
    if isinstance(expected, numbers.Integral):
        return _compare_number(got, expected, tol, where)
    return _compare_float(got, expected, tol, where)


def _compare_dict(got, expected: dict, tol: Tolerance, where: str) -> list[Problem]:
    if not isinstance(got, dict):
        return [Problem("TYPE", f"{where}: expected a dict with keys {sorted(expected)}, got {_kind(got)}")]
    missing = [key for key in expected if key not in got]
    if missing:
        return [Problem("TYPE", f"{where}: missing key(s) {missing}; it has {sorted(map(str, got))}")]
    return [p for key in expected for p in compare(got[key], expected[key], tol, f"{where}[{key!r}]")]


def _is_shape(value: tuple) -> bool:
    return all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in value)


def _compare_shape(got, expected: tuple, where: str) -> list[Problem]:
    """A shape (a tuple of ints) is right or wrong as a whole."""
    if isinstance(got, tuple) and got == expected:
        return []
    if isinstance(got, (list, np.ndarray)) and tuple(np.asarray(got).tolist()) == expected:
        return [Problem("TYPE", f"{where}: expected the tuple {expected!r}, got {_kind(got)}; return a tuple")]
    return [Problem("VALUE", f"{where}: expected {expected!r}, got {got!r}")]


def _compare_tuple(got, expected: tuple, tol: Tolerance, where: str) -> list[Problem]:
    if not isinstance(got, (tuple, list)) or len(got) != len(expected):
        return [Problem("TYPE", f"{where}: expected a tuple of {len(expected)} values, got {_kind(got)}")]
    return [p for i, (g, e) in enumerate(zip(got, expected)) for p in compare(g, e, tol, f"{where}[{i}]")]


def _compare_list(got, expected: list, tol: Tolerance, where: str) -> list[Problem]:
    if isinstance(got, np.ndarray) and got.ndim == 1:
        got = list(got)
    if not isinstance(got, (list, tuple)):
        return [Problem("TYPE", f"{where}: expected a list of {len(expected)} values, got {_kind(got)}")]
    if len(got) != len(expected):
        return [Problem("SHAPE", f"{where}: expected a list of {len(expected)} values, got {len(got)}")]
    return [p for i, (g, e) in enumerate(zip(got, expected)) for p in compare(g, e, tol, f"{where}[{i}]")]


def _compare_number(got, expected, tol: Tolerance, where: str) -> list[Problem]:
    if not _is_real_scalar(got):
        return [Problem("TYPE", f"{where}: expected the number {expected!r}, got {_kind(got)}")]
    return _close_scalar(float(got), float(expected), tol, where)


def _compare_float(got, expected, tol: Tolerance, where: str) -> list[Problem]:
    if isinstance(got, np.ndarray) and got.ndim > 0:
        return [Problem("SHAPE", f"{where}: expected a scalar (float), got an array of shape {got.shape}; "
                                 "use float(...) or .item() to turn a one-element array into a number")]
    if not _is_real_scalar(got):
        return [Problem("TYPE", f"{where}: expected a float, got {_kind(got)}")]
    if not np.issubdtype(np.asarray(got).dtype, np.floating):
        return [Problem("DTYPE", f"{where}: expected a float, got {_number_text(got)}; an integer where a "
                                 "float is due usually means integer arithmetic or a missing float()")]
    return _close_scalar(float(got), float(expected), tol, where)


def _close_scalar(got: float, expected: float, tol: Tolerance, where: str) -> list[Problem]:
    if np.isclose(got, expected, rtol=tol.rtol, atol=tol.atol, equal_nan=True):
        return []
    return [Problem("VALUE", f"{where}: expected {expected!r}, got {got!r} ({tol})")]


def _compare_array(got, expected: np.ndarray, tol: Tolerance, where: str) -> list[Problem]:
    if isinstance(got, (list, tuple)) or np.isscalar(got) or not isinstance(got, np.ndarray):
        return [Problem("TYPE", f"{where}: expected a numpy array of shape {expected.shape}, got {_kind(got)}")]
    if got.shape != expected.shape:
        return [_shape_problem(got, expected, where)]
    if not (np.issubdtype(got.dtype, np.number) or got.dtype == bool):
        return [Problem("DTYPE", f"{where}: expected numbers, got an array of dtype {got.dtype}")]
    return _close_arrays(got, expected, tol, where)


def _shape_problem(got: np.ndarray, expected: np.ndarray, where: str) -> Problem:
    if got.ndim == 1 and expected.ndim == 2 and 1 in expected.shape and got.size == expected.size:
        form = "a column, .reshape(-1, 1)" if expected.shape[1] == 1 else "a row, .reshape(1, -1)"
        return Problem("RANK1", f"{where}: expected shape {expected.shape}, got the rank-1 shape {got.shape}; "
                                f"a rank-1 array is neither a row nor a column: make it {form}")
    return Problem("SHAPE", f"{where}: expected shape {expected.shape}, got {got.shape}")


def _close_arrays(got: np.ndarray, expected: np.ndarray, tol: Tolerance, where: str) -> list[Problem]:
    got_f, expected_f = got.astype(float), expected.astype(float)
    close = np.isclose(got_f, expected_f, rtol=tol.rtol, atol=tol.atol, equal_nan=True)
    if close.all():
        return []
    bad = np.argwhere(~close)
    with np.errstate(all="ignore"):  # inf and nan in a wrong answer are reported, not warned about
        diff = np.abs(got_f - expected_f)[~close]
        scale = np.abs(expected_f[~close])
        rel = diff[scale > 0] / scale[scale > 0]  # relative to an expected 0 means nothing
    largest = f"  largest difference: {np.max(diff):.6g}"
    if rel.size:
        largest += f" (relative: {np.max(rel):.6g})"
    lines = [
        f"{where}: values differ ({tol})",
        f"  mismatched elements: {len(bad)} / {close.size} ({100 * len(bad) / close.size:.0f}%)",
        largest,
    ]
    for index in bad[:3]:
        i = tuple(int(k) for k in index)
        lines.append(f"  at index {i}: expected {expected_f[i]:.8g}, got {got_f[i]:.8g}")
    if np.issubdtype(got.dtype, np.integer) and np.issubdtype(expected.dtype, np.floating):
        lines.append(f"  note: your result has integer dtype {got.dtype}, so fractions were truncated")
    lines.append(f"  expected: {shorten(expected)}")
    lines.append(f"  got:      {shorten(got)}")
    return [Problem("VALUE", "\n".join(lines))]


def _number_text(value) -> str:
    """np.int64(32) as a person says it: 'the integer 32 (numpy int64)'."""
    dtype = np.asarray(value).dtype
    if not np.issubdtype(dtype, np.integer):
        return f"{value!r} of dtype {dtype}"
    numpy_type = f" (numpy {dtype})" if isinstance(value, (np.generic, np.ndarray)) else ""
    return f"the integer {int(value)}{numpy_type}"


def _is_real_scalar(value) -> bool:
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and np.issubdtype(value.dtype, np.number)
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _kind(value) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if value is None:
        return "None (did you forget to return?)"
    if isinstance(value, (list, tuple, dict)):
        return f"a {type(value).__name__} of length {len(value)}"
    return f"a {type(value).__name__}"


def shorten(value) -> str:
    """An array or value as a short one-line string."""
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=6, threshold=12, edgeitems=2, max_line_width=10**6)
        return " ".join(text.split()) + f" (shape {value.shape}, dtype {value.dtype})"
    return repr(value)

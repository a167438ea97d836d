"""What every detector works on (a failing case), numeric helpers, and the detectors shared by
several functions: rank-1 and transposed results, ints where floats are due, truncation, math.exp,
in-place updates of int inputs, and misaligned products.

A detector takes a `Failure` and returns the fields of its mistake's message (a dict), or None
when the failure is not that mistake. Detectors never change the case's arguments.
"""
from __future__ import annotations

import numbers
import re
from dataclasses import dataclass

import numpy as np

# "The student's output equals this wrong variant" (allowing rounding) is the same test the
# students' embedded data uses: one definition, in kitcheck.
from autograder.kitcheck.i18n import N_, fill
from autograder.kitcheck.known import ATOL, RTOL, array, close, is_number  # noqa: F401

# How the parts of a structured result are called in messages (the names of the course's code).
RESULT_NAMES = {
    "initialize_with_zeros": ("w", "b"),
    "propagate": ("grads", "cost"),
    "optimize": ("params", "grads", "costs"),
    "model": "d",
}


@dataclass(frozen=True)
class Failure:
    """A failing hidden case: what the function got, what it returned or raised, what was due."""

    assignment: str
    name: str
    args: tuple
    kwargs: dict
    got: object  # None when the function raised
    expected: object  # None when the reference raised (the case demands an exception)
    error: tuple[str, str] | None = None  # (exception type name, message)

    @property
    def what(self) -> str:
        """The function's result as messages name it: `matvec(...)`."""
        return f"{self.name}(...)"

    def raised(self, type_name: str, pattern: str) -> re.Match | None:
        """The match of `pattern` in the student's exception message, if it raised `type_name`.

        The message says the type too ("sigmoid raised TypeError: ..."): an exception rebuilt from
        a sandbox may arrive under another class (numpy's UFuncTypeError has no builtin twin).
        """
        if self.error is None:
            return None
        kind, message = self.error
        if kind != type_name and not re.search(rf"\b{type_name}: ", message):
            return None
        return re.search(pattern, message)

    @property
    def error_line(self) -> str | None:
        """The student's source line the exception came from, when the message shows it."""
        if self.error is None:
            return None
        found = re.search(r"\(\w+, line \d+: `(.*)`\)\s*$", self.error[1])
        return found.group(1) if found else None


# ---------------------------------------------------------------------------------------------
# Numbers and arrays
# ---------------------------------------------------------------------------------------------
def is_int(value) -> bool:
    """A Python or numpy integer (or 0-d int array): the kind of number that is not a float."""
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and np.issubdtype(value.dtype, np.integer)
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(value, (bool, np.bool_))


def explains(got, variant, expected) -> bool:
    """The student's output is the variant's, and the variant is really wrong on this case."""
    return close(got, variant) and not close(variant, expected)


def ratio(got, expected) -> float | None:
    """The one number r with got == r * expected entry by entry, if there is one."""
    g, e = array(got), array(expected)
    if g is None or e is None or g.shape != e.shape:
        return None
    nonzero = np.abs(e) > 1e-12
    if not nonzero.any() or not np.allclose(g[~nonzero], 0, atol=ATOL):
        return None
    r = g[nonzero] / e[nonzero]
    if not np.allclose(r, r[0], rtol=RTOL, atol=0):
        return None
    return float(np.median(r))


def shape_text(shape: tuple) -> str:
    """(3, 1) as numpy prints it; (3,) keeps its comma."""
    return str(tuple(int(n) for n in shape))


def parts(failure: Failure):
    """(name, got, expected) for each array or number inside the result, named as in the course."""
    names = RESULT_NAMES.get(failure.name)
    yield from _parts(failure.got, failure.expected, names, failure.what)


def _parts(got, expected, names, label):
    if isinstance(expected, dict):
        if isinstance(got, dict):
            for key, value in expected.items():
                if key in got:
                    yield from _parts(got[key], value, None, _key_label(label, key))
    elif isinstance(expected, tuple) and not all(map(is_number, expected)):
        if isinstance(got, (tuple, list)) and len(got) == len(expected):
            for index, (g, e) in enumerate(zip(got, expected)):
                part = names[index] if isinstance(names, tuple) else f"{label}[{index}]"
                yield from _parts(g, e, None, part)
    else:
        yield (names if isinstance(names, str) else label), got, expected


def _key_label(label: str, key) -> str:
    base = label if not label.endswith("(...)") else "result"
    return f"{base}[{key!r}]"


def joined(names: list[str]) -> str:
    """'dw', or 'each of dw and db': the subject of a sentence whose verb is singular."""
    if len(names) == 1:
        return names[0]
    return fill(N_("each of {names} and {last}"), names=", ".join(names[:-1]), last=names[-1])


def expensive(detector):
    """Mark a detector that reruns a computation (training): it runs only while nothing else matched."""
    detector.expensive = True
    return detector


# ---------------------------------------------------------------------------------------------
# Shared detectors
# ---------------------------------------------------------------------------------------------
def rank1(failure: Failure) -> dict | None:
    """A (n,) array where a (n, 1) column or (1, n) row is due, with the right values."""
    for label, got, expected in parts(failure):
        if (isinstance(expected, np.ndarray) and expected.ndim == 2 and 1 in expected.shape
                and isinstance(got, np.ndarray) and got.ndim == 1 and got.size == expected.size
                and close(got, expected.ravel())):
            return {"what": label, "got": shape_text(got.shape), "due": shape_text(expected.shape)}
    return None


def transposed(failure: Failure) -> dict | None:
    """The transposed shape of the result due, with the transposed values. (On a square result a
    transpose is a different mistake in each function: their own detectors look for it.)"""
    for label, got, expected in parts(failure):
        if (isinstance(expected, np.ndarray) and expected.ndim == 2 and expected.shape[0] != expected.shape[1]
                and isinstance(got, np.ndarray) and got.shape == expected.shape[::-1] and close(got, expected.T)):
            return {"what": label, "got": shape_text(got.shape), "due": shape_text(expected.shape)}
    return None


def _sizes_from(shape: tuple) -> set[int]:
    """Every product of some of the dimensions: the sizes a reshape can honestly ask for."""
    sizes = {1}
    for n in shape:
        sizes |= {size * n for size in sizes}
    return sizes


def hardcoded_reshape(failure: Failure) -> dict | None:
    """A reshape to a typed-in number: the notebook example's size does not fit a hidden input."""
    found = failed_reshape(failure)
    if found is None:
        return None
    shape = np.shape(failure.args[0])
    fixed = [n for n in found[1] if n != -1 and n not in _sizes_from(shape)]
    if not fixed:
        return None
    return {"what": failure.what, "size": fixed[0], "given": f"shape {shape_text(shape)}"}


def int_not_float(failure: Failure) -> dict | None:
    """An int holding exactly the float that is due (b = 0 instead of 0.0)."""
    for label, got, expected in parts(failure):
        if is_int(got) and is_number(expected) and not is_int(expected) and float(got) == float(expected):
            return {"what": label, "got": int(got)}
    return None


def int_truncation(failure: Failure) -> dict | None:
    """Whole numbers where fractions are due, each the due value rounded down or toward zero."""
    for label, got, expected in parts(failure):
        g, e = array(got), array(expected)
        if g is None or e is None or g.shape != e.shape or not np.all(np.isfinite(e)):
            continue
        # Round the due values a little first: 100 * 7 / 21 may come out as 33.33333333333333 or
        # 33.333333333333336, and 300 / 12 as 24.999999999999996 where // gives 25.
        e = np.round(e, 9)
        whole = np.all(g == np.round(g))
        cut = np.isclose(g, np.floor(e)) | np.isclose(g, np.trunc(e))
        if whole and cut.all() and not np.allclose(g, e, rtol=RTOL, atol=ATOL):
            index = int(np.argmax(~np.isclose(g, e).ravel()))
            return {"what": label, "got": f"{g.ravel()[index]:g}", "expected": f"{e.ravel()[index]:.6g}"}
    return None


def math_exp(failure: Failure) -> dict | None:
    """math.exp (or math.log) on an array: numpy refuses to turn the array into one Python float."""
    if not failure.raised("TypeError", r"arrays can be converted to Python scalars"):
        return None
    line = failure.error_line
    # The same error comes from float(array) or int(array): blame math only where the line shows it.
    if line is not None and "exp" not in line and "math" not in line:
        return None
    return {}


_IN_PLACE_OPS = {"subtract": "-", "add": "+", "divide": "/", "true_divide": "/", "multiply": "*",
                 "floor_divide": "//", "power": "**"}


def mutates_input(failure: Failure) -> dict | None:
    """`x /= ...` on an int input: numpy cannot cast the float result back into the int array."""
    found = failure.raised(
        "UFuncTypeError", r"Cannot cast ufunc '(\w+)' output from dtype\('float\d*'\) to dtype\('u?int\d*'\)")
    if found is None or found.group(1) not in _IN_PLACE_OPS:
        return None
    op = _IN_PLACE_OPS[found.group(1)]
    line = failure.error_line or ""
    written = re.search(r"([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*" + re.escape(op) + "=", line)
    return {"target": written.group(1) if written else "x", "op": op}


_NOT_ALIGNED = re.compile(r"shapes \(([\d, ]*)\) and \(([\d, ]*)\) not aligned")


def misaligned_product(failure: Failure) -> tuple[tuple, tuple] | None:
    """The two operand shapes of a failed np.dot (a @ failure shows no shapes, only sizes)."""
    found = failure.raised("ValueError", _NOT_ALIGNED.pattern)
    if found is None:
        return None
    return tuple(_ints(found.group(1))), tuple(_ints(found.group(2)))


def _ints(text: str) -> list[int]:
    return [int(n) for n in text.replace(" ", "").split(",") if n]


def aligned_fix(first: tuple, second: tuple) -> str | None:
    """The product with one transpose moved that lines the shapes up: (3, 1) and (3, 5) -> '(1, 3) @ (3, 5)'."""
    if len(first) != 2 or len(second) != 2:
        return None
    (a, b), (c, d) = first, second
    for left, right in (((b, a), (c, d)), ((a, b), (d, c)), ((b, a), (d, c))):
        if left[1] == right[0]:
            return f"{shape_text(left)} @ {shape_text(right)}"
    return None


def product_text(first: tuple, second: tuple) -> str:
    return f"{shape_text(first)} @ {shape_text(second)}"


_BROADCAST = re.compile(r"operands could not be broadcast together with shapes \(([\d,]*)\) \(([\d,]*)\)")


def broadcast_shapes(failure: Failure) -> tuple[tuple, tuple] | None:
    """The two operand shapes of a failed element-wise operation."""
    found = failure.raised("ValueError", _BROADCAST.pattern)
    if found is None:
        return None
    return tuple(_ints(found.group(1))), tuple(_ints(found.group(2)))


_RESHAPE = re.compile(r"cannot reshape array of size (\d+) into shape \(([^)]*)\)")


def failed_reshape(failure: Failure) -> tuple[int, tuple] | None:
    """(size, requested shape) of a failed reshape; numpy prints a -1 as `newaxis` (or drops it)."""
    found = failure.raised("ValueError", _RESHAPE.pattern)
    if found is None:
        return None
    dims = [n for n in found.group(2).replace(" ", "").split(",") if n]
    return int(found.group(1)), tuple(-1 if n == "newaxis" else int(n) for n in dims)

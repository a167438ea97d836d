"""Known mistakes on the public cases, as data: what each catalogued mistake returns (or raises)
on each public test's inputs, computed when the notebooks are built.

A student's notebook has no grader and no mistake catalogue, only this data: when a public case
fails and the student's result is exactly what a known mistake gives on that case, the check
names the mistake with its fix-it sentence. No mistake's code is in the data, only its outputs.

    known/<assignment>.json = {"policies": {"<function>": "forbidden", ...},
                               "cases": {"<function>/<fingerprint of the case>": [
        {"code": "M_L1_NO_ABS", "sentence": {"en": "...", "ko": "..."}, "result": <encoded>}
        or  ..., "error": [type, message]}
    ]}}

Beside them, each graded function's loop policy, which the vectorization cells of the notebook read.
"""
from __future__ import annotations

import hashlib
import json
import numbers
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from .compare import Problem
from .encoding import decode, encode
from .i18n import language

FOLDER = Path(__file__).resolve().parent / "known"

# "The student's output equals this mistake's": rounding differences allowed, real ones not.
RTOL, ATOL = 1e-5, 1e-8

_PLACE = re.compile(r"\s*\([^()]*, line \d+: `.*`\)\s*$")  # where the student's exception came from


def fingerprint(function: str, args: tuple, kwargs: dict, expected) -> str:
    """A stable key for one public case: the function and the exact values it is called with."""
    canonical = json.dumps(encode((tuple(args), dict(kwargs), expected)), sort_keys=True)
    return f"{function}/{hashlib.sha256(canonical.encode()).hexdigest()[:16]}"


@lru_cache(maxsize=1)
def _shipped() -> dict[str, dict]:
    """assignment -> its data file (missing or broken files: none)."""
    found = {}
    for path in sorted(FOLDER.glob("*.json")) if FOLDER.is_dir() else []:
        try:
            found[path.stem] = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
    return found


def table() -> dict[str, list[dict]]:
    """Every shipped assignment's known mistakes, by case key."""
    return {key: entries for data in _shipped().values() for key, entries in data.get("cases", {}).items()}


def policies(assignment: str) -> dict[str, str]:
    """The loop policy of each graded function of the assignment (`forbidden`, `allowed`, ...)."""
    return dict(_shipped().get(assignment, {}).get("policies", {}))


def diagnose(function: str, args: tuple, kwargs: dict, expected, got, error: tuple[str, str] | None
             ) -> list[Problem]:
    """Known mistakes whose output on this public case is exactly the student's."""
    try:
        entries = table().get(fingerprint(function, args, kwargs, expected), [])
    except (TypeError, ValueError):  # arguments the encoding cannot key: no known mistake
        return []
    sentence = lambda entry: entry["sentence"].get(language(), entry["sentence"]["en"])
    return [Problem(entry["code"], sentence(entry)) for entry in entries if _matches(entry, got, error)]


def _matches(entry: dict, got, error: tuple[str, str] | None) -> bool:
    if "error" in entry:
        return error is not None and error[0] == entry["error"][0] and same_error_text(error[1], entry["error"][1])
    return error is None and close(got, decode(entry["result"]))


def same_error_text(a: str, b: str) -> bool:
    """Two exception messages alike but for where in the student's code they were raised."""
    return without_place(a) == without_place(b)


def without_place(message: str) -> str:
    """An exception message without the student's line it quotes (so no code is ever embedded)."""
    return _PLACE.sub("", message).strip()


def is_number(value) -> bool:
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and np.issubdtype(value.dtype, np.number)
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def array(value) -> np.ndarray | None:
    """`value` as a float array when it is numeric (an array or a number), else None."""
    if isinstance(value, np.ndarray) and (np.issubdtype(value.dtype, np.number) or value.dtype == bool):
        return value.astype(float)
    if is_number(value):
        return np.asarray(float(value))
    return None


def close(a, b) -> bool:
    """Same structure, same shapes and the same values (numbers, arrays, dicts, tuples, lists)."""
    if isinstance(b, dict):
        return isinstance(a, dict) and a.keys() == b.keys() and all(close(a[k], b[k]) for k in b)
    if isinstance(b, (tuple, list)) and not all(is_number(x) for x in b):
        return isinstance(a, (tuple, list)) and len(a) == len(b) and all(map(close, a, b))
    if isinstance(b, (tuple, list)):
        a = np.asarray(a, dtype=float) if isinstance(a, (tuple, list)) and all(map(is_number, a)) else None
        b = np.asarray(b, dtype=float)
    else:
        a, b = array(a), array(b)
    return (a is not None and b is not None and a.shape == b.shape
            and bool(np.allclose(a, b, rtol=RTOL, atol=ATOL, equal_nan=True)))

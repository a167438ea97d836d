"""A safe encoding of plain data for crossing the sandbox boundary (no pickle, no code).

Arrays of numbers or booleans, numpy scalars, Python numbers, strings, None, lists, tuples and
dicts with string keys round-trip exactly. Anything else crosses as an Opaque placeholder that
only says what it was, so a hostile object can never be rebuilt on the grader's side.
"""
from __future__ import annotations

import base64
import json
import math
import re

import numpy as np

from .i18n import N_, _

MAX_DEPTH = 20
MAX_ELEMENTS = 2**23  # per array; a reply's size caps it too
MAX_DIMENSIONS = 32
ARRAY_DTYPE = re.compile(r"[<>|=]?[biufc][0-9]{1,2}")  # numbers and booleans, nothing with fields


NESTED = N_("nested too deeply")
TOO_LARGE = N_("an integer too large to compare")


class Opaque:
    """Stands for a value that cannot cross: the grader sees its type and a short text (the value's
    repr, or one of the kit's own texts, crossing in English and shown in the course's language)."""

    def __init__(self, type_name: str, text: str):
        self.type_name, self.text = type_name, text

    def __repr__(self) -> str:
        text = _(self.text) if self.text in (NESTED, TOO_LARGE) else self.text
        return f"<{self.type_name}: {text}>"


def _array_ok(value: np.ndarray) -> bool:
    return value.dtype.kind in "biufc" and not value.dtype.hasobject


def encode(value, depth: int = 0):
    if depth > MAX_DEPTH:
        return {"$opaque": ["nested", NESTED]}
    if isinstance(value, np.generic) and _array_ok(np.asarray(value)):  # before float: np.float64 is one
        return {"$scalar": encode(np.asarray(value), depth + 1)}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value if abs(value) < 2**63 else {"$opaque": ["int", TOO_LARGE]}
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, np.ndarray) and _array_ok(value):
        raw = base64.b64encode(value.tobytes()).decode()  # C order, 0-d arrays included
        return {"$array": [value.dtype.str, list(value.shape), raw]}
    if isinstance(value, tuple):
        return {"$tuple": [encode(v, depth + 1) for v in value]}
    if isinstance(value, list):
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"$dict": {k: encode(v, depth + 1) for k, v in value.items()}}
    return {"$opaque": [type(value).__name__, _short_repr(value)]}


def decode(data, depth: int = 0):
    if depth > MAX_DEPTH:
        raise ValueError("nested too deeply")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(v, depth + 1) for v in data]
    if not isinstance(data, dict) or len(data) != 1:
        raise ValueError("malformed value")
    (tag, body), = data.items()
    if tag == "$array":
        return _array(*body)
    if tag == "$scalar":
        return decode(body, depth + 1)[()]
    if tag == "$float":
        return float(body)
    if tag == "$tuple":
        return tuple(decode(v, depth + 1) for v in body)
    if tag == "$dict":
        return {str(k): decode(v, depth + 1) for k, v in body.items()}
    if tag == "$opaque":
        return Opaque(str(body[0])[:100], str(body[1])[:200])
    raise ValueError(f"unknown tag {tag!r}")


def _array(dtype, shape, raw) -> np.ndarray:
    """An array, once its dtype, shape and size are checked (before anything is allocated)."""
    if not (isinstance(dtype, str) and ARRAY_DTYPE.fullmatch(dtype)):
        raise ValueError(f"refused dtype {str(dtype)[:20]!r}")
    if not (isinstance(shape, list) and len(shape) <= MAX_DIMENSIONS
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape)):
        raise ValueError("malformed shape")
    count, dtype = math.prod(shape), np.dtype(dtype)
    if count > MAX_ELEMENTS:
        raise ValueError(f"an array of {count:,} elements, more than the limit of {MAX_ELEMENTS:,}")
    if not isinstance(raw, str) or len(raw) > 4 * (count * dtype.itemsize + 2) // 3 + 4:
        raise ValueError("array data of the wrong size")
    data = base64.b64decode(raw, validate=True)
    if len(data) != count * dtype.itemsize:
        raise ValueError("array data of the wrong size")
    return np.frombuffer(data, dtype=dtype).reshape(shape).copy()


def _short_repr(value) -> str:
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ says nothing
        text = "?"
    return text[:200]


def dumps(message: dict) -> bytes:
    return json.dumps(message, separators=(",", ":")).encode()


def loads(raw: bytes) -> dict:
    message = json.loads(raw)
    if not isinstance(message, dict):
        raise ValueError("a message must be an object")
    return message

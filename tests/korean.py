"""What a test of the Korean edition asks of a text: Korean, with no English prose left in it.

Code may stay as it is: code spans, math, values shown as Python writes them, identifiers of the
course's code, and the names Korean courses keep in Latin letters (numpy, Python, shape, dtype, ...).
"""
from __future__ import annotations

import re

# Written in Latin letters in Korean course material too: libraries, languages, numpy's own words.
KEPT = {
    "numpy", "python", "jupyter", "jupyterlab", "nbgrader", "kitcheck", "autograder", "simd", "gpu", "cpu",
    "relu", "softmax", "sigmoid", "sigma", "shape", "dtype", "array", "ndarray", "float", "int", "bool", "str", "list",
    "tuple", "dict", "none", "true", "false", "nan", "inf", "axis", "keepdims", "reshape", "broadcasting",
    "html", "json", "csv", "uci", "mnist", "windows", "linux", "macos", "noto", "nanum", "matplotlib", "rtol", "atol", "stub", "for", "while", "map", "filter", "sum",
    "max", "min", "abs", "exp", "log", "sqrt", "dot", "matmul", "outer", "sort", "any", "all", "range",
    "len", "lambda", "def", "return", "raise", "import", "yield", "async", "with", "not", "and", "nbconvert",
}
CODE = re.compile(
    r"`[^`]*`"                       # code spans
    r"|\{\w*\}"                      # a template's fields
    r"|(?<=[\uac00-\ud7a3])\**\s?\([A-Za-z][A-Za-z ,\-]*\)"  # a Korean term's English original: 과적합(overfitting)
    r"|\((?:[\w*]+, )+[\w*]+\)|\([\w]+(?:\*\w+)+, \w+\)"  # shapes written with names: (m, height, width)
    r"|\bscikit-learn|\b[A-Za-z]\w*(?:\*[A-Za-z]\w*)+"  # a library's name; products of names: height*width
    r"|\$\$.*?\$\$|\$[^$]*\$"        # math
    r"|\bhttps?://\S+"               # links
    r"|(?:/[\w.<>\-]+)+/?"           # paths
    r"|\b[A-Z]\w*(?:Error|Exception|Warning)\b:?[^\n]*"  # an exception as Python or numpy raised it
    r"|<[^>]*>"                      # HTML tags
    r"|\b\w+\([^()]*\)"              # calls as written: np.sum(x, axis=0)
    r"|'[^'\n]*'|\"[^\"\n]*\""       # quoted values and names
    r"|\b[\w.]*[_.\d]\w*\b"          # identifiers with _ . or digits: n_x, np.exp, float64, L2
    r"|\b[a-z]+[A-Z]\w*\b|\b[A-Z]\w*[A-Z]\w*\b",  # camelCase, ValueError, NotImplementedError, FORBIDDEN
    re.DOTALL)
WORD = re.compile(r"[A-Za-z]{3,}")


def hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def english_prose(text: str, identifiers: set[str] = frozenset()) -> list[str]:
    """The English words of `text` outside code: [] for a good Korean text."""
    words = WORD.findall(CODE.sub(" ", text))
    return [w for w in words if w.lower() not in KEPT and w not in identifiers]

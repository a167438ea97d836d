"""Which callables count: the one place to add a looping, dynamic or forbidden name.

Names are canonical dotted paths as `names.resolve` produces them ("builtins.map",
"functools.reduce", "numpy.lib.stride_tricks.broadcast_to"), so an alias never hides one.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

# Walk their argument element by element in Python, whatever the arguments.
ALWAYS_ITERATING = frozenset({"builtins.map", "builtins.filter", "functools.reduce"})
# Every function of these modules builds or consumes a Python-level iterator.
ITERATING_MODULES = frozenset({"itertools", "statistics"})
# Iterate over their first positional argument (`sum(x)` loops over the rows of x in Python).
ITERATING_WITH_ARGUMENT = frozenset({
    "builtins.sum", "builtins.sorted", "builtins.any", "builtins.all", "builtins.list",
    "builtins.tuple", "builtins.set", "builtins.frozenset", "builtins.dict", "math.fsum",
    "math.prod",
})
# min/max iterate over one argument, but `max(a, b)` of two scalars is a comparison.
MIN_MAX = frozenset({"builtins.min", "builtins.max"})

# numpy's loops in disguise, matched on the last component of any numpy path, because numpy
# re-exports them from submodules (np.lib.shape_base.apply_along_axis, np.ma.apply_along_axis).
NUMPY_DISGUISED = frozenset({
    "vectorize", "frompyfunc", "apply_along_axis", "apply_over_axes", "fromiter", "nditer",
    "ndenumerate", "ndindex",
})
# The broadcasting rules done for the student (forbidden only in broadcast_shape).
NUMPY_BROADCAST = frozenset({
    "broadcast_shapes", "broadcast", "broadcast_arrays", "broadcast_to", "_broadcast_shape",
})

# Code built or looked up at run time, which no static rule can follow.
DYNAMIC = frozenset({
    "builtins.exec", "builtins.eval", "builtins.compile", "builtins.__import__",
    "builtins.globals", "builtins.vars", "builtins.locals", "builtins.breakpoint",
    "sys.modules", "operator.attrgetter", "operator.methodcaller",
})
DYNAMIC_MODULES = frozenset({"importlib"})
DYNAMIC_ATTRIBUTES = frozenset({
    "__dict__", "__globals__", "__builtins__", "__code__", "__subclasses__",
    "__getattribute__", "__import__", "__loader__", "__spec__",
})
# Attribute access by name: fine with a constant name (resolved like `obj.name`), dynamic
# otherwise.
NAME_ACCESSORS = frozenset({"builtins.getattr", "builtins.setattr", "builtins.delattr"})

# Module names a notebook may use without importing them in the cells given to the rule
# (an earlier setup cell, the grading kernel): the conventional meaning is assumed.
CONVENTIONAL_MODULES = {
    "np": "numpy", "numpy": "numpy", "math": "math", "itertools": "itertools",
    "functools": "functools", "builtins": "builtins", "importlib": "importlib", "sys": "sys",
    "operator": "operator", "statistics": "statistics",
}

# Names a star import makes visible, per module, when they matter to the rule. After
# `from numpy import *`, `sum`, `max`, `any`... are numpy's (whole-array), not the builtins.
NUMPY_SHADOWS_BUILTINS = frozenset({"abs", "all", "any", "max", "min", "pow", "round", "sum"})
STAR_EXPORTS = {
    "numpy": NUMPY_DISGUISED | NUMPY_BROADCAST | NUMPY_SHADOWS_BUILTINS,
    "functools": frozenset({"reduce"}),
    "itertools": None,  # every public name
    "statistics": None,
    "importlib": frozenset({"import_module"}),
}


@dataclass(frozen=True)
class Kind:
    """How a resolved callable is judged: its code, and its name as shown to the student."""

    code: str
    shown: str


def _shown(path: str) -> str:
    # numpy's functions are known by their top-level name, wherever they were reached from.
    if _module_of(path) == "numpy":
        return "np." + path.rsplit(".", 1)[-1]
    return path.removeprefix("builtins.")


def _module_of(path: str) -> str:
    return path.split(".", 1)[0]


def classify(path: str, call: ast.Call | None) -> Kind | None:
    """The finding a reference to `path` deserves, or None; `call` is set when it is called."""
    module, last = _module_of(path), path.rsplit(".", 1)[-1]
    if path in DYNAMIC or (module in DYNAMIC_MODULES and path != module):
        return Kind("FORBIDDEN001", _shown(path))
    if module == "numpy" and last in NUMPY_DISGUISED:
        return Kind("LOOP005", _shown(path))
    if module == "numpy" and last in NUMPY_BROADCAST:
        return Kind("FORBIDDEN002", _shown(path))
    if path in ALWAYS_ITERATING or (module in ITERATING_MODULES and path != module):
        return Kind("LOOP004", _shown(path))
    if path in ITERATING_WITH_ARGUMENT and call is not None and _iterates_argument(call):
        return Kind("LOOP004", _shown(path))
    if path in MIN_MAX and call is not None and _min_max_iterates(call):
        return Kind("LOOP004", _shown(path))
    return None


def _iterates_argument(call: ast.Call) -> bool:
    args = call.args
    return bool(args) and not (len(args) == 1 and _fixed_size(args[0]))


def _min_max_iterates(call: ast.Call) -> bool:
    args = call.args
    if any(isinstance(arg, ast.Starred) for arg in args):
        return True  # max(*x) unpacks an array: one comparison per element
    return len(args) == 1 and not _fixed_size(args[0])


def _fixed_size(arg: ast.expr) -> bool:
    """A few values known at a glance: `tuple(x.shape)`, `max([a, b])` are not data loops."""
    if isinstance(arg, (ast.Tuple, ast.List, ast.Set)):
        return not any(isinstance(element, ast.Starred) for element in arg.elts)
    return isinstance(arg, ast.Attribute) and arg.attr == "shape"


def star_exports(module: str, name: str) -> bool:
    exported = STAR_EXPORTS.get(module, frozenset())
    return (exported is None and not name.startswith("_")) or (
        exported is not None and name in exported)

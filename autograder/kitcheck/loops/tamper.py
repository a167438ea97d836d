"""Code anywhere in the notebook that reaches what the grader relies on to measure graded functions.

The dynamic loop rule counts Python events in the student's own process, so module-level code can
switch the count off or forge it, and a function can notice it is measured and take a cheap path.
Neither needs to sit in a graded function: a patch at module level, or in a graded function that
is sacrificed, changes the measurement of all of them. So these constructs are looked for in every
line of every cell, and each one counts against every graded function (FORBIDDEN001):

- tracing and frames: sys.settrace/setprofile/gettrace/getprofile, sys._getframe, inspect, frame
  attributes (f_trace, f_back, tb_frame, gi_frame, ...), sys.monitoring, audit hooks;
- the process's objects: sys.modules, gc, ctypes, pickle (which calls anything), get_ipython();
- the kit's internals: any import of `autograder` or `sandbox`, and of `kitcheck` beyond its
  public helpers;
- work the count does not follow: threading, _thread, multiprocessing, subprocess, os.fork/spawn;
- patching: assigning to an attribute of a module (`builtins.len = ...`, `np.sum = ...`),
  `__builtins__`;
- dynamic code anywhere (exec, eval, computed attribute names, __dict__, __code__...): it can do
  any of the above out of the rule's sight.

Resolution uses the module's bindings after all cells (names.Scope), so an alias is followed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from . import findings as text
from ..i18n import fill
from .catalog import DYNAMIC_ATTRIBUTES, classify
from .names import Scope, constant_name_access, name_accessor, resolve, walk_with_locals
from .visitor import short

# Modules (at any depth of a dotted path: np.ctypeslib, matplotlib.cbook.gc) that reach the
# interpreter, the process or work outside the traced thread.
MODULES = frozenset({
    "gc", "ctypes", "_ctypes", "ctypeslib", "inspect", "threading", "_thread", "multiprocessing",
    "concurrent", "subprocess", "_posixsubprocess", "pdb", "bdb", "trace", "cProfile", "profile",
    "_lsprof", "pickle", "_pickle", "marshal", "shelve", "copyreg", "pty", "_testcapi",
    "_testinternalcapi", "_xxsubinterpreters",
})
KIT_MODULES = frozenset({"autograder", "sandbox"})
KITCHECK_PUBLIC = frozenset({"CheckFailed", "tests", "expect", "expect_raises", "expect_choice",
                             "vectorized", "collecting"})
SYS = frozenset({
    "settrace", "setprofile", "gettrace", "getprofile", "_getframe", "_current_frames",
    "_current_exceptions", "modules", "addaudithook", "audit", "monitoring", "call_tracing",
    "meta_path", "path_hooks", "path_importer_cache", "setswitchinterval",
})
OS = frozenset({
    "fork", "forkpty", "register_at_fork", "system", "popen", "posix_spawn", "posix_spawnp",
    "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe",
    "execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe",
})
OTHER_PATHS = frozenset({"traceback.walk_stack", "traceback.walk_tb", "types.FunctionType",
                         "types.CodeType", "types.LambdaType", "types.FrameType"})
# Attribute names that reach frames, the tracer or the heap whatever object they are read from.
ATTRIBUTES = frozenset({
    "settrace", "setprofile", "gettrace", "getprofile", "_getframe", "_current_frames",
    "f_trace", "f_trace_lines", "f_trace_opcodes", "f_back", "f_globals", "f_locals",
    "f_builtins", "tb_frame", "gi_frame", "cr_frame", "ag_frame", "gi_code", "modules",
    "get_objects", "get_referrers", "get_referents", "addaudithook", "monitoring",
    "currentframe", "__closure__", "cell_contents",
}) | DYNAMIC_ATTRIBUTES
NAMES = frozenset({"__builtins__", "get_ipython"})
STAR_IMPORTS = frozenset({"sys", "os", "posix", "builtins", "traceback", "types"})


@dataclass(frozen=True)
class Tamper:
    """One construct: where it is, what it is, and the def that holds it (None at module level)."""

    node: ast.AST
    detail: str
    holder: ast.AST | None


def forbidden_path(path: str) -> bool:
    """Whether a dotted path (as names.resolve gives it) reaches the measuring machinery."""
    parts = path.split(".")
    if parts[0] in KIT_MODULES or any(part in MODULES for part in parts):
        return True
    if parts[0] == "kitcheck":
        return len(parts) > 1 and parts[1] not in KITCHECK_PUBLIC
    if parts[0] in ("os", "posix") and len(parts) > 1:
        return parts[1] in OS
    if parts[0] == "sys" and len(parts) > 1:
        return parts[1] in SYS
    return ".".join(parts[:2]) in OTHER_PATHS


def tampering(tree: ast.Module, scope: Scope) -> list[Tamper]:
    """Every tampering construct of one cell, one per line (the first found on it)."""
    found: dict[int, Tamper] = {}
    for node, holder, local in walk_with_locals(tree):
        if node.__class__ in _LOOKED_AT and getattr(node, "lineno", 0) not in found:
            detail = _detail(node, _Locals(scope, local))
            if detail is not None:
                found[node.lineno] = Tamper(node, detail, holder)
    return [found[line] for line in sorted(found)]


_LOOKED_AT = {ast.Import, ast.ImportFrom, ast.Name, ast.Attribute, ast.Call}


class _Locals(Scope):
    """The module's bindings, except names local to the enclosing functions (left unresolved)."""

    def __init__(self, module: Scope, local: frozenset) -> None:
        super().__init__()
        self.module, self.local = module, local

    def lookup(self, name: str):
        return None if name in self.local else self.module.lookup(name)


def _detail(node: ast.AST, scope: Scope) -> str | None:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return _import_detail(node)
    if isinstance(node, ast.Name):
        return _name_detail(node, scope)
    if isinstance(node, ast.Attribute):
        return _attribute_detail(node, scope)
    if isinstance(node, ast.Call) and name_accessor(node, scope):
        return _accessor_detail(node, scope)
    return None


def _found(code: str) -> str:
    return fill(text.TAMPERING, code=code)


def _import_detail(node: ast.Import | ast.ImportFrom) -> str | None:
    if isinstance(node, ast.Import):
        paths = [alias.name for alias in node.names]
    elif node.level or not node.module:
        return None  # a relative import finds nothing in a notebook
    else:
        paths = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        if any(alias.name == "*" for alias in node.names) and node.module in STAR_IMPORTS:
            return _found(f"from {node.module} import *")
    bad = next((path for path in paths if forbidden_path(path)), None)
    return None if bad is None else _found(f"import {bad}")


def _name_detail(node: ast.Name, scope: Scope) -> str | None:
    if node.id in NAMES:
        return _found(node.id)
    if not isinstance(node.ctx, ast.Load):
        return None
    return _path_detail(resolve(node, scope), node)


def _attribute_detail(node: ast.Attribute, scope: Scope) -> str | None:
    if node.attr in ATTRIBUTES:
        return _found(short(node))
    base = resolve(node.value, scope)
    if not isinstance(node.ctx, ast.Load) and isinstance(base, str):
        return fill(text.PATCHING, code=short(node))  # builtins.len = ..., np.sum = ...
    return _path_detail(resolve(node, scope), node)


def _path_detail(path, node: ast.AST) -> str | None:
    if not isinstance(path, str):
        return None
    kind = classify(path, None)
    if forbidden_path(path) or (kind is not None and kind.code == "FORBIDDEN001"):
        return _found(short(node))
    return None


def _accessor_detail(call: ast.Call, scope: Scope) -> str | None:
    if not constant_name_access(call, scope):
        return _found(short(call))  # setattr, delattr, or getattr with a computed name
    name = call.args[1].value
    return _found(short(call)) if name in ATTRIBUTES else None

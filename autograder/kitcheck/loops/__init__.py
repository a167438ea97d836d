"""The static half of the "no Python loops" rule (DESIGN.md section 5), on notebook cells.

Standard library only: this package ships inside students' release folders (as `kitcheck.loops`).

    findings = lint_cells([("cell 3", source), ...], {"sigmoid": "forbidden", ...})
    for finding in findings:
        print(finding.format("vectorization.ipynb"))

A graded function is judged with every helper it reaches (called, passed as a callback, nested,
through any alias and any cell; the last definition of a name wins), but not with other graded
functions, which are judged under their own policy; calling one whose loops are "allowed"
(dot_loop) charges the caller with its loops. Classes it uses are judged with all their methods,
containers of callables with what they hold, decorators as calls. Loops outside graded functions
and their helpers (plots, timing demos) are not judged; tampering with the measurement is, in
every line of the notebook (`tamper`).

Codes (`CODES` holds the same table):

    LOOP001       for-loop (or async for)
    LOOP002       while-loop
    LOOP003       comprehension or generator expression
    LOOP004       map, filter, functools.reduce, itertools, statistics, or a builtin that
                  iterates its argument: sum, sorted, any, all, list, tuple, set, dict,
                  min/max of one iterable (max(a, b) of two values is fine)
    LOOP005       np.vectorize, np.frompyfunc, np.apply_along_axis, np.apply_over_axes,
                  np.fromiter, np.nditer, np.ndenumerate, np.ndindex
    LOOP006       recursion, direct or mutual
    LOOP007       optimize: a second loop besides the loop over iterations
    LOOP008       optimize: the loop is over examples or features, not the iterations
    FORBIDDEN001  dynamic code: exec, eval, compile, __import__, importlib, globals(), vars(),
                  locals(), getattr/setattr/delattr with a computed name, __dict__, __builtins__;
                  and anywhere in the notebook, code that reaches the measurement (`tamper`)
    FORBIDDEN002  broadcast_shape only: np.broadcast_shapes, np.broadcast, np.broadcast_arrays,
                  np.broadcast_to
    SYNTAX        a cell does not parse (function ""), a graded function is nested too
                  deeply to analyse (charged to it), or the notebook holds more than
                  MAX_CODE_CHARS of code (function ""): the rule cannot check it

Policies are documented in `policies`. IPython lines (%magic, !shell, name?) are replaced by
`pass` before parsing; a cell magic other than %%time/%%timeit/%%capture/%%prun blanks its cell.
"""

from __future__ import annotations

import ast
import functools
import sys
from contextlib import contextmanager

from .calls import Program, Unit, charged_units, recursion_events
from .findings import CODES, SUGGESTIONS, Finding, make_finding, notebook_finding
from .findings import SYNTAX_ERROR as _SYNTAX_ERROR
from .findings import TOO_DEEP as _TOO_DEEP
from .findings import TOO_LARGE as _TOO_LARGE
from ..i18n import _, fill, language
from .policies import POLICIES, check_policy, judge
from ..record import place
from .source import Chunk, parse_cells
from .tamper import tampering

# Far above any honest notebook (the largest assignment's solution cells hold ~10 KB of code):
# past it the rule gives up with one finding rather than spend the grader's time.
MAX_CODE_CHARS = 2_000_000

__all__ = ["CODES", "POLICIES", "SUGGESTIONS", "Finding", "defined_functions", "stubs",
           "lint_cells"]


def lint_cells(cells: list[tuple[str, str]], functions: dict[str, str]) -> list[Finding]:
    """Findings for each graded function in `functions` (name -> policy, one of POLICIES).

    `cells` are (label, source) in execution order. Findings are sorted by (function, cell
    order, line); a cell that does not parse gives one SYNTAX finding with function "".
    """
    for policy in functions.values():
        check_policy(policy)
    size = sum(len(source) for label, source in cells)
    if size > MAX_CODE_CHARS:
        detail = fill(_TOO_LARGE, size=f"{size:,}", limit=f"{MAX_CODE_CHARS:,}")
        return [make_finding("SYNTAX", "", cells[0][0], 1, detail)]
    with _room_for_nesting():
        program = _program(cells)
        placed = [(chunk.index, finding) for chunk in program.chunks
                  for finding in _syntax_findings(chunk)]
        placed += [(chunk.index, make_finding("SYNTAX", "", chunk.label, 1, _(_TOO_DEEP)))
                   for chunk in program.too_deep]
        graded = {name: program.unit(name) for name in functions}
        # Other graded functions are judged on their own, unless their loops are allowed.
        boundary = {id(unit) for name, unit in graded.items()
                    if unit is not None and functions[name] != "allowed"}
        judged = [name for name, unit in graded.items()
                  if unit is not None and functions[name] != "allowed"]
        for name in judged:
            placed += _judged_or_too_deep(name, graded[name], functions[name], boundary)
        placed += _notebook_wide(program, judged, placed)
    # Two routes to the same construct (say, two helpers sharing one) report it once.
    unique = {_sort_key(finding, index): finding for index, finding in placed}
    return [unique[key] for key in sorted(unique)]


def _program(cells: list[tuple[str, str]]) -> Program:
    """The cells' Program: lint_cells, stubs and defined_functions on the same cells share it (in
    one language: a Program keeps findings it has worded)."""
    return _built(tuple(cells), language())


@functools.lru_cache(maxsize=4)
def _built(cells: tuple, language: str) -> Program:
    with _room_for_nesting():
        return Program(parse_cells(list(cells)))


def _notebook_wide(program: Program, judged: list[str], placed: list[tuple[int, Finding]]
                   ) -> list[tuple[int, Finding]]:
    """Tampering anywhere counts against every judged function (see `tamper`); where a function
    was already charged with the construct (with its helper chain), it is not said twice."""
    charged = {(finding.function, index, finding.line) for index, finding in placed
               if finding.code == "FORBIDDEN001"}
    found = []
    for chunk in program.chunks:
        if chunk.tree is None or any(chunk is deep for deep in program.too_deep):
            continue
        for item in tampering(chunk.tree, program.module):
            line = item.node.lineno
            holder = getattr(item.holder, "name", "")
            where = place(holder, line - item.holder.lineno + 1) if holder else ""
            found += [(chunk.index, notebook_finding(name, chunk.label, line, item.detail, holder, where))
                      for name in judged if (name, chunk.index, line) not in charged]
    return found


def _sort_key(finding: Finding, cell_index: int) -> tuple:
    return (finding.function, cell_index, finding.line, finding.code, finding.message)


@contextmanager
def _room_for_nesting(limit: int = 20_000):
    # ast visitors recurse once per nesting level; a long `a + b + ...` chain is deep.
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def _judged_or_too_deep(name: str, unit: Unit, policy: str, boundary: set[int]
                        ) -> list[tuple[int, Finding]]:
    try:
        return _judged(name, unit, policy, boundary)
    except RecursionError:  # unreadable, and worth saying so rather than passing it
        chunk = unit.chunk
        line = getattr(unit.node, "lineno", 1)
        return [(chunk.index, make_finding("SYNTAX", name, chunk.label, line, _(_TOO_DEEP)))]


def _judged(name: str, unit: Unit, policy: str, boundary: set[int]) -> list[tuple[int, Finding]]:
    def is_boundary(other: Unit) -> bool:
        return other is not unit and id(other) in boundary

    charged = charged_units(unit, is_boundary)
    items = [(item, event) for item in charged for event in item.unit.events]
    items += recursion_events(charged, is_boundary)
    placed = []
    for item, event in judge(policy, items):
        chunk = item.unit.chunk
        placed.append((chunk.index, make_finding(event.code, name, chunk.label, event.node.lineno, event.detail,
                                                 item.chain, _place(item.unit, event.node.lineno))))
    return placed


def _place(unit: Unit, line: int) -> str:
    """`helper, line 3`: the line counted from the `def` of the function that holds it, which reads
    the same in a kernel (cells labelled In [n]) and in a graded notebook (cells by position)."""
    start = getattr(unit.node, "lineno", None)
    return place(unit.name, line - start + 1) if start is not None and unit.name else ""


def _syntax_findings(chunk: Chunk) -> list[Finding]:
    if chunk.error is None:
        return []
    error = chunk.error
    detail = fill(_SYNTAX_ERROR, error=error.msg or str(error))
    return [make_finding("SYNTAX", "", chunk.label, error.lineno or 1, detail)]


def defined_functions(cells: list[tuple[str, str]]) -> set[str]:
    """Module-level names bound to a function (def, async def, or a lambda) after all cells."""
    program = _program(cells)
    return {name for name, value in program.module.bindings.items()
            if isinstance(value, Unit) and value.kind in ("def", "lambda")}


def stubs(cells: list[tuple[str, str]], names) -> set[str]:
    """The names among `names` that are not defined, or whose last definition does nothing but a stub.

    A stub body is, after an optional docstring, only comments, `pass`, `...` and
    `raise NotImplementedError(...)`: nbgrader's "# YOUR CODE HERE\nraise NotImplementedError()".
    """
    bindings = _program(cells).module.bindings
    return {name for name in names if _is_stub_binding(bindings.get(name))}


def _is_stub_binding(value) -> bool:
    if value is None:
        return True
    if not isinstance(value, Unit) or value.kind != "def":
        return False  # bound some other way (a lambda, an alias, np.vectorize(...)): written
    body = value.node.body
    if body and _is_docstring(body[0]):
        body = body[1:]
    return all(_is_stub_statement(statement) for statement in body)


def _is_docstring(statement: ast.stmt) -> bool:
    return (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str))


def _is_stub_statement(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
        return statement.value.value is Ellipsis
    if isinstance(statement, ast.Raise) and statement.exc is not None:
        exc = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
        return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"
    return False

"""The loop rule's verdict on each graded function, as the Record of its vectorization cell.

The same verdict wherever the rule runs: in the grader (LoopRule), in `autograder check` and in a
student's `python -m kitcheck`. Standard library only.
"""
from __future__ import annotations

import ast

from . import known
from .i18n import _
from .loops import Finding, lint_cells, stubs
from .record import Item, Record


def judge(cells: list[tuple[str, str]], policies: dict[str, str], dynamic: dict | None = None,
          tests: dict[str, Record] | None = None) -> dict[str, Record]:
    """function -> the record of its vectorization cell, from the student's cells (label, source).

    `dynamic` adds findings measured at run time; `tests` are the functions' test records: a
    function that is a stub, or fails every case it was tested on, earns no vectorization point
    (an empty function has no loop, but it has not been vectorized either).
    """
    try:
        findings = lint_cells(cells, policies)
    except Exception as error:  # a bug in the rule must cost nothing but this verdict
        text = _("the loop rule failed on this notebook: {error}").format(error=repr(error))
        return {name: _failed(name, "LOOP", text) for name in policies}
    dynamic, tests = dynamic or {}, tests or {}
    unwritten = stubs(cells, policies)
    return {name: _verdict(name, name in unwritten, tests.get(name), findings, dynamic.get(name, []))
            for name in policies}


def _verdict(name: str, stub: bool, tests: Record | None, findings: list[Finding], measured: list) -> Record:
    if stub:
        return _failed(name, "NOT_IMPLEMENTED",
                       _("{name} is not implemented: no vectorization point").format(name=name))
    mine = [f for f in findings if f.function in (name, "")]
    items = [Item(f.code, f.message, location=f.place, hint=f.suggestion) for f in mine]
    items += [Item(finding.code, finding.message) for finding in measured]
    lines = [f"  {f.describe()}" for f in mine] + [f"  {finding.code} {finding.message}" for finding in measured]
    if tests is not None and not tests.passed and tests.cases[0] == tests.cases[1] > 0:
        text = _("{name} failed every case it was tested on: the vectorization point is for working code").format(
            name=name)
        return Record(name, "vectorized", False, [Item("NOT_WORKING", text), *items], text="\n".join([text, *lines]))
    if not items:
        return Record(name, "vectorized", True)
    return Record(name, "vectorized", False, items,
                  text="\n".join([_("{name} is not vectorized:").format(name=name), *lines]))


def _failed(name: str, code: str, text: str) -> Record:
    return Record(name, "vectorized", False, [Item(code, text)], text=text)


def stated_policies(source: str) -> tuple[str, dict[str, str]]:
    """A vectorization cell's `kitcheck.vectorized("f", "assignment")` -> ("f", the assignment's
    policies); a notebook released before the policies shipped states them: `loops=`, `others=`."""
    call = next(n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call))
    name = ast.literal_eval(call.args[0])
    if len(call.args) > 1:
        return name, {name: "forbidden", **known.policies(ast.literal_eval(call.args[1]))}
    options = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    return name, {**options.get("others", {}), name: options.get("loops", "forbidden")}


def unknown(grade_id: str) -> Record:
    return _failed(grade_id, "LOOP", _("{grade_id} names no graded function of this assignment").format(
        grade_id=grade_id))

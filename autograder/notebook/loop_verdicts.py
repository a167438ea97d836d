"""The loop rule's verdict for each vectorization cell, as the output that cell should show."""
from __future__ import annotations

from nbformat import NotebookNode, from_dict

from autograder.kitcheck.loops import Finding, lint_cells, stubs
from autograder.notebook.cells import student_cells


def judge(nb: NotebookNode, policies: dict[str, str], dynamic: dict | None = None) -> dict[str, NotebookNode]:
    """function -> the output of its vectorization cell; `dynamic` adds findings measured at run time."""
    cells = student_cells(nb)
    try:
        findings = lint_cells(cells, policies)
    except Exception as error:  # a bug in the rule must cost nothing but this verdict
        return {name: _error("RuleError", f"[LOOP] the loop rule failed on this notebook: {error!r}")
                for name in policies}
    dynamic = dynamic or {}
    unwritten = stubs(cells, policies)
    return {name: _verdict(name, name in unwritten, findings, dynamic.get(name, [])) for name in policies}


def _verdict(name: str, stub: bool, findings: list[Finding], measured: list) -> NotebookNode:
    if stub:
        return _error("NotImplemented", f"[NOT_IMPLEMENTED] {name} is not implemented: no vectorization points")
    lines = [f"  {f.format()}" for f in findings if f.function in (name, "")]
    lines += [f"  {finding.code} {finding.message}" for finding in measured]
    if lines:
        return _error("LoopFound", "\n".join([f"{name} is not vectorized:", *lines]))
    return from_dict({"output_type": "stream", "name": "stdout", "text": f"ok  {name}: no Python loops found\n"})


def _error(ename: str, evalue: str) -> NotebookNode:
    return from_dict({"output_type": "error", "ename": ename, "evalue": evalue, "traceback": [f"{ename}: {evalue}"]})


def unknown(grade_id: str) -> NotebookNode:
    return _error("RuleError", f"[LOOP] {grade_id} names no graded function of this assignment")

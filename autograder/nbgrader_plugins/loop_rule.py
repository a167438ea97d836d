"""The static vectorization rule as an nbgrader autograde step, run in the grader process.

After execution, the output of each `vectorized_<function>` cell is replaced by the rule's
verdict, so nbgrader scores it: an error output (loop findings, or an untouched stub) earns 0,
a clean report earns the cell's points. Whatever the student's code did to its own kernel,
this verdict comes from the notebook's source, read here.
"""
from __future__ import annotations

from pathlib import Path

from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder.config import course_root, units
from autograder.kitcheck.loops import Finding, is_stub, lint_cells

PREFIX = "vectorized_"


class LoopRule(NbGraderPreprocessor):
    """Score every vectorization cell from the loop rule's findings on the notebook's code."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        assignment = resources.get("nbgrader", {}).get("assignment") or Path.cwd().name
        root = Path(self.config.CourseDirectory.root) if "root" in self.config.CourseDirectory else course_root()
        try:
            policies = {u.name: u.loops for u in units(root, assignment) if u.kind == "function"}
        except KeyError:
            return nb, resources  # not one of the course's assignments: nothing to judge
        verdicts = judge(nb, policies)
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if utils.is_grade(cell) and grade_id.startswith(PREFIX):
                cell.outputs = [verdicts.get(grade_id[len(PREFIX):]) or _unknown(grade_id)]
        return nb, resources


def student_cells(nb: NotebookNode) -> list[tuple[str, str]]:
    """Every code cell a student could have written in (test cells are the kit's), labelled 'cell N'."""
    return [
        (f"cell {number}", cell.source)
        for number, cell in enumerate(nb.cells, start=1)
        if cell.cell_type == "code" and not utils.is_grade(cell)
    ]


def judge(nb: NotebookNode, policies: dict[str, str]) -> dict[str, NotebookNode]:
    """function -> the output its vectorization cell should show."""
    cells = student_cells(nb)
    try:
        findings = lint_cells(cells, policies)
    except Exception as error:  # a bug in the rule must cost nothing but this verdict
        return {name: _error("RuleError", f"[LOOP] the loop rule failed on this notebook: {error!r}")
                for name in policies}
    return {name: _verdict(name, cells, findings) for name in policies}


def _verdict(name: str, cells, findings: list[Finding]) -> NotebookNode:
    if is_stub(cells, name):
        return _error("NotImplemented", f"[NOT_IMPLEMENTED] {name} is not implemented: no vectorization points")
    mine = [f for f in findings if f.function in (name, "")]
    if mine:
        return _error("LoopFound", "\n".join([f"{name} is not vectorized:"] + [f"  {f.format()}" for f in mine]))
    return new_output("stream", name="stdout", text=f"ok  {name}: no Python loops found\n")


def _error(ename: str, evalue: str) -> NotebookNode:
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def _unknown(grade_id: str) -> NotebookNode:
    return _error("RuleError", f"[LOOP] {grade_id} names no graded function of this assignment")

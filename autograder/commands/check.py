"""`autograder check NOTEBOOK`: a student's self-check with the public tests and the loop rule.

Unlike `nbgrader validate`, the exit status says whether everything passed. The notebook runs as
it does at grading: student cells in a sandboxed worker started in the notebook's folder (with
the data files beside it), test cells in this process. The graded units and their points are
read from the notebook's own nbgrader cells, so no course files are needed, and nbgrader itself
is not imported: a check answers in about a second.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder.config import Unit
from autograder.kitcheck import table
from autograder.kitcheck.record import Record
from autograder.kitcheck.table import check_row
from autograder.kitcheck.verdicts import stated_policies
from autograder.notebook.cells import TESTS, VECTORIZED, grade_id, is_grade, score, test_records
from autograder.notebook.results import TestResult, unit_results
from autograder.notebook.loop_verdicts import judge
from autograder.notebook.runner import run_cells
from autograder.sandbox.client import Sandbox, Zygote
from autograder.sandbox.confine import Limits
from autograder.sandbox.session import Session


def run_notebook(path: Path) -> NotebookNode:
    """Execute the notebook as grading would, with the data files of its folder."""
    Zygote.shared(plotting=False)  # start the warm parent now; reading the notebook overlaps with it
    nb = nbformat.read(path, as_version=4)
    data = [p for p in path.parent.iterdir() if p.is_file() and p.suffix not in (".ipynb", ".py", ".md")]
    session = Session(Sandbox(data, Limits(), hide=[]))
    try:
        session.start()
        run_cells(nb, session, vectorized=lambda cell: _loop_verdict(nb, cell))  # demos skipped, as at grading
    finally:
        session.stop()
    return nb


def _loop_verdict(nb: NotebookNode, cell: NotebookNode) -> Record:
    """The loop rule for one vectorization cell, with the policies the cell itself states."""
    name, policies = stated_policies(cell.source)
    return judge(nb, policies, tests=test_records(nb))[name]


def units_in(nb: NotebookNode) -> list[Unit]:
    """The graded units a notebook holds, from its test_* and vectorized_* cells."""
    grades = {grade_id(c): c.metadata.nbgrader.points for c in nb.cells if is_grade(c)}
    found = []
    for cell_id, points in grades.items():
        if cell_id.startswith(TESTS):
            name = cell_id[len(TESTS):]
            vectorized = grades.get(f"{VECTORIZED}{name}", 0)
            found.append(Unit(assignment="", name=name, points=points,
                              loops="forbidden" if vectorized else "allowed", vectorized_points=vectorized))
    return found


def check(path: Path) -> list[TestResult]:
    nb = run_notebook(path)
    return unit_results(nb, units_in(nb), score)


def report(path: Path, results: list[TestResult], *, as_json: bool = False, color: bool | None = None) -> str:
    """The self-check table of kitcheck, from the notebook's results."""
    checks = [check_row(r.extra_data, r.score, r.max_score, r.status, r.output) for r in results]
    return table.report(path.name, checks, as_json=as_json, color=color)

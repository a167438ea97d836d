"""`autograder check NOTEBOOK`: a student's self-check, run headless with the public tests.

Unlike `nbgrader validate`, the exit status says whether everything passed. The notebook runs in
a fresh kernel in its own folder (where the release put `kitcheck/`); the graded units and their
points are read from the notebook's own nbgrader cells, so no course files are needed.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode
from nbgrader import utils

from autograder.commands.results import TestResult, notebook_score, unit_results
from autograder.config import Unit
from autograder.kitcheck.codes import codes_in

# As the grading kernel's (course_config.py), but with full tracebacks: this is the student's own run.
KERNEL_ARGS = [
    "--HistoryManager.hist_file=:memory:",
    "--IPKernelApp.log_level=ERROR",
    "--IPKernelApp.exec_lines=import autograder.grading.kernel_setup",
]


def run_notebook(path: Path, timeout: int = 60) -> NotebookNode:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                            extra_arguments=KERNEL_ARGS, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def units_in(nb: NotebookNode) -> list[Unit]:
    """The graded units a notebook holds, from its test_* and vectorized_* cells."""
    grades = {c.metadata.nbgrader.grade_id: c.metadata.nbgrader.points for c in nb.cells if utils.is_grade(c)}
    found = []
    for grade_id, points in grades.items():
        if grade_id.startswith("test_"):
            name = grade_id[len("test_"):]
            vectorized = grades.get(f"vectorized_{name}", 0)
            found.append(Unit(assignment="", name=name, points=points,
                              loops="forbidden" if vectorized else "allowed", vectorized_points=vectorized))
    return found


def check(path: Path) -> list[TestResult]:
    nb = run_notebook(path)
    return unit_results(nb, units_in(nb), notebook_score)


def report(path: Path, results: list[TestResult]) -> str:
    width = max([len(r.name) for r in results] + [10])
    lines = [f"Self-check of {path.name} (public tests and the loop rule)"]
    for r in results:
        mark = "PASS" if r.status == "passed" else "FAIL"
        first = "" if r.status == "passed" else _first_line(r.output)
        lines.append(f"  {mark}  {r.name:<{width}}  {r.score:g}/{r.max_score:g}  {first}".rstrip())
    got, top = sum(r.score for r in results), sum(r.max_score for r in results)
    failed = sum(r.status != "passed" for r in results)
    lines.append(f"Public score: {got:g}/{top:g}; {failed} check(s) failing.")
    lines.append("At grading, hidden tests also run each function on new random inputs.")
    return "\n".join(lines)


def _first_line(text: str) -> str:
    """The first line that names a code: the one a student should read first."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("ok ")]
    return next((line for line in lines if codes_in(line)), lines[0] if lines else "")[:160]

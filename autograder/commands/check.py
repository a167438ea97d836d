"""`autograder check NOTEBOOK`: a student's self-check with the public tests and the loop rule.

Unlike `nbgrader validate`, the exit status says whether everything passed. The notebook runs as
it does at grading: student cells in a sandboxed worker started in the notebook's folder (with
the data files beside it), test cells in this process. The graded units and their points are
read from the notebook's own nbgrader cells, so no course files are needed, and nbgrader itself
is not imported: a check answers in about a second.
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder.config import Unit
from autograder.kitcheck.record import Record
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
    name, policies = _stated_policies(cell.source)
    return judge(nb, policies, tests=test_records(nb))[name]


def _stated_policies(source: str) -> tuple[str, dict[str, str]]:
    """`kitcheck.vectorized("f", loops="forbidden", others={...})` -> ("f", {"f": ..., **others})."""
    call = next(n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call))
    name = ast.literal_eval(call.args[0])
    options = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    return name, {**options.get("others", {}), name: options.get("loops", "forbidden")}


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


HIDDEN_TESTS = ("At grading, hidden tests run each function again on new random inputs (other shapes, "
                "square matrices, integer inputs, boundary cases) and compare it with the reference, and the "
                "loop rule runs again outside your kernel: passing here is not yet full marks.")
_STYLES = {"pass": "32", "FAIL": "1;31", "-": "2", "answered": "36", "codes": "33", "dim": "2", "bold": "1"}
_HEADERS = ["function", "tests", "vectorized", "points", "codes", "first message"]


def report(path: Path, results: list[TestResult], *, as_json: bool = False, color: bool | None = None) -> str:
    """The self-check report: a table with one row per function, or the same data as JSON for tools.

    Multiple-choice answers are marked only after submission: they show as answered and count in
    no public score. Colour (ANSI) by default only when stdout is a terminal and NO_COLOR is unset.
    """
    checks = [_check_row(r) for r in results]
    scored = [c for c in checks if not c["pending"]]
    got, top = sum(c["score"] for c in scored), sum(c["max_score"] for c in scored)
    failing = [c for c in checks if c["status"] != "passed"]
    pending = sum(c["pending"] for c in checks)
    hidden = HIDDEN_TESTS + (f" {pending} multiple-choice answer(s) are marked only after submission."
                             if pending else "")
    if as_json:
        totals = {"score": got, "max_score": top, "checks": len(checks), "failed": len(failing),
                  "pending": pending, "passed": not failing}
        return json.dumps({"notebook": path.name, "checks": checks, "totals": totals, "hidden_tests": hidden},
                          indent=2)
    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")

    def paint(text: str, style: str) -> str:
        return f"\033[{_STYLES[style]}m{text}\033[0m" if color and text.strip() else text

    title = paint(f"Self-check of {path.name}: public tests and the loop rule", "bold")
    if not checks:
        return f"{title}\n\nNo graded functions found: the notebook has no test_* cells."
    functions: dict[str, list[dict]] = {}
    for c in checks:
        functions.setdefault(c["name"], []).append(c)
    need_work = sum(any(c["status"] != "passed" for c in parts) for parts in functions.values())
    graded = sum(not all(c["pending"] for c in parts) for parts in functions.values())
    summary = paint(f"Public score: {got:g}/{top:g} points; {need_work} of {graded} graded functions need "
                    f"work ({len(failing)} failing check(s)).", "bold")
    return "\n".join([title, "", *_table(functions, paint, room=None if color else 200), "", summary,
                      *textwrap.wrap(hidden, width=100)])


def _table(functions: dict[str, list[dict]], paint, room: int | None) -> list[str]:
    """One line per function; a further failing check of it adds a line with its codes and message."""
    checks = [c for parts in functions.values() for c in parts]
    widths = [max(len(_HEADERS[0]), *map(len, functions)), 8, 10, 6,
              max(len(_HEADERS[4]), *(len(" ".join(c["codes"])) for c in checks)), 0]
    room = room or max(40, shutil.get_terminal_size().columns - sum(widths) - 2 * len(widths))
    lines = [paint(_row(_HEADERS, widths), "dim")]
    for name, parts in functions.items():
        marks = {c["part"]: _mark(c) for c in parts}
        scored = [c for c in parts if not c["pending"]]
        points = f"{sum(c['score'] for c in scored):g}/{sum(c['max_score'] for c in scored):g}" if scored else "-"
        head = [name, marks.get("tests", "-"), marks.get("vectorized", "-"), points]
        styles = [None, head[1], head[2], None, "codes", None]
        shown: set[str] = set()
        for c in [c for c in parts if c["status"] != "passed"] or [{"codes": [], "message": parts[0]["message"]}]:
            if shown and shown.issuperset(c["codes"]):
                continue  # e.g. the vectorization point of an untouched stub: nothing new to read
            shown.update(c["codes"])
            lines.append(_row(head + [" ".join(c["codes"]), _clip(c["message"], room)], widths, styles, paint))
            head = [""] * 4
    return lines


def _mark(check: dict) -> str:
    if check["pending"]:
        return "answered"
    return "pass" if check["status"] == "passed" else "FAIL"


def _check_row(r: TestResult) -> dict:
    """One check (a unit's tests or its vectorization), as the table and the JSON report give it."""
    extra = r.extra_data
    pending = bool(extra.get("pending"))
    message = "answered; marked after submission" if pending else extra.get("headline", "")
    return {"name": r.function, "part": r.part, "status": r.status, "score": r.score, "max_score": r.max_score,
            "pending": pending, "codes": list(extra.get("codes", [])), "mistakes": list(extra.get("mistakes", [])),
            "location": extra.get("location", ""), "message": "" if r.status == "passed" and not pending else message,
            "output": r.output}


def _row(cells: list[str], widths: list[int], styles: list | None = None, paint=None) -> str:
    """Cells padded to their column (points right-aligned), each painted after padding."""
    padded = [cell.rjust(w) if i == 3 else cell.ljust(w) for i, (cell, w) in enumerate(zip(cells, widths))]
    if paint and styles:
        padded = [paint(cell, style) if style else cell for cell, style in zip(padded, styles)]
    return "  ".join(padded).rstrip()


def _clip(text: str, room: int) -> str:
    return text if len(text) <= room else text[:room - 3] + "..."

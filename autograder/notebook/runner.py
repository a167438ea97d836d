"""Run a graded notebook's cells: student cells in a sandboxed worker, test cells in this process.

Test cells call the student's functions through proxies (autograder.sandbox.session), so the
hidden cases and the reference, which live in this process, never reach the student's code.
Outputs are recorded in the cells as a Jupyter kernel would, for nbgrader's scoring.
"""
from __future__ import annotations

import builtins
import contextlib
import functools
import io
import math
from typing import Callable

import numpy as np
from nbformat import NotebookNode, from_dict

import autograder.kitcheck as kitcheck
from autograder.kitcheck.codes import CODES
from autograder.kitcheck.collect import Diagnose, collecting
from autograder.kitcheck.record import Record
from autograder.notebook.cells import TESTS, VECTORIZED, clear_records, grade_id, is_grade, set_record
from autograder.notebook.loop_verdicts import output
from autograder.sandbox.session import Namespace, Session

DEMO_TAG = "demo"  # ungraded demonstrations (timings, training runs) are not run when grading
_ERROR_CODES = {"NameError": "NOT_DEFINED"}


def run_cells(nb: NotebookNode, session: Session, skip_tags=(DEMO_TAG,),
              vectorized: Callable[[NotebookNode], Record | None] = lambda cell: None,
              diagnose: Diagnose | None = None) -> None:
    """Execute every code cell in order, recording each test cell's Record in its metadata.

    `vectorized` gives a vectorization cell's record (None: left for a later step); `diagnose` is
    the grader's mistake catalogue for failing public cases (None: the data embedded for them).
    """
    clear_records(nb)
    namespace = Namespace(session, {"np": np, "numpy": np, "math": math, "kitcheck": kitcheck})
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if is_grade(cell) and grade_id(cell).startswith(VECTORIZED):
            record = vectorized(cell)
            cell.outputs = [] if record is None else [output(record)]
            if record is not None:
                set_record(cell, record)
        elif is_grade(cell):
            cell.outputs, record = run_test_cell(cell.source, namespace, _unit(cell), diagnose)
            set_record(cell, record)
        elif set(cell.metadata.get("tags", [])) & set(skip_tags):
            cell.outputs = [_stream("(a demonstration: not run when grading)\n")]
        else:  # the worker's outputs are plain nbformat outputs, checked when the notebook is written
            cell.outputs = [from_dict(output) for output in session.run_cell(cell.source)]
            namespace.forget_student_names()


def _unit(cell: NotebookNode) -> str:
    name = grade_id(cell)
    return name[len(TESTS):] if name.startswith(TESTS) else name


def run_test_cell(source: str, namespace: Namespace, unit: str, diagnose: Diagnose | None = None
                  ) -> tuple[list, Record]:
    """A test cell, every case of it: its prints as stdout, a failure as an error with no traceback
    (so neither feedback nor a student ever sees hidden test lines), and its Record."""
    out = io.StringIO()
    outputs, error = [], None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out), collecting(diagnose) as collector:
        try:
            exec(_compiled(source), {"__builtins__": builtins}, namespace)
        except Exception as failure:  # every failure of a test is the cell's result
            error = failure
    record = collector.record(unit, error, _error_code(error))
    if out.getvalue():
        outputs.append(_stream(out.getvalue()))
    if not record.passed:
        outputs.append(from_dict({"output_type": "error", "ename": "CheckFailed", "evalue": record.text,
                                  "traceback": [f"CheckFailed: {record.text}"]}))
    return outputs, record


@functools.lru_cache(maxsize=256)
def _compiled(source: str):
    """A test cell's code: the gradebook restores the same test cells in every submission."""
    return compile(source, "<test cell>", "exec")


def _error_code(error: BaseException | None) -> str:
    """NOT_DEFINED for a name the notebook lacks; a sandbox's TIMEOUT or KILLED; else EXCEPTION."""
    code = _ERROR_CODES.get(type(error).__name__) or getattr(error, "code", None)
    return code if code in CODES else "EXCEPTION"


def _stream(text: str) -> NotebookNode:
    return from_dict({"output_type": "stream", "name": "stdout", "text": text})

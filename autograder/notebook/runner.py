"""Run a graded notebook's cells: student cells in a sandboxed worker, test cells in this process.

Test cells call the student's functions through proxies (autograder.sandbox.session), so the
hidden cases and the reference, which live in this process, never reach the student's code.
Outputs are recorded in the cells as a Jupyter kernel would, for nbgrader's scoring.
"""
from __future__ import annotations

import builtins
import contextlib
import io
import math
from typing import Callable

import numpy as np
from nbformat import NotebookNode, from_dict

import autograder.kitcheck as kitcheck
from autograder.notebook.cells import VECTORIZED, grade_id, is_grade
from autograder.sandbox.session import Namespace, Session

DEMO_TAG = "demo"  # ungraded demonstrations (timings, training runs) are not run when grading


def run_cells(nb: NotebookNode, session: Session, skip_tags=(DEMO_TAG,),
              vectorized: Callable[[NotebookNode], list] = lambda cell: []) -> None:
    """Execute every code cell in order; `vectorized` gives a vectorization cell's outputs."""
    namespace = Namespace(session, {"np": np, "numpy": np, "math": math, "kitcheck": kitcheck})
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if is_grade(cell) and grade_id(cell).startswith(VECTORIZED):
            cell.outputs = vectorized(cell)
        elif is_grade(cell):
            cell.outputs = run_test_cell(cell.source, namespace)
        elif set(cell.metadata.get("tags", [])) & set(skip_tags):
            cell.outputs = [_stream("(a demonstration: not run when grading)\n")]
        else:  # the worker's outputs are plain nbformat outputs, checked when the notebook is written
            cell.outputs = [from_dict(output) for output in session.run_cell(cell.source)]
            namespace.forget_student_names()


def run_test_cell(source: str, namespace: Namespace) -> list:
    """A test cell: its prints as stdout, a failure as an error with no traceback (so neither
    feedback nor a student ever sees hidden test lines)."""
    out = io.StringIO()
    outputs, error = [], None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            exec(compile(source, "<test cell>", "exec"), {"__builtins__": builtins}, namespace)
        except Exception as failure:  # every failure of a test is the cell's result
            error = failure
    if out.getvalue():
        outputs.append(_stream(out.getvalue()))
    if error is not None:
        name, text = type(error).__name__, str(error)
        outputs.append(from_dict({"output_type": "error", "ename": name, "evalue": text,
                                  "traceback": [f"{name}: {text}"]}))
    return outputs


def _stream(text: str) -> NotebookNode:
    return from_dict({"output_type": "stream", "name": "stdout", "text": text})

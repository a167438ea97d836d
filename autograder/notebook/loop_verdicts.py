"""The loop rule's verdict for each vectorization cell of a graded notebook, and what the cell shows."""
from __future__ import annotations

from nbformat import NotebookNode, from_dict

from autograder.kitcheck import verdicts
from autograder.kitcheck.i18n import _
from autograder.kitcheck.record import Record
from autograder.notebook.cells import student_cells


def judge(nb: NotebookNode, policies: dict[str, str], dynamic: dict | None = None,
          tests: dict[str, Record] | None = None) -> dict[str, Record]:
    """function -> the record of its vectorization cell (kitcheck.verdicts, on the notebook's cells)."""
    return verdicts.judge(student_cells(nb), policies, dynamic, tests)


def output(record: Record) -> NotebookNode:
    """What the cell shows: an error (nbgrader scores it 0) or the passing line."""
    if record.passed:
        return from_dict({"output_type": "stream", "name": "stdout",
                          "text": _("ok  {name}: no Python loops found").format(name=record.unit) + "\n"})
    return from_dict({"output_type": "error", "ename": "LoopRule", "evalue": record.text,
                      "traceback": [f"LoopRule: {record.text}"]})

"""Malformed submissions: what a student's notebook can look like when it is not what nbgrader released.

Each case builds the bytes handed in as `submitted/<student>/<assignment>/<assignment>.ipynb` from
three notebooks of the same course: `reference` (the release filled with the reference code),
`wrong` (the same with one graded function wrong: `Broken.unit`) and `other` (another assignment's
release, filled with its reference code). What the grader must make of each is stated beside it:

- "rejected": the submission cannot be graded; results.json says "grading failed: <reason>"
  with one of `reasons` in it, and every unit scores 0.
- "repaired": nbgrader puts the released cells and metadata back (as stock `nbgrader autograde`
  does for a deleted, retyped or edited test cell), so the wrong function fails, every other test
  scores what the reference scores, and no maximum changes.
- "repaired or rejected": stock nbgrader gives up on these (duplicate or unknown grade ids); the
  grader may repair them as above or reject the submission with a clear reason.
- "zero": nothing of this assignment is in it: every unit scores 0 (graded or rejected).
- "harmless": the outputs a student saved are not graded: it scores what the reference scores
  (or is rejected as too large), and its results.json stays small.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Callable

import nbformat
from nbformat import NotebookNode
from nbgrader import utils

Builder = Callable[[NotebookNode, NotebookNode, NotebookNode, str], bytes]


@dataclass(frozen=True)
class Broken:
    name: str
    build: Builder
    outcome: str  # "rejected", "repaired", "repaired or rejected", "zero" or "harmless"
    reasons: tuple[str, ...] = ()  # any one of them, in any case, in the "grading failed:" output


def _bytes(nb: NotebookNode) -> bytes:
    return nbformat.writes(nb).encode()


def _index(nb: NotebookNode, grade_id: str) -> int:
    return next(i for i, cell in enumerate(nb.cells)
                if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def invalid_json(reference, wrong, other, unit) -> bytes:
    text = _bytes(reference)
    return text[: len(text) // 2]  # cut in the middle, as an interrupted upload would


def empty_file(reference, wrong, other, unit) -> bytes:
    return b""


def not_a_notebook(reference, wrong, other, unit) -> bytes:
    return json.dumps([{"cell_type": "code", "source": "def relu(v):\n    return v"}, 1, 2]).encode()


def nbformat_3(reference, wrong, other, unit) -> bytes:
    return nbformat.writes(nbformat.convert(copy.deepcopy(reference), 3), version=3).encode()


def deleted_test_cell(reference, wrong, other, unit) -> bytes:
    nb = copy.deepcopy(wrong)
    del nb.cells[_index(nb, f"test_{unit}")]
    return _bytes(nb)


def duplicated_solution_cell(reference, wrong, other, unit) -> bytes:
    """Two solution cells with the same grade_id, both wrong in a different way."""
    nb = copy.deepcopy(wrong)
    at = _index(nb, unit)
    twin = copy.deepcopy(nb.cells[at])
    twin.id = f"{twin.id}-copy"
    twin.source = twin.source.replace("return", "return 2 * ", 1) if "return" in twin.source else twin.source
    nb.cells.insert(at + 1, twin)
    return _bytes(nb)


def fake_test_cell_first(reference, wrong, other, unit) -> bytes:
    """A copy of the test cell with the same grade_id and points but a test that always passes,
    placed before the real one: whichever copy counts, the wrong function must not earn points."""
    nb = copy.deepcopy(wrong)
    at = _index(nb, f"test_{unit}")
    fake = copy.deepcopy(nb.cells[at])
    fake.id = f"{fake.id}-copy"
    fake.source = f'print("ok  {unit}: all cases passed")'
    fake.metadata.nbgrader["checksum"] = utils.compute_checksum(fake)
    nb.cells.insert(at, fake)
    return _bytes(nb)


def retyped_test_cell(reference, wrong, other, unit) -> bytes:
    """The test cell turned into a markdown cell (it would not run)."""
    nb = copy.deepcopy(wrong)
    at = _index(nb, f"test_{unit}")
    old = nb.cells[at]
    new = nbformat.v4.new_markdown_cell(old.source, metadata=copy.deepcopy(old.metadata))
    new.metadata.nbgrader["cell_type"] = "markdown"
    new.metadata.nbgrader["checksum"] = utils.compute_checksum(new)
    nb.cells[at] = new
    return _bytes(nb)


def edited_points(reference, wrong, other, unit) -> bytes:
    """100 points on the wrong function's test cell, 0 on every other test cell."""
    nb = copy.deepcopy(wrong)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            meta["points"] = 100 if meta["grade_id"] == f"test_{unit}" else 0
            meta["checksum"] = utils.compute_checksum(cell)
    return _bytes(nb)


def edited_grade_id(reference, wrong, other, unit) -> bytes:
    """The wrong function's test cell renamed, its source replaced by a test that passes."""
    nb = copy.deepcopy(wrong)
    cell = nb.cells[_index(nb, f"test_{unit}")]
    cell.source = f'print("ok  {unit}: all cases passed")'
    cell.metadata.nbgrader["grade_id"] = f"test_{unit}_extra_credit"
    cell.metadata.nbgrader["points"] = 50
    cell.metadata.nbgrader["checksum"] = utils.compute_checksum(cell)
    return _bytes(nb)


def edited_checksum(reference, wrong, other, unit) -> bytes:
    """The wrong function's test cell replaced by a test that passes, with a matching checksum."""
    nb = copy.deepcopy(wrong)
    cell = nb.cells[_index(nb, f"test_{unit}")]
    cell.source = f'print("ok  {unit}: all cases passed")'
    cell.metadata.nbgrader["checksum"] = utils.compute_checksum(cell)
    return _bytes(nb)


def other_assignment(reference, wrong, other, unit) -> bytes:
    """Another assignment's notebook (fully solved) handed in under this assignment's name."""
    return _bytes(other)


def giant_outputs(reference, wrong, other, unit) -> bytes:
    """The reference with 50 MB of saved output text in the test cell of `unit`."""
    nb = copy.deepcopy(reference)
    at = _index(nb, f"test_{unit}")
    line = "y" * 999 + "\n"
    nb.cells[at].outputs = [nbformat.v4.new_output("stream", name="stdout", text=line * 50_000)]
    nb.cells[at].execution_count = 1
    return _bytes(nb)


BROKEN = [
    Broken("invalid_json", invalid_json, "rejected", ("JSON",)),
    Broken("empty_file", empty_file, "rejected", ("empty", "JSON")),
    Broken("not_a_notebook", not_a_notebook, "rejected", ("not a notebook", "not a jupyter notebook")),
    Broken("nbformat_3", nbformat_3, "rejected", ("nbformat 3",)),
    Broken("deleted_test_cell", deleted_test_cell, "repaired"),
    Broken("duplicated_solution_cell", duplicated_solution_cell, "repaired or rejected"),
    Broken("fake_test_cell_first", fake_test_cell_first, "repaired or rejected"),
    Broken("retyped_test_cell", retyped_test_cell, "repaired"),
    Broken("edited_points", edited_points, "repaired"),
    Broken("edited_grade_id", edited_grade_id, "repaired or rejected"),
    Broken("edited_checksum", edited_checksum, "repaired"),
    Broken("other_assignment", other_assignment, "zero"),
    Broken("giant_outputs", giant_outputs, "harmless"),
]

# The logistic_regression batch carries a few of them (its notebook is slower to grade).
BROKEN_LOGISTIC_REGRESSION = ["invalid_json", "not_a_notebook", "fake_test_cell_first", "other_assignment"]

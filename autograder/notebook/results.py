"""Per-unit results of a graded notebook, and results.json in Gradescope's format.

Each graded cell's Record (left in its metadata by the kit's checks) becomes one test of
results.json: its fields are copied, never parsed out of the message text.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from nbformat import NotebookNode

from autograder.config import Unit
from autograder.kitcheck.codes import CODES
from autograder.kitcheck.i18n import N_, _
from autograder.kitcheck.loops import CODES as LOOP_CODES
from autograder.kitcheck.record import Item, Record
from autograder.notebook.cells import get_record, grade_id, is_grade

# A record's part, as a message names its cell.
PARTS = {"tests": N_("tests"), "vectorized": N_("vectorized")}
# How every record names a place in a student's code (kitcheck.record.place): `relu, line 2`.
PLACE = re.compile(r"^(?P<function>\w+), line (?P<line>\d+)$")


@dataclass
class TestResult:
    name: str
    score: float
    max_score: float
    status: str
    output: str
    extra_data: dict = field(default_factory=dict)

    @property
    def function(self) -> str:
        return self.extra_data.get("function", "")

    @property
    def part(self) -> str:
        return self.extra_data.get("part", "")


def cell_text(cell: NotebookNode) -> str:
    """What a grade cell printed, errors as 'Name: message'."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}\n")
        elif "text/plain" in output.get("data", {}):
            parts.append(output.data["text/plain"] + "\n")
    return "".join(parts).strip()


def cell_record(cell: NotebookNode | None, unit: str, part: str, passed: bool) -> Record:
    """The record the kit's checks left in the cell; without one (a missing cell, or nbgrader's stock
    kernel, which leaves none), what the score alone says."""
    if cell is None:
        missing = _("the cell {part} of {unit} is missing").format(part=shown_part(part), unit=unit)
        return Record(unit, part, False, [Item("NOT_DEFINED", missing)])
    record = get_record(cell)
    if record is not None and record.unit == unit and record.part == part and record.passed == passed:
        return record
    if passed:
        return Record(unit, part, True, text=cell_text(cell))
    errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
    code = "TIMEOUT" if errors and errors[0].get("ename") == "CellTimeoutError" else "EXCEPTION"
    return Record(unit, part, False, [Item(code, cell_text(cell))], text=cell_text(cell))


def unit_results(nb: NotebookNode, units: list[Unit], score: Callable[[NotebookNode], tuple]) -> list[TestResult]:
    """One result per grade cell of the course's units, in notebook order; missing cells score 0.
    A failed check's output ends with what each of its codes means, in the course's language."""
    cells = {grade_id(c): c for c in nb.cells if is_grade(c)}
    results = []
    for unit in units:
        parts = [(unit.test_cell_id, "tests", unit.points)]
        if unit.has_vectorization_cell:
            parts.append((unit.vectorized_cell_id, "vectorized", unit.vectorized_points))
        for cell_id, part, points in parts:
            cell = cells.get(cell_id)
            got, top = score(cell) if cell is not None else (0.0, points)
            passed = got is not None and got >= top
            record = cell_record(cell, unit.name, part, passed)
            results.append(result(record, float(got or 0), float(top)))
    return results


def result(record: Record, score: float, max_score: float) -> TestResult:
    """One test of results.json, from a record and nbgrader's score of its cell."""
    output = record.text or record.headline
    if not record.passed:
        output += "".join(f"\n[{code}] {meaning(code)}" for code in record.codes)
    return TestResult(name=f"{record.unit}: {record.part}", score=score, max_score=max_score,
                      status="passed" if record.passed else "failed", output=output, extra_data=record.fields())


def meaning(code: str) -> str:
    """One line on what a code means (a known mistake by its title), in the course's language."""
    from autograder.mistakes import MISTAKES  # grader-side, and slow to import: only for a failed check

    text = MISTAKES[code].title if code in MISTAKES else {**CODES, **LOOP_CODES}.get(code)
    return _(text) if text else code


def shown_part(part: str) -> str:
    return _(PARTS[part]) if part in PARTS else part


def shown_place(location: str) -> str:
    """A record's place (`relu, line 2`) as a reader of the course's language reads it."""
    found = PLACE.match(location)
    return _("{function}, line {line}").format(**found.groupdict()) if found else location


def write_results_json(path: Path, results: list[TestResult], output: str = "", extra: dict | None = None) -> dict:
    """Gradescope's results.json; `extra` (e.g. the key of the submission's hidden inputs) is its
    top-level extra_data."""
    document = {
        "score": sum(r.score for r in results),
        "max_score": sum(r.max_score for r in results),
        "output": output,
        "tests": [dict(vars(r)) for r in results],  # its fields are plain data: no deep copy
    }
    if extra:
        document["extra_data"] = extra
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n")
    return document

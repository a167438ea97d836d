"""What the kit needs to know about a notebook's cells (nbgrader's metadata, read directly so the
student's self-check need not import nbgrader)."""
from __future__ import annotations

from nbformat import NotebookNode

from autograder.kitcheck.i18n import _
from autograder.kitcheck.record import Record

VECTORIZED = "vectorized_"
TESTS = "test_"


def grade_id(cell: NotebookNode) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "") or ""


def is_grade(cell: NotebookNode) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade", False))


def student_cells(nb: NotebookNode) -> list[tuple[str, str]]:
    """Every code cell a student could have written in (test cells are the kit's), labelled 'cell N'."""
    return [(_("cell {number}").format(number=number), cell.source)
            for number, cell in enumerate(nb.cells, start=1) if cell.cell_type == "code" and not is_grade(cell)]


def score(cell: NotebookNode) -> tuple[float, float]:
    """nbgrader's rule for an executed code test cell (nbgrader.utils.determine_grade): an error or
    anything on stderr earns 0, a number shown as the result is partial credit, else full points."""
    points = float(cell.metadata["nbgrader"]["points"])
    for output in cell.get("outputs", []):
        if output.output_type == "error" or (output.output_type == "stream" and output.name == "stderr"):
            return 0.0, points
        if output.output_type == "execute_result":
            try:
                return min(max(float(output.data.get("text/plain", "")), 0.0), points), points
            except ValueError:
                return points, points
    return points, points


RECORD_KEY = "autograder"  # cell metadata key of a graded cell's Record, written by the kit only


def set_record(cell: NotebookNode, record: Record) -> None:
    cell.metadata[RECORD_KEY] = {"record": record.to_dict()}


def get_record(cell: NotebookNode) -> Record | None:
    return Record.from_dict(cell.get("metadata", {}).get(RECORD_KEY, {}).get("record"))


def clear_records(nb: NotebookNode) -> None:
    """Before the kit grades a notebook: whatever a submission wrote under the kit's key goes."""
    for cell in nb.cells:
        cell.get("metadata", {}).pop(RECORD_KEY, None)


def test_records(nb: NotebookNode) -> dict[str, Record]:
    """function -> the record its test cell holds (written by the kit's executor)."""
    records = {}
    for cell in nb.cells:
        record = get_record(cell) if is_grade(cell) and grade_id(cell).startswith(TESTS) else None
        if record is not None:
            records[record.unit] = record
    return records

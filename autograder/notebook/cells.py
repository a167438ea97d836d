"""What the kit needs to know about a notebook's cells (nbgrader's metadata, read directly so the
student's self-check need not import nbgrader)."""
from __future__ import annotations

from nbformat import NotebookNode

VECTORIZED = "vectorized_"
TESTS = "test_"


def grade_id(cell: NotebookNode) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "") or ""


def is_grade(cell: NotebookNode) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade", False))


def student_cells(nb: NotebookNode) -> list[tuple[str, str]]:
    """Every code cell a student could have written in (test cells are the kit's), labelled 'cell N'."""
    return [(f"cell {number}", cell.source) for number, cell in enumerate(nb.cells, start=1)
            if cell.cell_type == "code" and not is_grade(cell)]


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

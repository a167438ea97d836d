"""Per-unit results of a graded notebook, and results.json in Gradescope's format."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from nbformat import NotebookNode

from autograder.config import Unit
from autograder.i18n import explain, title
from autograder.kitcheck.codes import codes_in, tag
from autograder.notebook.cells import grade_id, is_grade

# nbgrader's own names for errors the kit's checks did not raise
_ERROR_CODES = {"CellTimeoutError": "TIMEOUT", "DeadKernelError": "EXCEPTION", "NameError": "NOT_DEFINED"}


@dataclass
class TestResult:
    name: str
    score: float
    max_score: float
    status: str
    output: str
    extra_data: dict = field(default_factory=dict)


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


def cell_codes(cell: NotebookNode) -> list[str]:
    text = cell_text(cell)
    codes = codes_in(text)
    errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
    if errors and not codes:
        codes = [_ERROR_CODES.get(errors[0].ename, "EXCEPTION")]
    return codes


def unit_results(nb: NotebookNode, units: list[Unit], score: Callable[[NotebookNode], tuple],
                 language: str = "en") -> list[TestResult]:
    """One result per grade cell of the course's units, in notebook order; missing cells score 0.
    A failed check's output ends with what each of its codes means, in the course's language."""
    cells = {grade_id(c): c for c in nb.cells if is_grade(c)}
    results = []
    for unit in units:
        labels = [(unit.test_cell_id, "tests", unit.points)]
        if unit.has_vectorization_cell:
            labels.append((unit.vectorized_cell_id, "vectorized", unit.vectorized_points))
        for cell_id, label, points in labels:
            cell = cells.get(cell_id)
            got, top = score(cell) if cell is not None else (0.0, points)
            codes = cell_codes(cell) if cell is not None else ["NOT_DEFINED"]
            passed = got is not None and got >= top
            output = cell_text(cell) if cell is not None else f"[NOT_DEFINED] the cell {cell_id} is missing"
            if not passed:
                output += "".join(f"\n{tag(code)} {meaning(code, language)}" for code in codes)
            results.append(TestResult(
                name=f"{unit.name}: {label}", score=float(got or 0), max_score=float(top),
                status="passed" if passed else "failed", output=output,
                extra_data={"function": unit.name, "codes": [] if passed else codes},
            ))
    return results


def meaning(code: str, language: str) -> str:
    """One line on what a code means (a known mistake by its title), from the gettext catalogs."""
    return title(code, language) if code.startswith("M_") else explain(code, language)


def write_results_json(path: Path, results: list[TestResult], output: str = "") -> dict:
    document = {
        "score": sum(r.score for r in results),
        "max_score": sum(r.max_score for r in results),
        "output": output,
        "tests": [asdict(r) for r in results],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n")
    return document

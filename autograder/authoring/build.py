"""Build the nbgrader source notebooks from their text sources and the reference solutions.

`assignments/<a>/<a>.nb.md` (jupytext Markdown) holds the lecture and the public tests; code
cells that start with a directive become nbgrader cells:

    %solution NAME   the reference function from solutions/<a>.py, its body as the solution region
    %tests NAME      the public tests below the directive, then the hidden tests; a vectorization
                     cell follows when the function's loop policy asks for one
    %choice NAME     a multiple-choice question from solutions/<a>.py QUESTIONS, its answer cell
                     and its test

So the reference code exists once (in solutions/), and points come from course_config.py.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from pathlib import Path

import jupytext
import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder.config import Unit, units

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def source_path(root: Path, assignment: str) -> Path:
    return root / "assignments" / assignment / f"{assignment}.nb.md"


def notebook_path(root: Path, assignment: str) -> Path:
    return root / "assignments" / assignment / f"{assignment}.ipynb"


def build_notebook(root: Path, assignment: str) -> NotebookNode:
    text = jupytext.read(source_path(root, assignment), fmt="md")
    solutions = importlib.import_module(f"solutions.{assignment}")
    graded = {unit.name: unit for unit in units(root, assignment)}
    cells = []
    for cell in text.cells:
        cells.extend(_expand(cell, graded, solutions))
    _check_every_unit_once(cells, graded, assignment)
    for index, cell in enumerate(cells):
        cell["id"] = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell-{index}"
    notebook = new_notebook(cells=cells)
    notebook.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    return notebook


def write_notebook(root: Path, assignment: str) -> Path:
    path = notebook_path(root, assignment)
    nbformat.write(build_notebook(root, assignment), path)
    return path


def _expand(cell: NotebookNode, graded: dict[str, Unit], solutions) -> list[NotebookNode]:
    if cell.cell_type == "markdown":
        return [new_markdown_cell(cell.source)]
    first, _, rest = cell.source.partition("\n")
    directive, _, name = first.partition(" ")
    if directive not in ("%solution", "%tests", "%choice"):
        plain = new_code_cell(cell.source)
        if cell.metadata.get("tags"):  # e.g. "demo": not run when grading
            plain.metadata["tags"] = list(cell.metadata["tags"])
        return [plain]
    unit = graded.get(name.strip())
    if unit is None:
        raise ValueError(f"{first!r}: {name.strip()!r} is not a graded unit in course_config.py")
    if directive == "%solution":
        return [_solution_cell(unit, solutions)]
    if directive == "%tests":
        return _test_cells(unit, rest)
    return _choice_cells(unit, solutions)


def _nbgrader(grade_id: str, *, solution=False, grade=False, locked=False, points=None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def _solution_cell(unit: Unit, solutions) -> NotebookNode:
    source = inspect.getsource(getattr(solutions, unit.name))
    cell = new_code_cell(with_solution_region(source, unit.name))
    cell.metadata = _nbgrader(unit.name, solution=True)
    return cell


def with_solution_region(source: str, name: str) -> str:
    """Wrap the body of function `name` (after its docstring) in nbgrader's solution markers."""
    lines = source.rstrip("\n").split("\n")
    func = next(n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name == name)
    has_docstring = ast.get_docstring(func) is not None
    body = func.body[1:] if has_docstring else func.body
    if not body:
        raise ValueError(f"{name} has no body after its docstring")
    # The signature and docstring stay visible to students; everything below is the solution.
    start = func.body[0].end_lineno if has_docstring else body[0].lineno - 1
    indent = " " * body[0].col_offset
    return "\n".join(
        lines[:start]
        + [f"{indent}### BEGIN SOLUTION"]
        + lines[start:func.end_lineno]
        + [f"{indent}### END SOLUTION"]
        + lines[func.end_lineno:]
    )


def _test_cells(unit: Unit, public_tests: str) -> list[NotebookNode]:
    hidden = (
        "### BEGIN HIDDEN TESTS\n"
        "from autograder.grading.hidden import check\n"
        f"check({unit.assignment!r}, {unit.name!r}, {unit.name})\n"
        "### END HIDDEN TESTS"
    )
    public = textwrap.indent(public_tests.strip(), "    ")
    tests = new_code_cell(f"# Tests of {unit.name}: every case runs; a failing one names the known mistake it shows\n"
                          f"with kitcheck.tests({unit.name!r}):\n{public}\n{hidden}")
    tests.metadata = _nbgrader(unit.test_cell_id, grade=True, locked=True, points=unit.points)
    if not unit.has_vectorization_cell:
        return [tests]
    check = new_code_cell(
        f"# Vectorization check of {unit.name}: no Python loops, under the policy of the exercise\n"
        f"kitcheck.vectorized({unit.name!r}, {unit.assignment!r})"
    )
    check.metadata = _nbgrader(unit.vectorized_cell_id, grade=True, locked=True, points=unit.vectorized_points)
    return [tests, check]


def _choice_cells(unit: Unit, solutions) -> list[NotebookNode]:
    question = solutions.QUESTIONS[unit.name]
    letters = sorted(question["choices"])
    options = "\n".join(f"- **{letter})** {question['choices'][letter]}" for letter in letters)
    text = new_markdown_cell(f"**Question `{unit.name}`.** {question['question']}\n\n{options}")
    quoted = ", ".join(repr(letter) for letter in letters)
    answer = new_code_cell(
        f"# Your answer: one of {quoted}\n"
        f"{unit.name} = None\n"
        "### BEGIN SOLUTION\n"
        f"{unit.name} = {solutions.ANSWERS[unit.name]!r}\n"
        "### END SOLUTION"
    )
    answer.metadata = _nbgrader(unit.name, solution=True)
    tests = new_code_cell(
        f"# Test of {unit.name}: the public test checks the form of the answer, the hidden one its content\n"
        f"kitcheck.expect_choice({unit.name!r}, {unit.name}, choices={''.join(letters)!r})\n"
        "### BEGIN HIDDEN TESTS\n"
        "from autograder.grading.hidden import check_choice\n"
        f"check_choice({unit.assignment!r}, {unit.name!r}, {unit.name})\n"
        "### END HIDDEN TESTS"
    )
    tests.metadata = _nbgrader(unit.test_cell_id, grade=True, locked=True, points=unit.points)
    return [text, answer, tests]


def _check_every_unit_once(cells: list[NotebookNode], graded: dict[str, Unit], assignment: str) -> None:
    ids = [c.metadata["nbgrader"]["grade_id"] for c in cells if "nbgrader" in c.metadata]
    expected = [cid for u in graded.values() for cid in (u.name, u.test_cell_id)]
    missing = [cid for cid in expected if cid not in ids]
    repeated = sorted({cid for cid in ids if ids.count(cid) > 1})
    if missing or repeated:
        raise ValueError(f"{assignment}.nb.md: missing cells {missing}, repeated cells {repeated}")

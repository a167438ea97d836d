"""`autograder lint PATH`: the static loop rule alone, on a notebook or a .py file."""
from __future__ import annotations

from pathlib import Path

import nbformat

from autograder.config import course, course_root, units
from autograder.kitcheck.loops import defined_functions, lint_cells
from autograder.notebook.cells import student_cells


def policies(cells: list[tuple[str, str]]) -> dict[str, str]:
    """The course's policy for each graded function the code defines; outside a course, every
    function the code defines is judged as forbidden to loop."""
    defined = defined_functions(cells)
    try:
        root = course_root()
    except FileNotFoundError:
        return {name: "forbidden" for name in defined}
    known = {u.name: u.loops for a in course(root).assignments for u in units(root, a) if u.kind == "function"}
    return {name: known[name] for name in defined if name in known}


def read_cells(path: Path) -> list[tuple[str, str]]:
    if path.suffix == ".ipynb":
        return student_cells(nbformat.read(path, as_version=4))
    return [("", path.read_text())]


def lint(path: Path) -> list[str]:
    cells = read_cells(path)
    findings = lint_cells(cells, policies(cells))
    return [f.format(str(path)) for f in findings]

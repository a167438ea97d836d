"""Make submissions from plain Python files, for the demo and the tests.

A student file holds what the student typed: `def` of graded functions, helper code above the
function that uses it, and `q_name = "b"` answers. Each graded item, with the ungraded code
right above it, replaces the solution cell of the same grade_id in the release notebook.
"""
from __future__ import annotations

import ast
from pathlib import Path

import nbformat
from nbformat import NotebookNode


def _graded_name(node: ast.stmt, names: set[str]) -> str | None:
    if isinstance(node, ast.FunctionDef) and node.name in names:
        return node.name
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id if node.targets[0].id in names else None
    return None


def split_by_unit(source: str, names: set[str]) -> dict[str, str]:
    """grade_id -> the source that goes into that solution cell."""
    lines = source.splitlines()
    chunks, start, last = {}, 0, None
    for node in ast.parse(source).body:
        name = _graded_name(node, names)
        if name is None:
            continue
        chunks[name] = "\n".join(lines[start:node.end_lineno]).strip("\n")
        start, last = node.end_lineno, name
    if last is not None and lines[start:]:
        chunks[last] = (chunks[last] + "\n" + "\n".join(lines[start:])).strip("\n")
    return chunks


def fill_notebook(release: NotebookNode, source: str) -> NotebookNode:
    """A copy of the release notebook with the student's code in its solution cells."""
    nb = nbformat.from_dict(release)
    cells = {c.metadata.nbgrader.grade_id: c for c in nb.cells
             if c.metadata.get("nbgrader", {}).get("solution")}
    for name, code in split_by_unit(source, set(cells)).items():
        cells[name].source = code
    return nb


def write_submission(release_notebook: Path, student_file: Path, target_folder: Path) -> Path:
    target_folder.mkdir(parents=True, exist_ok=True)
    nb = fill_notebook(nbformat.read(release_notebook, as_version=4), student_file.read_text())
    path = target_folder / release_notebook.name
    nbformat.write(nb, path)
    return path

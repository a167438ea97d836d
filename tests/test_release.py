"""The student release: everything a student needs, nothing of the solutions or hidden tests."""
import ast
import importlib
import inspect
import json
import shutil

import nbformat
import pytest

from autograder.config import assignment_names, units
from autograder.mistakes.variants import WRONG
from tests.conftest import REPO

ASSIGNMENTS = assignment_names(REPO)


def solution_lines(assignment: str) -> set[str]:
    """Every distinctive line of the reference bodies (below the docstrings) and the answers."""
    module = importlib.import_module(f"solutions.{assignment}")
    lines = set()
    for unit in units(REPO, assignment):
        if unit.kind == "choice":
            lines.add(f"{unit.name} = {module.ANSWERS[unit.name]!r}")
            continue
        source = inspect.getsource(getattr(module, unit.name))
        func = ast.parse(source).body[0]
        body_start = func.body[1].lineno if ast.get_docstring(func) else func.body[0].lineno
        lines |= {line.strip() for line in source.splitlines()[body_start - 1:] if len(line.strip()) > 20}
    return lines


def mistake_lines(assignment: str) -> set[str]:
    """Every distinctive line of the catalogue's wrong variants (a mistake is one edit from the answer)."""
    return {line.strip() for a, _, _, source in WRONG if a == assignment
            for line in source.splitlines() if len(line.strip()) > 20 and not line.strip().startswith("def ")}


def leaks_in(folder, assignment):
    secrets = solution_lines(assignment) | mistake_lines(assignment)
    leaks = []
    for path in folder.rglob("*"):
        if path.is_dir():
            assert path.name != "solutions", path
            continue
        text = code = path.read_text(errors="ignore")
        if path.suffix == ".ipynb":
            cells = nbformat.read(path, as_version=4).cells
            text = "\n".join(c.source for c in cells)
            # the lecture may state a formula a solution also uses; code cells must not
            code = "\n".join(c.source for c in cells if c.cell_type == "code")
        elif path.parent.name == "known":
            # known mistakes: their outputs, and their fix-it sentences (prose, as feedback shows them)
            entries = [e for listed in json.loads(text)["cases"].values() for e in listed]
            assert all(set(e) <= {"code", "sentence", "result", "error"} for e in entries), path
            code = json.dumps([{k: v for k, v in e.items() if k != "sentence"} for e in entries])
        for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "autograder.grading", "import solutions",
                       "from solutions"):
            if marker in text:
                leaks.append((path.name, marker))
        leaks += [(path.name, line) for line in secrets if line in code]
    return leaks


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_holds_no_solution_and_no_hidden_test(course, assignment):
    assert leaks_in(course / "release" / assignment, assignment) == []


def test_leak_scan_finds_the_instructor_notebook_in_a_release(course, tmp_path):
    shutil.copytree(course / "release" / "broadcasting", tmp_path / "broadcasting")
    shutil.copy(course / "assignments" / "broadcasting" / "broadcasting.ipynb", tmp_path / "broadcasting" / "copy.ipynb")
    found = {what for _, what in leaks_in(tmp_path / "broadcasting", "broadcasting")}
    assert {"BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "autograder.grading"} <= found
    assert any("keepdims=True" in what for what in found)


def test_leak_scan_finds_a_mistake_implementation_in_a_release(course, tmp_path):
    shutil.copytree(course / "release" / "logistic_regression", tmp_path / "release")
    (tmp_path / "release" / "kitcheck" / "helper.py").write_text(
        "def propagate(w, b, X, Y):\n    cost = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n")
    found = {what for _, what in leaks_in(tmp_path / "release", "logistic_regression")}
    assert "cost = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m" in found


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_carries_the_known_mistakes_of_its_own_public_cases_only(course, assignment):
    known = course / "release" / assignment / "kitcheck" / "known"
    assert [p.name for p in known.iterdir()] == [f"{assignment}.json"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_holds_what_a_student_needs(course, assignment):
    folder = course / "release" / assignment
    assert (folder / f"{assignment}.ipynb").is_file()
    assert (folder / "kitcheck" / "__init__.py").is_file()
    assert (folder / "kitcheck" / "loops" / "__init__.py").is_file()
    assert f"python -m kitcheck {assignment}.ipynb" in (folder / "README.md").read_text()
    assert (folder / "kitcheck" / "__main__.py").is_file()
    assert not list(folder.glob("*.nb.md"))
    nb = nbformat.read(folder / f"{assignment}.ipynb", as_version=4)
    stubs = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert stubs and all("raise NotImplementedError()" in c.source for c in stubs)


def test_logistic_regression_release_carries_its_data(course):
    assert (course / "release" / "logistic_regression" / "digits.npz").is_file()


def test_kitcheck_needs_nothing_but_numpy_and_the_standard_library():
    imported = set()
    for path in (REPO / "autograder" / "kitcheck").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    import sys

    # IPython (Jupyter's) runs the self-check's cells when it is there, for magics; plain Python otherwise.
    # The Validate button's preprocessor (validate.py) imports nbgrader's side inside functions only,
    # when a Jupyter server asks for it.
    assert imported - set(sys.stdlib_module_names) <= {"numpy", "IPython", "nbgrader", "nbformat", "traitlets"}
    top_level = {alias.name.split(".")[0] if isinstance(node, ast.Import) else node.module.split(".")[0]
                 for node in ast.parse((REPO / "autograder" / "kitcheck" / "validate.py").read_text()).body
                 if isinstance(node, (ast.Import, ast.ImportFrom)) and getattr(node, "level", 0) == 0
                 for alias in node.names}
    assert top_level <= set(sys.stdlib_module_names) | {"__future__"}

"""The source notebooks are built from their text and solutions/, and are current."""
import nbformat
import pytest

from autograder.authoring.build import build_notebook, notebook_path, with_solution_region
from autograder.authoring.known_mistakes import known_data, known_path
from autograder.config import assignment_names, units
from tests.conftest import REPO

ASSIGNMENTS = assignment_names(REPO)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_committed_notebook_is_the_one_the_sources_build(assignment):
    built = build_notebook(REPO, assignment)
    committed = nbformat.read(notebook_path(REPO, assignment), as_version=4)
    assert [c.source for c in committed.cells] == [c.source for c in built.cells], "run `autograder build`"
    assert [c.metadata for c in committed.cells] == [c.metadata for c in built.cells], "run `autograder build`"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_committed_known_mistakes_are_what_the_variants_give_on_the_public_cases(assignment):
    assert known_path(assignment).read_text() == known_data(REPO, assignment), "run `autograder build`"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_graded_unit_has_its_cells_with_the_configured_points(assignment):
    cells = {c.metadata.nbgrader.grade_id: c.metadata.nbgrader for c in build_notebook(REPO, assignment).cells
             if "nbgrader" in c.metadata}
    for unit in units(REPO, assignment):
        assert cells[unit.name]["solution"] is True
        assert cells[unit.test_cell_id]["points"] == unit.points
        if unit.has_vectorization_cell:
            assert cells[unit.vectorized_cell_id]["points"] == unit.vectorized_points
        else:
            assert unit.vectorized_cell_id not in cells


def test_solution_region_keeps_signature_and_docstring_visible():
    source = 'def f(x):\n    """Doc."""\n    # why\n    y = x + 1\n    return y\n'
    assert with_solution_region(source, "f") == (
        'def f(x):\n    """Doc."""\n    ### BEGIN SOLUTION\n    # why\n    y = x + 1\n'
        "    return y\n    ### END SOLUTION"
    )


def test_readme_documents_every_feedback_code():
    from autograder.kitcheck.codes import CODES
    from autograder.kitcheck.loops import CODES as LOOP_CODES

    readme = (REPO / "README.md").read_text()
    assert [code for code in {**CODES, **LOOP_CODES} if f"| {code} |" not in readme] == []

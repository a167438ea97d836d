"""`autograder check`: a student's self-check on the release notebook, in a real kernel."""
import shutil
import subprocess
import sys

import nbformat
import pytest

from autograder.authoring.submissions import fill_notebook
from autograder.commands.check import run_notebook
from autograder.config import assignment_names
from tests.conftest import REPO
from tests.students import reference_source, variant

ASSIGNMENTS = assignment_names(REPO)


def student_copy(course, assignment, source, name):
    """A student's copy of the release folder (notebook, data, kitcheck/), the notebook filled in."""
    folder = course / "students" / name
    shutil.copytree(course / "release" / assignment, folder)
    nb = fill_notebook(nbformat.read(folder / f"{assignment}.ipynb", as_version=4), source)
    path = folder / f"{assignment}.ipynb"
    nbformat.write(nb, path)
    return path


def run_check(path):
    return subprocess.run([sys.executable, "-m", "autograder", "check", path.name], cwd=path.parent,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_with_the_solutions_pasted_in_runs_top_to_bottom_and_passes(course, assignment):
    path = student_copy(course, assignment, reference_source(assignment), f"solved_{assignment}")
    executed = run_notebook(path)
    errors = [(i, o.ename, o.evalue) for i, c in enumerate(executed.cells) if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert errors == []
    done = run_check(path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout


def test_check_of_a_wrong_notebook_exits_1_and_names_the_failing_functions(course):
    source = variant("vectorization", relu="def relu(v):\n    return [max(0, x) for x in v]",
                     image2vector="def image2vector(image):\n    return image.reshape(-1)")
    done = run_check(student_copy(course, "vectorization", source, "wrong_vectorization"))
    assert done.returncode == 1
    failing = [line for line in done.stdout.splitlines() if line.strip().startswith("FAIL")]
    assert any("image2vector: tests" in line and "RANK1" in line for line in failing), done.stdout
    assert any("relu: vectorized" in line and "LOOP003" in line for line in failing), done.stdout
    assert not any("sigmoid" in line for line in failing)
    assert "Public score:" in done.stdout

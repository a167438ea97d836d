"""`autograder check`: a student's self-check on the release notebook, in a real kernel."""
import shutil
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.authoring.submissions import fill_notebook
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
def test_release_with_the_solutions_pasted_in_runs_top_to_bottom_in_a_jupyter_kernel_and_passes(course, assignment):
    path = student_copy(course, assignment, reference_source(assignment), f"solved_{assignment}")
    executed = nbformat.read(path, as_version=4)
    NotebookClient(executed, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
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
    rows = {line.split()[0]: line for line in done.stdout.splitlines() if line.strip()}
    assert "FAIL" in rows["image2vector"] and "RANK1" in rows["image2vector"], done.stdout
    assert rows["relu"].split()[1:3] == ["FAIL", "FAIL"], done.stdout
    assert "LOOP003" in done.stdout
    assert rows["sigmoid"].split()[1:3] == ["pass", "pass"]
    assert "Public score:" in done.stdout


def test_in_a_kernel_the_vectorization_cell_names_the_loop_and_its_place(course):
    source = variant("vectorization", relu="def relu(v):\n    return np.array([max(0, x) for x in v])")
    path = student_copy(course, "vectorization", source, "kernel_loop")
    executed = nbformat.read(path, as_version=4)
    NotebookClient(executed, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in executed.cells}
    [error] = [o for o in cells["vectorized_relu"].outputs if o.output_type == "error"]
    assert "relu, line 2: LOOP003" in error.evalue and "Traceback" not in "".join(error.traceback)
    assert not [o for o in cells["vectorized_softmax"].outputs if o.output_type == "error"]

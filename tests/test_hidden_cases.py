"""Hidden inputs change with every submission, and stay the same for a regrade of the same one.

A student who collects the failing hidden cases shown in feedback cannot build a table from them:
the next submission (any change to the code) meets new inputs. The key the inputs were drawn with is
recorded in results.json (extra_data.hidden_cases), so a regrade of the same notebook is identical.
"""
import json
import shutil

import nbformat
import pytest

from autograder.authoring.submissions import fill_notebook
from autograder.commands.grade import grade
from tests.students import variant

# Right on the public cases (5 entries), wrong on larger hidden ones: what only hidden cases show.
WRONG_WHEN_LARGE = "def L2(yhat, y):\n    d = y - yhat\n    return float(np.sum(d ** 2)) if d.size <= 5 else 0.0"


def graded_l2(course, student: str, comment: str) -> dict:
    release = nbformat.read(course / "release" / "vectorization" / "vectorization.ipynb", as_version=4)
    folder = course / "submitted" / student / "vectorization"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    source = variant("vectorization", L2=f"{comment}\n{WRONG_WHEN_LARGE}")
    nbformat.write(fill_notebook(release, source), folder / "vectorization.ipynb")
    grade(course, "vectorization", [student], jobs=1, feedback=False)
    document = json.loads((course / "autograded" / student / "vectorization" / "results.json").read_text())
    l2 = next(t for t in document["tests"] if t["name"] == "L2: tests")
    assert l2["status"] == "failed" and l2["extra_data"]["messages"]
    return {"key": document["extra_data"]["hidden_cases"], "messages": l2["extra_data"]["messages"]}


@pytest.fixture(scope="module")
def course(own_course):
    """This module grades students of its own: its own course, so no other module's export sees them."""
    return own_course


@pytest.fixture(scope="module")
def rounds(course):
    return [graded_l2(course, "collector", "# first try"), graded_l2(course, "collector", "# second try"),
            graded_l2(course, "collector", "# second try")]


def test_a_new_submission_meets_new_hidden_inputs(rounds):
    first, second, _ = rounds
    assert first["key"] != second["key"]
    assert first["messages"] != second["messages"]


def test_a_regrade_of_the_same_submission_draws_the_same_inputs(rounds):
    _, second, regrade = rounds
    assert regrade == second

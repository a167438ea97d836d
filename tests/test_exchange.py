"""The course's workflow through nbgrader's own exchange, with `autograder grade` in the middle.

The instructor releases with `nbgrader release_assignment`; two students fetch it, fill it in and
`nbgrader submit`; the instructor runs `nbgrader collect`, `autograder grade` (feedback included) and
`nbgrader release_feedback`; each student runs `nbgrader fetch_feedback` and must receive their own
feedback, and nobody else's. The exchange is a folder of the test's own.
"""
import os
import subprocess
import sys
from html import escape
from pathlib import Path

import nbformat
import pytest

from autograder.authoring.course_copy import copy_course
from autograder.authoring.submissions import fill_notebook
from tests.conftest import REPO
from tests.students import reference_source, variant

NBGRADER = str(Path(sys.executable).parent / "nbgrader")
WORK = {
    "alice": variant("vectorization", L1="# alice's L1\ndef L1(yhat, y):\n    return float(np.sum(y - yhat))"),
    "bob": "# bob's notebook\n" + reference_source("vectorization"),
}


def nbgrader(*args, cwd, home=None):
    """An nbgrader command; a student's runs with the student's own home (nbgrader keeps each user's
    submissions in a cache there, as it would for separate accounts)."""
    env = {**os.environ, **({"HOME": str(home), "JUPYTER_DATA_DIR": str(home / ".jupyter")} if home else {})}
    done = subprocess.run([NBGRADER, *args, f"--Exchange.root={cwd.parent / 'exchange'}",
                           "--CourseDirectory.course_id=dl-python-vectorization"],
                          cwd=cwd, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def fetched_feedback(tmp_path_factory):
    course = copy_course(REPO, tmp_path_factory.mktemp("exchange_workflow") / "course")
    exchange = course.parent / "exchange"
    exchange.mkdir(mode=0o777)
    exchange.chmod(0o777)
    nbgrader("release_assignment", "vectorization", cwd=course)
    for student, source in WORK.items():
        home = course.parent / student
        home.mkdir()
        nbgrader("fetch_assignment", "vectorization", cwd=home, home=home)
        path = home / "vectorization" / "vectorization.ipynb"
        nbformat.write(fill_notebook(nbformat.read(path, as_version=4), source), path)
        nbgrader("submit", "vectorization", f"--student={student}", cwd=home, home=home)
    nbgrader("collect", "vectorization", cwd=course)
    done = subprocess.run([sys.executable, "-m", "autograder", "grade", "vectorization"], cwd=course,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    nbgrader("release_feedback", "vectorization", cwd=course)
    pages = {}
    for student in WORK:
        home = course.parent / student
        nbgrader("fetch_feedback", "vectorization", f"--student={student}", cwd=home, home=home)
        pages[student] = [p.read_text() for p in (home / "vectorization" / "feedback").glob("*/vectorization.html")]
    return pages


def test_each_student_fetches_exactly_one_feedback_page(fetched_feedback):
    assert {student: len(pages) for student, pages in fetched_feedback.items()} == {"alice": 1, "bob": 1}


def test_each_student_receives_their_own_feedback_and_nobody_elses(fetched_feedback):
    alice, bob = fetched_feedback["alice"][0], fetched_feedback["bob"][0]
    assert escape("alice's L1") in alice and escape("bob's notebook") not in alice
    assert escape("bob's notebook") in bob and "alice" not in bob
    assert "M_L1_NO_ABS" in alice and "M_L1_NO_ABS" not in bob

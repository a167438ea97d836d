"""The command line as an instructor meets it: no stray warnings, no setup the README does not ask for."""
import os
import subprocess
import sys
from pathlib import Path

from autograder.authoring.course_copy import copy_course
from tests.conftest import REPO

BIN = Path(sys.executable).parent


def without_environment_on_path() -> dict:
    """The environment of a shell where the kit's virtualenv was not activated."""
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if Path(p) != BIN]
    return {**os.environ, "PATH": os.pathsep.join(path)}


def test_grade_in_a_course_without_a_gradebook_works_without_activating_the_environment(tmp_path):
    root = copy_course(REPO, tmp_path / "course")
    (root / "gradebook.db").unlink()
    done = subprocess.run([str(BIN / "autograder"), "grade", "vectorization"], cwd=root, capture_output=True,
                          text=True, timeout=300, env=without_environment_on_path())
    assert "alembic" not in done.stderr
    assert done.returncode == 2 and "run `autograder release vectorization` first" in done.stderr
    assert (root / "gradebook.db").is_file()


def test_nbgrader_commands_in_the_course_root_warn_about_no_setting(tmp_path):
    root = copy_course(REPO, tmp_path / "course")
    done = subprocess.run([str(BIN / "nbgrader"), "db", "assignment", "list"], cwd=root, capture_output=True,
                          text=True, timeout=300, env=without_environment_on_path())
    assert done.returncode == 0, done.stderr
    assert "not recognized" not in done.stderr, done.stderr
    assert "vectorization" in done.stdout + done.stderr

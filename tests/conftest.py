"""Fixtures: a private copy of the course tree, so tests never touch the checkout's generated files."""
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COURSE_FILES = ["course_config.py", "nbgrader_config.py", "assignments"]


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> Path:
    """A course root holding the repo's assignments and configuration, released once per session."""
    from autograder.commands.release import release
    from autograder.config import assignment_names

    root = tmp_path_factory.mktemp("course")
    for name in COURSE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / name)
    for assignment in assignment_names(root):
        release(root, assignment)
    return root

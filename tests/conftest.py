"""Fixtures: a private copy of the course tree, so tests never touch the checkout's generated files."""
from pathlib import Path

import pytest

from autograder.authoring.course_copy import copy_course

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> Path:
    """A course root holding the repo's assignments and configuration, released once per session."""
    return copy_course(REPO, tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def own_course(tmp_path_factory) -> Path:
    """A course of the module's own, for tests that grade students of their own: their gradebook
    entries must not reach another module's export or report."""
    return copy_course(REPO, tmp_path_factory.mktemp("own_course"))

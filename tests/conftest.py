"""Fixtures: a private copy of the course tree, so tests never touch the checkout's generated files."""
from pathlib import Path

import pytest

from autograder.authoring.course_copy import copy_course
from autograder.kitcheck import i18n

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


@pytest.fixture
def korean(monkeypatch):
    """Messages in Korean for one test, as a Korean course's grader and its children see them."""
    monkeypatch.setattr(i18n, "_chosen", None)
    monkeypatch.setenv(i18n.ENVIRONMENT, "ko")

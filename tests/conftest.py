"""Fixtures: a private copy of the course tree, so tests never touch the checkout's generated files."""
from pathlib import Path

import pytest

from autograder.authoring.course_copy import copy_course
from autograder.kitcheck import i18n
from tests.services import PostgresServer, Unavailable

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


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server of the session's own (tests/services.py); its tests skip, saying why, where
    none can be started."""
    try:
        server = PostgresServer().start()
    except Unavailable as why:
        pytest.skip(f"no PostgreSQL server: {why}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def demo_graded_locally(tmp_path_factory) -> Path:
    """The demo batch (tests/demo_batch.py) graded on this machine with --jobs 2 and SQLite: what
    every other way of grading it must match."""
    from autograder.commands.grade import grade
    from autograder.config import assignment_names
    from tests.demo_batch import demo_course

    root = demo_course(tmp_path_factory.mktemp("demo_local"))
    for assignment in assignment_names(root):
        assert [g.error for g in grade(root, assignment, jobs=2) if g.error] == []
    return root

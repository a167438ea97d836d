"""A PostgreSQL gradebook (`c.CourseDirectory.db_url`, or AUTOGRADER_DB_URL): a real server started
by the tests (tests/services.py) and the demo batch released, graded, exported and reported against
it, and read by plain nbgrader commands and nbgrader's formgrader, as an instructor would."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from autograder.commands.export import export
from autograder.commands.grade import grade
from autograder.commands.report import write_report
from autograder.config import assignment_names
from autograder.course_dir import course_dir
from tests.demo_batch import cell_scores, demo_course, results
from tests.services import _free_port

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def on_postgres(postgres, tmp_path_factory) -> Path:
    """The demo batch released and graded (--jobs 2) on a PostgreSQL gradebook."""
    root = demo_course(tmp_path_factory.mktemp("postgres_course"), postgres.database("postgres_course"))
    for assignment in assignment_names(root):
        assert [g.error for g in grade(root, assignment, jobs=2) if g.error] == []
    return root


def environment(root: Path) -> dict:
    return {**os.environ, "AUTOGRADER_DB_URL": course_dir(root).db_url}


def test_the_demo_scores_on_postgresql_as_on_sqlite(on_postgres, demo_graded_locally):
    assert course_dir(on_postgres).db_url.startswith("postgresql://")
    assert not (on_postgres / "gradebook.db").exists()
    for assignment in assignment_names(on_postgres):
        assert cell_scores(on_postgres, assignment) == cell_scores(demo_graded_locally, assignment)
        assert results(on_postgres, assignment) == results(demo_graded_locally, assignment)


def test_export_and_report_read_the_postgresql_gradebook(on_postgres, demo_graded_locally, tmp_path):
    for by_function in (False, True):
        mine = export(on_postgres, tmp_path / f"pg-{by_function}.csv", by_function=by_function)
        theirs = export(demo_graded_locally, tmp_path / f"sqlite-{by_function}.csv", by_function=by_function)
        rows = sorted(csv.DictReader(mine.open()), key=lambda r: (r["assignment"], r["student_id"]))
        assert rows == sorted(csv.DictReader(theirs.open()), key=lambda r: (r["assignment"], r["student_id"]))
        assert len(rows) >= 18
    page = write_report(on_postgres, "vectorization", tmp_path / "report.html").read_text()
    assert "ada" in page and "kills_its_sandbox" in page


def test_plain_nbgrader_commands_read_the_postgresql_gradebook(on_postgres):
    done = subprocess.run([str(BIN / "nbgrader"), "db", "student", "list"], cwd=on_postgres, capture_output=True,
                          text=True, timeout=300, env=environment(on_postgres))
    assert done.returncode == 0, done.stderr
    assert "ada" in done.stdout + done.stderr and "kills_its_sandbox" in done.stdout + done.stderr
    done = subprocess.run([str(BIN / "nbgrader"), "export", "--to", "nbgrader.csv"], cwd=on_postgres,
                          capture_output=True, text=True, timeout=300, env=environment(on_postgres))
    assert done.returncode == 0, done.stderr
    scores = {(r["assignment"], r["student_id"]): float(r["score"])
              for r in csv.DictReader((on_postgres / "nbgrader.csv").open())}
    assert scores[("vectorization", "ada")] == results(on_postgres, "vectorization")["ada"]["score"]
    assert not (on_postgres / "gradebook.db").exists()


def test_nbgrader_autograde_records_in_the_postgresql_gradebook(on_postgres):
    """nbgrader's own autograde (the kit's executor and loop rule in its pipeline) scores a student
    as `autograder grade` did, in the same PostgreSQL gradebook."""
    before = cell_scores(on_postgres, "broadcasting")["ada"]
    done = subprocess.run([str(BIN / "nbgrader"), "autograde", "broadcasting", "--student", "ada", "--force"],
                          cwd=on_postgres, capture_output=True, text=True, timeout=600, env=environment(on_postgres))
    assert done.returncode == 0, done.stderr[-3000:]
    assert cell_scores(on_postgres, "broadcasting")["ada"] == before


def test_the_formgrader_serves_the_postgresql_gradebook(on_postgres, tmp_path):
    token, port, log = "formgrader-test", _free_port(), tmp_path / "server.log"
    server = subprocess.Popen([str(BIN / "jupyter"), "server", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                               f"--IdentityProvider.token={token}", "--ServerApp.root_dir=.", "--allow-root"],
                              cwd=on_postgres, env=environment(on_postgres), stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    try:
        def get(path: str):
            url = f"http://127.0.0.1:{port}/formgrader/api/{path}?token={token}"
            with urllib.request.urlopen(url, timeout=30) as response:
                return json.loads(response.read())

        deadline = time.monotonic() + 120
        while True:
            try:
                assignments = get("assignments")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
                time.sleep(0.5)
        assert {a["name"] for a in assignments} == set(assignment_names(on_postgres))
        submissions = {s["student"]: s for s in get("submissions/vectorization")}
        expected = results(on_postgres, "vectorization")
        assert set(submissions) == set(expected)
        assert submissions["ada"]["score"] == pytest.approx(expected["ada"]["score"])
        assert {s["id"] for s in get("students")} >= set(expected)
    finally:
        server.terminate()
        server.wait(timeout=30)

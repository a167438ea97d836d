"""Grading on a Dask cluster (`autograder grade --scheduler ADDRESS`): a scheduler and two workers
started with Dask's own commands, as separate processes on 127.0.0.1 (tests/services.py), grading
the demo batch into a PostgreSQL gradebook; what comes out must be what a local `--jobs 2` run on
SQLite gives. Then the faults: a worker killed mid-batch, the scheduler going away."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import nbformat
import pytest

import autograder.pipeline.cluster as cluster_client
import autograder.pipeline.gradebook as recording
from autograder.commands.grade import grade
from autograder.config import assignment_names
from autograder.course_dir import course_dir
from autograder.pipeline.progress import Progress
from autograder.pipeline.submitted_files import BadSubmission
from tests.demo_batch import KILLS_SANDBOX, cell_scores, demo_course, results
from tests.services import DaskCluster, _free_port

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with DaskCluster(workers=2, folder=tmp_path_factory.mktemp("dask")) as started:
        yield started


def autograder_grade(root: Path, *args: str, **popen) -> subprocess.CompletedProcess:
    environment = {**os.environ, "AUTOGRADER_DB_URL": course_dir(root).db_url,
                   "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "5s"}
    return subprocess.run([str(BIN / "autograder"), "grade", *args], cwd=root, capture_output=True, text=True,
                          timeout=900, env=environment, **popen)


@pytest.fixture(scope="module")
def on_cluster(cluster, postgres, tmp_path_factory) -> Path:
    """The demo batch graded by `autograder grade ASSIGNMENT --scheduler ADDRESS`, PostgreSQL gradebook."""
    root = demo_course(tmp_path_factory.mktemp("cluster_course"), postgres.database("cluster_course"))
    for assignment in assignment_names(root):
        done = autograder_grade(root, assignment, "--scheduler", cluster.address)
        assert done.returncode == 0, done.stderr[-3000:]
    return root


def test_the_cluster_grades_the_demo_as_a_local_run_does(on_cluster, demo_graded_locally):
    for assignment in assignment_names(on_cluster):
        assert cell_scores(on_cluster, assignment) == cell_scores(demo_graded_locally, assignment)
        assert results(on_cluster, assignment) == results(demo_graded_locally, assignment)
        folders = course_dir(on_cluster)
        for student in folders.students("submitted", assignment):
            assert (folders.autograded(student, assignment) / f"{assignment}.ipynb").is_file()
            assert (folders.feedback(student, assignment) / f"{assignment}.html").is_file()


def test_a_submission_that_kills_its_sandbox_costs_only_itself(on_cluster):
    document = results(on_cluster, "vectorization")[KILLS_SANDBOX]
    failed = {t["name"] for t in document["tests"] if t["status"] != "passed"}
    assert "relu: tests" in failed and "sigmoid: tests" not in failed
    assert "KILLED" in next(t for t in document["tests"] if t["name"] == "relu: tests")["extra_data"]["codes"]


def test_a_second_run_grades_nothing_new_and_force_grades_all_again(on_cluster, cluster):
    done = autograder_grade(on_cluster, "broadcasting", "--scheduler", cluster.address)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "0 submissions graded" in done.stdout and "6 submissions graded before" in done.stdout
    done = autograder_grade(on_cluster, "broadcasting", "--scheduler", cluster.address, "--force")
    assert done.returncode == 0 and "6 submissions graded," in done.stdout, done.stdout + done.stderr[-3000:]


class KillsAWorker(Progress):
    """The progress bar, killing one worker process (SIGKILL) when the second grade comes in."""

    def __init__(self, total: int, cluster: DaskCluster):
        super().__init__("vectorization", total)
        self.cluster, self.killed = cluster, None

    def step(self, failed: bool = False) -> None:
        super().step(failed)
        if self.done == 2:
            name, pid = sorted(self.cluster.worker_pids().items())[0]
            os.kill(pid, signal.SIGKILL)
            self.killed = name


def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(cluster, demo_graded_locally, tmp_path, monkeypatch):
    root = demo_course(tmp_path / "course")
    students = course_dir(root).students("submitted", "vectorization")
    recorded = Counter()
    real_add = recording.Recorder.add
    monkeypatch.setattr(recording.Recorder, "add", lambda self, graded: (recorded.update([graded.student]),
                                                                         real_add(self, graded))[1])
    progress = KillsAWorker(len(students), cluster)
    batch = grade(root, "vectorization", students, progress=progress, scheduler=cluster.address)
    assert progress.killed, "no worker was killed: the test proves nothing"
    assert sorted(g.student for g in batch) == students and [g.error for g in batch if g.error] == []
    assert recorded == Counter(students)  # each student recorded once
    assert cell_scores(root, "vectorization") == cell_scores(demo_graded_locally, "vectorization")
    assert results(root, "vectorization") == results(demo_graded_locally, "vectorization")
    cluster.wait_for_workers(2)  # the killed worker's nanny starts it again


def test_the_scheduler_going_away_ends_the_run_with_an_error_and_the_next_run_grades_the_rest(tmp_path):
    root = demo_course(tmp_path / "course")
    students = course_dir(root).students("submitted", "vectorization")
    with DaskCluster(workers=1, folder=tmp_path / "dask") as cluster:
        environment = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "5s"}
        run = subprocess.Popen([str(BIN / "autograder"), "grade", "vectorization", "--scheduler", cluster.address],
                               cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
        for line in run.stderr:  # the progress lines
            found = re.search(r"(\d+)/\d+ graded", line)
            if found and int(found[1]) >= 2:
                os.killpg(cluster.scheduler.pid, signal.SIGKILL)
                break
        output, errors = run.communicate(timeout=300)
    assert run.returncode == 2, errors[-3000:]
    said = re.search(r"scheduler at \S+ went away: (\d+) of (\d+) submissions were graded and recorded; run the "
                     r"same command again", errors)
    assert said and int(said[2]) == len(students), errors[-3000:]
    first = int(said[1])
    assert 2 <= first < len(students)
    assert len(cell_scores(root, "vectorization")) == first
    with DaskCluster(workers=1, folder=tmp_path / "dask-again") as cluster:
        done = autograder_grade(root, "vectorization", "--scheduler", cluster.address)
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(rf"\b{len(students) - first} submissions? graded,", done.stdout), done.stdout
    assert f"{first} submissions graded before" in done.stdout
    assert set(cell_scores(root, "vectorization")) == set(students)
    folders = course_dir(root)
    assert all((folders.feedback(s, "vectorization") / "vectorization.html").is_file() for s in students)


def test_no_scheduler_at_the_address_is_a_clear_error(on_cluster):
    done = autograder_grade(on_cluster, "vectorization", "--force", "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
    assert done.returncode == 2
    assert "no Dask scheduler answers at tcp://127.0.0.1:" in done.stderr, done.stderr[-3000:]


def test_a_worker_with_another_version_of_the_kit_is_refused(cluster, demo_graded_locally, monkeypatch):
    monkeypatch.setattr(cluster_client, "kit_version", lambda: "0" * 16)
    with pytest.raises(RuntimeError, match="this worker's kit .* is not the client's"):
        grade(demo_graded_locally, "vectorization", ["ada"], scheduler=cluster.address)


def test_what_comes_back_from_a_worker_is_checked_as_data(monkeypatch):
    monkeypatch.setattr(cluster_client, "RECEIVED_CHARS", 10_000)
    notebook = nbformat.writes(nbformat.v4.new_notebook())
    for reply in [None, ["a list"], {"notebook": 3, "submission": ""}, {"notebook": "x" * 10_001, "submission": ""},
                  {"notebook": "{}", "submission": "ab12"}, {"notebook": notebook, "submission": "../../etc"},
                  {"notebook": notebook}]:
        with pytest.raises(cluster_client.BadReply):
            cluster_client._checked(reply)
    with pytest.raises(BadSubmission, match="not a notebook"):
        cluster_client._checked({"error": "not a notebook"})
    nb, key, seconds = cluster_client._checked({"notebook": notebook, "submission": "ab12", "seconds": float("nan")})
    assert nb.cells == [] and key == "ab12" and seconds == 0.0

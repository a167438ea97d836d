"""The worker's side of grading on a Dask cluster: a warm grader per worker process, and the task.

The batch's client registers a GraderPlugin holding everything a worker needs that is not the
installed kit (course_config.py, the gradebook's copy of the source notebook, the assignment's
data files): Dask runs its setup on every worker process, also on one that joins or restarts
later, which builds the grader once (nbgrader's steps, a warm parent for the sandbox) in a
private course folder. Workers need no shared file system and no access to the gradebook.

Workers hold the solutions and draw the hidden cases: they are the graders' machines. Student
code runs in them only inside the sandbox, as it does on the grader's own machine.
"""
from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import nbformat
from distributed import WorkerPlugin

import autograder
import solutions
from autograder.config import CONFIG_FILE
from autograder.course_dir import CourseDir
from autograder.pipeline.submission import SubmissionGrader
from autograder.pipeline.submitted_files import BadSubmission
from autograder.sandbox.client import Zygote

_graders: dict[str, SubmissionGrader] = {}  # plugin name -> this process's grader
_one_at_a_time = threading.Lock()  # a grader's state (its sandbox, the grading context) is per process


def kit_version() -> str:
    """A digest of the installed kit's code and data: a worker must grade with the client's."""
    return _kit_version()


@lru_cache(maxsize=1)
def _kit_version() -> str:
    digest = hashlib.sha256()
    for package in (Path(autograder.__file__).parent, Path(solutions.__file__).parent):
        for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".json")):
            digest.update(f"{path.relative_to(package.parent)}\0".encode() + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Bundle:
    """What a worker grades a batch with, besides the installed kit; plain data, sent once per worker."""

    name: str
    kit: str  # kit_version() of the client
    assignment: str
    course_config: bytes  # the client's course_config.py
    config: object  # the client's traitlets Config, as loaded from it
    units: tuple
    source: object  # SourceNotebook
    data_files: dict  # the assignment's data files, by name


class GraderPlugin(WorkerPlugin):
    def __init__(self, bundle: Bundle):
        self.bundle, self.name = bundle, bundle.name

    def setup(self, worker=None) -> None:
        if self.bundle.kit != kit_version():
            raise RuntimeError(f"this worker's kit ({kit_version()}) is not the client's ({self.bundle.kit}): "
                               "install the same version of the kit on every worker")
        _graders[self.name] = _warm_grader(self.bundle)

    def teardown(self, worker=None) -> None:
        grader = _graders.pop(self.name, None)
        if grader is not None:
            shutil.rmtree(grader.folders.root, ignore_errors=True)


def _warm_grader(bundle: Bundle) -> SubmissionGrader:
    """A grader in a private course folder holding the client's configuration and data files."""
    root = Path(tempfile.mkdtemp(prefix="autograder-course-")).resolve()
    (root / CONFIG_FILE).write_bytes(bundle.course_config)
    folders = CourseDir(root, bundle.config)
    source = folders.source(bundle.assignment)
    source.mkdir(parents=True)
    for name, data in bundle.data_files.items():
        (source / Path(name).name).write_bytes(data)
    Zygote.shared()  # the sandbox's warm parent, started now rather than by the first submission
    return SubmissionGrader(folders, bundle.assignment, folders.config, list(bundle.units), bundle.source)


def grade_notebook(name: str, student: str, notebook: bytes) -> dict:
    """The task: grade one notebook sent as bytes. Returns plain data: the graded notebook as
    nbformat's JSON and the key of its hidden inputs, or why it could not be graded."""
    grader = _graders.get(name)
    if grader is None:
        raise RuntimeError(f"this worker has no grader for {name}: its setup failed (see the worker's log)")
    with _one_at_a_time:
        started = time.perf_counter()
        try:
            nb, key = grader.run(student, notebook)
        except BadSubmission as error:
            return {"error": str(error), "seconds": time.perf_counter() - started}
        return {"notebook": nbformat.writes(nb), "submission": key, "seconds": time.perf_counter() - started}

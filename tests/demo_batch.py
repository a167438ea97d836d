"""The demo's sample submissions in a course of a test's own, with a few more students for the
vectorization batch (the same work under other ids, and one that kills its sandbox): the batch the
PostgreSQL and cluster tests grade, and compare with a local `--jobs 2` run on SQLite."""
from __future__ import annotations

import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from nbgrader.api import MissingEntry

from autograder.authoring.course_copy import copy_course
from autograder.authoring.submissions import write_submission
from autograder.commands.demo import SAMPLES, submit_samples
from autograder.config import assignment_names
from autograder.course_dir import course_dir
from tests.students import variant

REPO = Path(__file__).resolve().parent.parent
KILLS_SANDBOX = "kills_its_sandbox"
AGAIN = "_again"  # a demo student's vectorization work under another id


@contextmanager
def gradebook_url(url: str | None):
    """AUTOGRADER_DB_URL set to `url` (or left alone) while a course is set up: its configuration,
    loaded once per course, keeps it."""
    before = os.environ.get("AUTOGRADER_DB_URL")
    if url:
        os.environ["AUTOGRADER_DB_URL"] = url
    try:
        yield
    finally:
        os.environ.pop("AUTOGRADER_DB_URL", None)
        if before is not None:
            os.environ["AUTOGRADER_DB_URL"] = before


def demo_course(target: Path, db_url: str | None = None) -> Path:
    """A released course at `target` (gradebook at `db_url`, else SQLite) with the batch submitted."""
    with gradebook_url(db_url):
        root = copy_course(REPO, target)
        assert course_dir(root).db_url == (db_url or course_dir(root).db_url)
    shutil.copytree(REPO / SAMPLES, root / SAMPLES)
    for assignment in assignment_names(root):
        submit_samples(root, assignment)
    release = course_dir(root).release("vectorization") / "vectorization.ipynb"
    sources = root / "sources"
    sources.mkdir()
    for student_file in sorted((root / SAMPLES).glob("*/vectorization.py")):
        shutil.copy(student_file, sources / f"{student_file.parent.name}{AGAIN}.py")
    (sources / f"{KILLS_SANDBOX}.py").write_text(variant("vectorization", relu="""
        def relu(v):
            import os
            os._exit(3)
    """))
    for path in sorted(sources.glob("*.py")):
        write_submission(release, path, course_dir(root).submitted(path.stem, "vectorization"))
    return root


def cell_scores(root: Path, assignment: str) -> dict[str, dict[str, float]]:
    """student -> grade cell -> score, as the course's gradebook holds them."""
    with course_dir(root).gradebook() as gradebook:
        try:
            submissions = gradebook.find_assignment(assignment).submissions
        except MissingEntry:
            return {}
        return {s.student.id: {g.name: g.score for nb in s.notebooks for g in nb.grades} for s in submissions}


def results(root: Path, assignment: str) -> dict[str, dict]:
    """student -> results.json."""
    folders = course_dir(root)
    return {s: json.loads((folders.autograded(s, assignment) / "results.json").read_text())
            for s in folders.students("autograded", assignment, must_exist="results.json")}

"""The batch's one gradebook writer (autograder/pipeline/gradebook.py) writes, in bulk statements,
the rows nbgrader's add_submission and SaveAutoGrades write one by one: on SQLite and PostgreSQL,
for a first grade and a regrade (a grader's manual score kept and flagged, no duplicate rows)."""
from __future__ import annotations

from pathlib import Path

import pytest

from autograder.authoring.course_copy import copy_course
from autograder.course_dir import course_dir
from autograder.pipeline.gradebook import Recorder
from autograder.pipeline.submission import Graded
from tests.conftest import REPO
from tests.demo_batch import gradebook_url

ASSIGNMENT = "vectorization"
FIRST, LATER = "2026-03-01 12:00:00.000000 UTC", "2026-03-02 08:30:00.000000 UTC"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def root(request, tmp_path_factory) -> Path:
    url = request.getfixturevalue("postgres").database("writer") if request.param == "postgresql" else None
    with gradebook_url(url):
        return copy_course(REPO, tmp_path_factory.mktemp(f"writer_{request.param}"), [ASSIGNMENT])


def grade_cells(root: Path) -> list[str]:
    with course_dir(root).gradebook() as gradebook:
        return [cell.name for cell in gradebook.find_notebook(ASSIGNMENT, ASSIGNMENT).grade_cells]


def rows(root: Path, student: str) -> tuple[dict, dict, object]:
    """grade cell -> (auto score, manual score, needs manual grade); solution cell -> auto comment; timestamp."""
    with course_dir(root).gradebook() as gradebook:
        submission = gradebook.find_submission(ASSIGNMENT, student)
        grades = {g.name: (g.auto_score, g.manual_score, g.needs_manual_grade)
                  for nb in submission.notebooks for g in nb.grades}
        comments = {c.name: c.auto_comment for nb in submission.notebooks for c in nb.comments}
        assert len(grades) == sum(len(nb.grades) for nb in submission.notebooks)  # one row per cell
        return grades, comments, submission.timestamp


def by_nbgrader(root: Path, graded: Graded) -> None:
    """What nbgrader's own helpers and SaveAutoGrades write for the same submission."""
    with course_dir(root).gradebook() as gradebook:
        gradebook.update_or_create_student(graded.student)
        gradebook.add_submission(ASSIGNMENT, graded.student, timestamp=graded.timestamp)
        notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, graded.student)
        for grade in notebook.grades:
            if grade.name in graded.scores:
                grade.auto_score = graded.scores[grade.name]
                grade.needs_manual_grade = grade.manual_score is not None or grade.auto_score is None
        for comment in notebook.comments:
            comment.auto_comment = "No response." if comment.name in graded.no_response else None
        gradebook.db.commit()


def record(root: Path, *batch: Graded) -> None:
    with Recorder(course_dir(root), ASSIGNMENT) as recorder:
        for graded in batch:
            recorder.add(graded)


def test_a_first_grade_is_recorded_as_nbgrader_records_it(root):
    cells = grade_cells(root)
    scores = {cell: float(i % 3) for i, cell in enumerate(cells)}
    scores[cells[1]] = None  # no automatic score: a person must grade it
    record(root, Graded("writer_a", [], scores=scores, no_response=["relu"], timestamp=FIRST),
           Graded("writer_b", [], scores=dict(scores), no_response=[], timestamp=None))
    by_nbgrader(root, Graded("nbgrader_a", [], scores=scores, no_response=["relu"], timestamp=FIRST))
    assert rows(root, "writer_a") == rows(root, "nbgrader_a")
    grades, comments, timestamp = rows(root, "writer_a")
    assert grades[cells[1]] == (None, None, True) and grades[cells[0]] == (0.0, None, False)
    assert comments["relu"] == "No response." and comments["softmax"] is None
    assert rows(root, "writer_b")[2] is None


def test_a_regrade_updates_scores_keeps_manual_ones_flagged_and_adds_no_row(root):
    cells = grade_cells(root)
    record(root, Graded("regraded", [], scores={cell: 0.0 for cell in cells}, timestamp=FIRST))
    with course_dir(root).gradebook() as gradebook:
        gradebook.find_grade(cells[0], ASSIGNMENT, ASSIGNMENT, "regraded").manual_score = 0.5
        gradebook.db.commit()
    record(root, Graded("regraded", [], scores={cell: 1.0 for cell in cells}, no_response=["sigmoid"],
                        timestamp=LATER))
    grades, comments, timestamp = rows(root, "regraded")
    assert grades[cells[0]] == (1.0, 0.5, True)
    assert all(grades[cell] == (1.0, None, False) for cell in cells[1:])
    assert comments["sigmoid"] == "No response." and str(timestamp).startswith("2026-03-02 08:30")

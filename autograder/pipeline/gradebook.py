"""Record a batch's scores in the nbgrader gradebook, as nbgrader's SaveAutoGrades would, from one
process (the batch's client): no two graders ever write the gradebook, SQLite or PostgreSQL.

Scores are recorded as they arrive, while the graders go on with the next submissions, in
transactions of up to BATCH submissions (or BATCH_SECONDS' worth): nbgrader's own helpers commit
every row they touch, which a remote database pays for in round trips. If a transaction fails,
its submissions are recorded again one by one, so a bad one costs only itself.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import replace

from nbgrader.api import (Assignment, BaseCell, Comment, Grade, Gradebook, Notebook, Student, SubmittedAssignment,
                          SubmittedNotebook, new_uuid)
from nbgrader.utils import parse_utc
from sqlalchemy import insert, literal, select, update

from autograder.course_dir import CourseDir
from autograder.kitcheck.i18n import N_, fill
from autograder.pipeline.source_cells import SourceNotebook
from autograder.pipeline.submission import Graded, write_results

BATCH = 200
BATCH_SECONDS = 2.0


class Recorder:
    def __init__(self, folders: CourseDir, assignment: str, batch: int = BATCH,
                 recorded: Callable[[Graded], None] | None = None):
        """`recorded(graded)` is called for each submission once its scores are committed."""
        self.gradebook = folders.gradebook()
        self.folders, self.assignment, self.batch, self.recorded = folders, assignment, batch, recorded
        self.pending: list[Graded] = []
        self.flushed = time.monotonic()

    def source(self) -> SourceNotebook:
        """The gradebook's copy of the assignment's source notebook, for the graders."""
        return SourceNotebook.read(self.gradebook, self.assignment, self.assignment)

    def add(self, graded: Graded) -> Graded:
        if graded.error:  # nbgrader records nothing for a submission it cannot read either
            return graded
        self.pending.append(graded)
        if len(self.pending) >= self.batch or time.monotonic() - self.flushed >= BATCH_SECONDS:
            self.flush()
        return graded

    def flush(self) -> None:
        """Record every pending submission; one whose scores cannot be recorded says so in its results.json."""
        batch, self.pending, self.flushed = self.pending, [], time.monotonic()
        if len(batch) <= 1 or self._transaction(batch) is not None:
            for graded in batch:  # alone, or again one by one after a failed transaction
                error = self._transaction([graded])
                if error is not None:
                    self._unrecorded(graded, error)
        for graded in batch:
            if self.recorded is not None and not graded.error:
                self.recorded(graded)
            graded.lighten()

    def _transaction(self, batch: list[Graded]) -> Exception | None:
        try:
            _record_batch(self.gradebook, self.assignment, batch)
            self.gradebook.db.commit()
        except Exception as error:  # the session must stay usable for the next
            self.gradebook.db.rollback()
            return error
        return None

    def _unrecorded(self, graded: Graded, error: Exception) -> None:
        print(f"{graded.student}: scores not recorded ({type(error).__name__}: {error})", file=sys.stderr)
        graded.error = fill(N_("its scores could not be recorded in the gradebook ({error}); the instructor must "
                               "grade it again"), error=type(error).__name__)
        graded.results = [replace(r, score=0.0, status="failed") for r in graded.results]
        write_results(self.folders.autograded(graded.student, self.assignment), graded)

    def __enter__(self) -> "Recorder":
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.flush()  # what was graded before an error is recorded all the same
        finally:
            self.gradebook.close()


def _record_batch(gradebook: Gradebook, assignment: str, batch: list[Graded]) -> None:
    """Students, submissions and scores of `batch`, in the session, uncommitted: the rows nbgrader's
    add_submission and SaveAutoGrades would write, in a few bulk statements for the whole batch
    (SQLAlchemy's unit of work, row by row, costs more than the database)."""
    db = gradebook.db
    found = gradebook.find_assignment(assignment)
    latest = {graded.student: graded for graded in batch}
    known = set(db.scalars(select(Student.id).where(Student.id.in_(latest))))
    _insert(db, Student, [{"id": student} for student in latest if student not in known])
    existing = dict(db.execute(select(SubmittedAssignment.student_id, SubmittedAssignment.id).where(
        SubmittedAssignment.assignment_id == found.id, SubmittedAssignment.student_id.in_(latest))).all())
    _new_submissions(db, found, assignment, [g for s, g in latest.items() if s not in existing])
    again = [g for s, g in latest.items() if s in existing]
    _update(db, SubmittedAssignment, [{"id": existing[g.student], "timestamp": parse_utc(g.timestamp)}
                                      for g in again if g.timestamp])
    _update(db, Grade, [_grade_row(latest[student], name, grade_id, manual)
                        for grade_id, name, manual, student in _rows(db, Grade, found, assignment, again)])
    _update(db, Comment, [_comment_row(latest[student], name, comment_id)
                          for comment_id, name, _, student in _rows(db, Comment, found, assignment, again)])


def _new_submissions(db, found: Assignment, assignment: str, batch: list[Graded]) -> None:
    """A submission with its notebooks' grade and comment rows, scores filled in, per student."""
    submissions, notebooks, grades, comments = [], [], [], []
    for graded in batch:
        submission = new_uuid()
        submissions.append({"id": submission, "assignment_id": found.id, "student_id": graded.student,
                            "timestamp": parse_utc(graded.timestamp) if graded.timestamp else None})
        for notebook in found.notebooks:
            submitted = new_uuid()
            notebooks.append({"id": submitted, "assignment_id": submission, "notebook_id": notebook.id})
            scored = graded if notebook.name == assignment else Graded(graded.student, [])
            for cell in [*notebook.grade_cells, *notebook.task_cells]:
                grades.append({**_grade_row(scored, cell.name, new_uuid(), None), "notebook_id": submitted,
                               "cell_id": cell.id})
            for cell in [*notebook.solution_cells, *notebook.task_cells]:
                comments.append({**_comment_row(scored, cell.name, new_uuid()), "notebook_id": submitted,
                                 "cell_id": cell.id})
    for kind, rows in ((SubmittedAssignment, submissions), (SubmittedNotebook, notebooks), (Grade, grades),
                       (Comment, comments)):
        _insert(db, kind, rows)


def _grade_row(graded: Graded, cell: str, grade_id: str, manual_score) -> dict:
    """A grade's automatic score; a grader's manual score, or no automatic one, means a person must look again."""
    if cell not in graded.scores:
        return {"id": grade_id, "needs_manual_grade": True} if manual_score is None else {"id": grade_id}
    score = graded.scores[cell]
    return {"id": grade_id, "auto_score": score, "needs_manual_grade": manual_score is not None or score is None}


def _comment_row(graded: Graded, cell: str, comment_id: str) -> dict:
    return {"id": comment_id, "auto_comment": "No response." if cell in graded.no_response else None}


def _rows(db, kind, found: Assignment, notebook: str, batch: list[Graded]):
    """(id, cell name, manual score or None, student) of the grade or comment rows of the batch's
    submitted notebooks."""
    manual = kind.manual_score if kind is Grade else literal(None)
    return db.execute(
        select(kind.id, BaseCell.name, manual, SubmittedAssignment.student_id)
        .join(BaseCell, kind.cell_id == BaseCell.id)
        .join(SubmittedNotebook, kind.notebook_id == SubmittedNotebook.id)
        .join(Notebook, SubmittedNotebook.notebook_id == Notebook.id)
        .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
        .where(SubmittedAssignment.assignment_id == found.id, Notebook.name == notebook,
               SubmittedAssignment.student_id.in_([g.student for g in batch]))).all() if batch else []


def _insert(db, kind, rows: list[dict]) -> None:
    if rows:
        db.execute(insert(kind), rows)


def _update(db, kind, rows: list[dict]) -> None:
    """Bulk UPDATE by primary key, one statement per set of columns."""
    by_columns: dict[tuple, list[dict]] = {}
    for row in rows:
        by_columns.setdefault(tuple(sorted(row)), []).append(row)
    for same in by_columns.values():
        if len(same[0]) > 1:
            db.execute(update(kind), same)

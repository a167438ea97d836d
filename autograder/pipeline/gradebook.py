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
from dataclasses import replace

from nbgrader.api import (Assignment, Comment, Grade, Gradebook, Notebook, Student, SubmittedAssignment,
                          SubmittedNotebook)
from nbgrader.utils import parse_utc
from sqlalchemy.orm import joinedload

from autograder.course_dir import CourseDir
from autograder.pipeline.source_cells import SourceNotebook
from autograder.pipeline.submission import Graded, write_results

BATCH = 200
BATCH_SECONDS = 2.0


class Recorder:
    def __init__(self, folders: CourseDir, assignment: str, batch: int = BATCH):
        self.gradebook = folders.gradebook()
        self.folders, self.assignment, self.batch = folders, assignment, batch
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
        if len(batch) > 1 and self._transaction(batch) is None:
            return
        for graded in batch:  # alone, or again one by one after a failed transaction
            error = self._transaction([graded])
            if error is not None:
                self._unrecorded(graded, error)

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
        graded.error = (f"its scores could not be recorded in the gradebook ({type(error).__name__}); "
                        "the instructor must grade it again")
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
    """Students, submissions and scores of `batch`, in the session, uncommitted: a few queries for
    the whole batch, not a few per submission."""
    db = gradebook.db
    found = gradebook.find_assignment(assignment)
    ids = [graded.student for graded in batch]
    known = {student_id for (student_id,) in db.query(Student.id).filter(Student.id.in_(ids))}
    db.add_all(Student(id=student_id) for student_id in dict.fromkeys(ids) if student_id not in known)
    submissions = {s.student_id: s for s in db.query(SubmittedAssignment).filter(
        SubmittedAssignment.assignment == found, SubmittedAssignment.student_id.in_(ids))}
    for graded in batch:
        submission = submissions.get(graded.student) or _new_submission(db, found, graded.student)
        submissions[graded.student] = submission
        if graded.timestamp:
            submission.timestamp = parse_utc(graded.timestamp)
    db.flush()
    rows = {student: ([], []) for student in ids}
    for kind, index in ((Grade, 0), (Comment, 1)):
        for row, student in _submitted_rows(db, kind, found, assignment, ids):
            rows[student][index].append(row)
    with db.no_autoflush:
        for graded in batch:
            _record_scores(graded, *rows[graded.student])


def _submitted_rows(db, kind, found: Assignment, notebook: str, students: list[str]):
    """(grade or comment row, student) of the students' submitted notebook, with its cell."""
    return (db.query(kind, SubmittedAssignment.student_id).options(joinedload(kind.cell))
            .join(SubmittedNotebook, kind.notebook_id == SubmittedNotebook.id)
            .join(Notebook, SubmittedNotebook.notebook_id == Notebook.id)
            .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
            .filter(SubmittedAssignment.assignment_id == found.id, Notebook.name == notebook,
                    SubmittedAssignment.student_id.in_(students)))


def _new_submission(db, assignment: Assignment, student: str) -> SubmittedAssignment:
    """A submission with a grade and comment row per cell, as nbgrader's add_submission makes it
    (which commits on its own)."""
    with db.no_autoflush:  # the rows are added whole, with their cells
        submission = SubmittedAssignment(assignment=assignment, student_id=student)
        for notebook in assignment.notebooks:
            submitted = SubmittedNotebook(notebook=notebook, assignment=submission)
            for cell in notebook.grade_cells:
                Grade(cell_id=cell.id, notebook=submitted)
            for cell in notebook.solution_cells:
                Comment(cell_id=cell.id, notebook=submitted)
            for cell in notebook.task_cells:
                Comment(cell_id=cell.id, notebook=submitted)
                Grade(cell_id=cell.id, notebook=submitted)
        db.add(submission)
    return submission


def _record_scores(graded: Graded, grades: list[Grade], comments: list[Comment]) -> None:
    for grade in grades:
        if grade.cell.name in graded.scores:
            grade.auto_score = score = graded.scores[grade.cell.name]
            # a grader's manual score, or no automatic one, means a person must look again
            grade.needs_manual_grade = grade.manual_score is not None or score is None
    for comment in comments:
        comment.auto_comment = "No response." if comment.cell.name in graded.no_response else None

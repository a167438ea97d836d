"""Record a batch's scores in the nbgrader gradebook, as nbgrader's SaveAutoGrades would, in one
process and one session: no two graders ever write the SQLite file at the same time. Scores are
recorded as they arrive, while the grader processes go on with the next submissions."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from nbgrader.api import Comment, Grade, Gradebook
from sqlalchemy.orm import joinedload

from autograder.pipeline.submission import Graded, write_results


class Recorder:
    def __init__(self, root: Path, course_id: str, assignment: str):
        self.gradebook = Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=course_id)
        self.root, self.assignment = root, assignment

    def add(self, graded: Graded) -> Graded:
        if graded.error:  # nbgrader records nothing for a submission it cannot read either
            return graded
        try:
            self.gradebook.update_or_create_student(graded.student)
            extra = {"timestamp": graded.timestamp} if graded.timestamp else {}
            self.gradebook.update_or_create_submission(self.assignment, graded.student, **extra)
            _record_scores(self.gradebook, self.assignment, graded)
            self.gradebook.db.commit()
        except Exception as error:  # costs this submission only: the session must stay usable for the next
            self.gradebook.db.rollback()
            self._unrecorded(graded, error)
        return graded

    def _unrecorded(self, graded: Graded, error: Exception) -> None:
        print(f"{graded.student}: scores not recorded ({type(error).__name__}: {error})", file=sys.stderr)
        graded.error = (f"its scores could not be recorded in the gradebook ({type(error).__name__}); "
                        "the instructor must grade it again")
        graded.results = [replace(r, score=0.0, status="failed") for r in graded.results]
        write_results(self.root / "autograded" / graded.student / self.assignment, graded)

    def __enter__(self) -> "Recorder":
        return self

    def __exit__(self, *exc) -> None:
        self.gradebook.close()


def _record_scores(gradebook: Gradebook, assignment: str, graded: Graded) -> None:
    notebook = gradebook.find_submission_notebook(assignment, assignment, graded.student)
    with gradebook.db.no_autoflush:  # one query for the grades with their cells, not one per cell
        grades = gradebook.db.query(Grade).options(joinedload(Grade.cell)).filter(Grade.notebook == notebook)
        for grade in grades:
            if grade.cell.name in graded.scores:
                grade.auto_score = score = graded.scores[grade.cell.name]
                # a grader's manual score, or no automatic one, means a person must look again
                grade.needs_manual_grade = grade.manual_score is not None or score is None
        comments = gradebook.db.query(Comment).options(joinedload(Comment.cell)).filter(Comment.notebook == notebook)
        for comment in comments:
            comment.auto_comment = "No response." if comment.cell.name in graded.no_response else None

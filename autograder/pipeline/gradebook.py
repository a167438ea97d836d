"""Record a batch's scores in the nbgrader gradebook, as nbgrader's SaveAutoGrades would, in one
process and one session: no two graders ever write the SQLite file at the same time. Scores are
recorded as they arrive, while the grader processes go on with the next submissions."""
from __future__ import annotations

from pathlib import Path

from nbgrader.api import Comment, Grade, Gradebook
from sqlalchemy.orm import joinedload

from autograder.pipeline.submission import Graded


class Recorder:
    def __init__(self, root: Path, course_id: str, assignment: str):
        self.gradebook = Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=course_id)
        self.assignment = assignment

    def add(self, graded: Graded) -> Graded:
        if not graded.error:  # nbgrader records nothing for a submission it cannot read either
            self.gradebook.update_or_create_student(graded.student)
            extra = {"timestamp": graded.timestamp} if graded.timestamp else {}
            self.gradebook.update_or_create_submission(self.assignment, graded.student, **extra)
            _record_scores(self.gradebook, self.assignment, graded)
            self.gradebook.db.commit()
        return graded

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

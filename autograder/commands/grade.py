"""`autograder grade ASSIGNMENT`: grade every submission, record the gradebook, write feedback and results.json."""
from __future__ import annotations

from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from autograder.config import load_config
from autograder.pipeline.progress import Progress
from autograder.pipeline.run import grade_batch
from autograder.pipeline.submission import Graded

__all__ = ["Graded", "grade", "submitted_students"]


def submitted_students(root: Path, assignment: str) -> list[str]:
    folder = root / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{assignment}") if p.is_dir())


def grade(root: Path, assignment: str, students: list[str] | None = None, jobs: int | None = None,
          feedback: bool = True, progress: Progress | None = None) -> list[Graded]:
    _require_released(root, assignment)
    students = submitted_students(root, assignment) if students is None else students
    return grade_batch(root, assignment, students, jobs=jobs, feedback=feedback, progress=progress)


def _require_released(root: Path, assignment: str) -> None:
    course_id = load_config(root).CourseDirectory.course_id
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=course_id) as gradebook:
        try:
            gradebook.find_assignment(assignment)
        except MissingEntry:
            raise RuntimeError(f"{assignment} is not in the gradebook yet: run `autograder release {assignment}` "
                               "first") from None

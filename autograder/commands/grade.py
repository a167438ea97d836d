"""`autograder grade ASSIGNMENT`: grade every submission, record the gradebook, write feedback and results.json."""
from __future__ import annotations

from pathlib import Path

from nbgrader.api import Assignment, Gradebook, MissingEntry

from autograder.config import course
from autograder.course_dir import course_dir
from autograder.pipeline.pending import ungraded
from autograder.pipeline.progress import Progress
from autograder.pipeline.run import grade_batch
from autograder.pipeline.submission import Graded

__all__ = ["Graded", "grade", "submitted_students", "to_grade"]


def submitted_students(root: Path, assignment: str) -> list[str]:
    return course_dir(root).students("submitted", assignment)


def to_grade(root: Path, assignment: str, force: bool = False) -> tuple[list[str], int]:
    """The submitted students a run grades (with `force`, all of them) and how many it skips."""
    students = submitted_students(root, assignment)
    todo = students if force else ungraded(course_dir(root), assignment, students, _recorded(root, assignment))
    return todo, len(students) - len(todo)


def grade(root: Path, assignment: str, students: list[str] | None = None, jobs: int | None = None,
          feedback: bool = True, progress: Progress | None = None, scheduler: str | None = None) -> list[Graded]:
    """Grade `students` (default: every submission); on the Dask cluster at `scheduler` (default:
    course_config.py's Course.scheduler), else in `jobs` local processes."""
    with course_dir(root).gradebook() as gradebook:
        _released(gradebook, assignment)
    students = submitted_students(root, assignment) if students is None else students
    scheduler = course(root).scheduler if scheduler is None else scheduler
    if not students:
        return []
    return grade_batch(root, assignment, students, jobs=jobs, feedback=feedback, progress=progress,
                       scheduler=scheduler)


def _recorded(root: Path, assignment: str) -> set[str]:
    """The students whose submission of `assignment` the gradebook holds; the assignment must be released."""
    with course_dir(root).gradebook() as gradebook:
        return {s.student_id for s in _released(gradebook, assignment).submissions}


def _released(gradebook: Gradebook, assignment: str) -> Assignment:
    try:
        return gradebook.find_assignment(assignment)
    except MissingEntry:
        raise RuntimeError(f"{assignment} is not in the gradebook yet: run `autograder release {assignment}` "
                           "first") from None

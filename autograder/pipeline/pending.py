"""Which submissions a run of `autograder grade` still has to grade (without --force).

A submission is done when the gradebook holds its scores, its results.json says it was graded,
and it was not handed in again since: timestamp.txt no newer than the graded copy's, nbgrader
autograde's rule. So a run stopped halfway (the scheduler went away, the machine rebooted) is
finished by running it again, and a submission that failed to grade is tried again.
"""
from __future__ import annotations

import json

from nbgrader.utils import parse_utc

from autograder.course_dir import CourseDir
from autograder.pipeline.submission import says_failed
from autograder.pipeline.submitted_files import BadSubmission, SubmittedFolder


def ungraded(folders: CourseDir, assignment: str, students: list[str], recorded: set[str]) -> list[str]:
    return [s for s in students if s not in recorded or not _done(folders, assignment, s)]


def _done(folders: CourseDir, assignment: str, student: str) -> bool:
    graded = folders.autograded(student, assignment)
    try:
        document = json.loads((graded / "results.json").read_text())
        old = (graded / "timestamp.txt").read_text().strip() if (graded / "timestamp.txt").is_file() else None
    except (OSError, ValueError):
        return False
    if not isinstance(document, dict) or says_failed(str(document.get("output", ""))):
        return False
    try:
        with SubmittedFolder(folders, student, assignment) as folder:
            new = folder.timestamp()
    except BadSubmission:
        return False  # grading says what is wrong with it
    try:
        return new is None or old is not None and parse_utc(new) <= parse_utc(old)
    except Exception:  # dateutil raises several kinds on what it cannot read
        return False

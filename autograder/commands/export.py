"""`autograder export`: grades as CSV, with the columns and rows of nbgrader's CSV export plugin.

nbgrader's plugin joins values with commas unquoted, so a student id holding a comma or a quote
shifts the columns, and one starting with `=` is a formula in a spreadsheet. This writes the same
rows with the csv module, every text cell through csv_safe.
"""
from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import CsvExportPlugin

from autograder.config import load_config
from autograder.kitcheck.safe_text import csv_safe

COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
           "raw_score", "late_submission_penalty", "score", "max_score"]


class SafeCsvExportPlugin(CsvExportPlugin):
    """nbgrader's CSV export, quoted, with formula prefixes neutralised (numbers stay numbers)."""

    def export(self, gradebook: Gradebook) -> None:
        with open(self.to or "grades.csv", "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for assignment in gradebook.assignments:
                if self.assignment and assignment.name not in map(str, self.assignment):
                    continue
                for student in gradebook.students:
                    if self.student and student.id not in map(str, self.student):
                        continue
                    row = _row(gradebook, assignment, student)
                    writer.writerow(["" if row[k] is None else csv_safe(row[k]) for k in COLUMNS])


def _row(gradebook: Gradebook, assignment, student) -> dict:
    row = {"assignment": assignment.name, "duedate": assignment.duedate, "student_id": student.id,
           "last_name": student.last_name, "first_name": student.first_name, "email": student.email,
           "max_score": assignment.max_score}
    try:
        submission = gradebook.find_submission(assignment.name, student.id)
    except MissingEntry:  # as nbgrader: no submission scores 0
        return {**row, "timestamp": None, "raw_score": 0.0, "late_submission_penalty": 0.0, "score": 0.0}
    penalty = submission.late_submission_penalty
    return {**row, "timestamp": submission.timestamp, "raw_score": submission.score,
            "late_submission_penalty": penalty, "score": max(0.0, submission.score - penalty)}


def export(root: Path, destination: Path) -> Path:
    config = load_config(root)
    plugin = SafeCsvExportPlugin(config=config)
    plugin.to = str(destination)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=config.CourseDirectory.course_id) as gradebook:
        plugin.export(gradebook)
    return destination

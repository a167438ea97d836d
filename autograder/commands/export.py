"""`autograder export`: grades as CSV, with the columns and rows of nbgrader's CSV export plugin, or
(`--by-function`) one column per graded function and question, to upload to a course's grade book.

nbgrader's plugin joins values with commas unquoted, so a student id holding a comma or a quote
shifts the columns, and one starting with `=` is a formula in a spreadsheet. This writes the same
rows with the csv module, every text cell through csv_safe.
"""
from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import CsvExportPlugin

from autograder.config import assignment_names, load_config, units
from autograder.course_dir import course_dir
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


def export(root: Path, destination: Path, by_function: bool = False, assignments: list[str] | None = None) -> Path:
    config = load_config(root)
    with course_dir(root).gradebook() as gradebook:
        if by_function:
            _export_by_function(root, gradebook, destination, assignments or assignment_names(root))
        else:
            plugin = SafeCsvExportPlugin(config=config)
            plugin.to, plugin.assignment = str(destination), assignments or []
            plugin.export(gradebook)
    return destination


def _export_by_function(root: Path, gradebook: Gradebook, destination: Path, assignments: list[str]) -> None:
    """One row per student and assignment, sorted by student; a submission that was never made is
    `missing`, with empty scores (not 0). Function columns are `<function>` for one assignment and
    `<assignment>.<function>` for several (a column of another assignment's function stays empty)."""
    unit_columns = {a: {u.name: u.name if len(assignments) == 1 else f"{a}.{u.name}" for u in units(root, a)}
                    for a in assignments}
    columns = ["student_id", "assignment", "status", "score", "max_score",
               *(column for names in unit_columns.values() for column in names.values())]
    with open(destination, "w", newline="") as handle:
        writer = csv.DictWriter(handle, columns, restval="")
        writer.writeheader()
        for student in sorted(gradebook.students, key=lambda s: s.id):
            for assignment in assignments:
                row = _function_row(gradebook, assignment, student.id, unit_columns[assignment])
                writer.writerow({k: csv_safe(v) for k, v in row.items()})


def _function_row(gradebook: Gradebook, assignment: str, student: str, columns: dict[str, str]) -> dict:
    row = {"student_id": student, "assignment": assignment,
           "max_score": gradebook.find_assignment(assignment).max_score}
    try:
        submission = gradebook.find_submission(assignment, student)
    except MissingEntry:
        return {**row, "status": "missing"}
    points: dict[str, float] = {}
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            unit = grade.name.removeprefix("test_").removeprefix("vectorized_")
            points[unit] = points.get(unit, 0.0) + (grade.score or 0.0)
    return {**row, "status": "graded", "score": submission.score,
            **{column: points.get(unit, 0.0) for unit, column in columns.items()}}

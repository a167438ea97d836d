"""`autograder demo`: release the assignments, submit the bundled sample work, grade it, show it."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from autograder.authoring.submissions import write_submission
from autograder.commands.export import export
from autograder.commands.grade import grade
from autograder.commands.release import release
from autograder.commands.table import grade_table
from autograder.config import assignment_names
from autograder.course_dir import course_dir

SAMPLES = "demo/submissions"


def submit_samples(root: Path, assignment: str) -> list[str]:
    """Copy each sample student's work into submitted/<student>/<assignment>/, nbgrader's layout."""
    students, folders = [], course_dir(root)
    for student_file in sorted((root / SAMPLES).glob(f"*/{assignment}.py")):
        student = student_file.parent.name
        target = folders.submitted(student, assignment)
        shutil.rmtree(target, ignore_errors=True)
        write_submission(folders.release(assignment) / f"{assignment}.ipynb", student_file, target)
        students.append(student)
    return students


def demo(root: Path, echo=print) -> None:
    started = time.perf_counter()
    for assignment in assignment_names(root):
        echo(f"releasing {assignment} ...")
        release(root, assignment)
        students = submit_samples(root, assignment)
        echo(f"grading {len(students)} submissions of {assignment} ...")
        echo(grade_table(assignment, grade(root, assignment, students)) + "\n")
    csv = export(root, root / "grades.csv")
    echo(f"student releases:  {root / 'release'}/<assignment>/")
    echo(f"results.json:      {root / 'autograded'}/<student>/<assignment>/results.json")
    echo(f"feedback (HTML):   {root / 'feedback'}/<student>/<assignment>/<assignment>.html")
    echo(f"grades (CSV):      {csv}")
    echo(f"demo finished in {time.perf_counter() - started:.0f} s")

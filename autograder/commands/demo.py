"""`autograder demo`: release the assignments, submit the bundled sample work, grade it, show it."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from autograder.authoring.submissions import write_submission
from autograder.commands.export import export
from autograder.commands.grade import grade
from autograder.commands.release import release
from autograder.commands.table import grade_table, pad, width_of
from autograder.config import assignment_names
from autograder.course_dir import course_dir
from autograder.kitcheck.i18n import N_, _, ngettext

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
        echo(_("releasing {assignment} ...").format(assignment=assignment))
        release(root, assignment)
        students = submit_samples(root, assignment)
        echo(ngettext("grading {count} submission of {assignment} ...",
                      "grading {count} submissions of {assignment} ...", len(students)).format(
            count=len(students), assignment=assignment))
        echo(grade_table(assignment, grade(root, assignment, students)) + "\n")
    csv = export(root, root / "grades.csv")
    where = [(N_("student releases:"), f"{root / 'release'}/<assignment>/"),
             (N_("results.json:"), f"{root / 'autograded'}/<student>/<assignment>/results.json"),
             (N_("feedback (HTML):"), f"{root / 'feedback'}/<student>/<assignment>/<assignment>.html"),
             (N_("grades (CSV):"), str(csv))]
    column = max(width_of(_(label)) for label, _path in where) + 2
    for label, path in where:
        echo(pad(_(label), column) + path)
    echo(_("demo finished in {seconds} s").format(seconds=f"{time.perf_counter() - started:.0f}"))

"""Each student's feedback page, written where nbgrader keeps feedback (feedback/<student>/<assignment>/),
with what nbgrader's release_feedback reads beside it, so release_feedback and fetch_feedback work.

The page is built from the grade's results.json and the graded notebook (feedback_page), not by
exporting the whole notebook: it costs milliseconds, and shows no test code at all. (Plain `nbgrader
generate_feedback` still exports the notebook with nbgrader's template and the kit's sanitising step.)
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from autograder.course_dir import CourseDir
from autograder.notebook.files import read_graded
from autograder.pipeline.feedback_page import render

RELEASE_NEEDS = ("timestamp.txt", "submission_secret.txt")


class FeedbackWriter:
    def __init__(self, folders: CourseDir, assignment: str):
        self.folders, self.assignment = folders, assignment

    def write(self, student: str) -> Path:
        graded = self.folders.autograded(student, self.assignment)
        document = json.loads((graded / "results.json").read_text())
        nb = read_graded(graded / f"{self.assignment}.ipynb")
        target = self.folders.feedback(student, self.assignment) / f"{self.assignment}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(self.assignment, student, document, nb), encoding="utf-8")
        for name in RELEASE_NEEDS:
            if (graded / name).is_file():
                shutil.copyfile(graded / name, target.parent / name)
        return target

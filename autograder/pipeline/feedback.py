"""Each student's feedback page, written where nbgrader keeps feedback (feedback/<student>/<assignment>/),
with what nbgrader's release_feedback reads beside it, so release_feedback and fetch_feedback work.

The page is built from the grade's results.json and the graded notebook (feedback_page), not by
exporting the whole notebook: it costs milliseconds, and shows no test code at all. (Plain `nbgrader
generate_feedback` still exports the notebook with nbgrader's template and the kit's sanitising step.)
A local batch makes each page in the grader process, from what it has just written, and writes it
once the gradebook holds the scores (Pages); a cluster's client makes them from the files (write).
"""
from __future__ import annotations

import json
import shutil
import sys

from nbformat import NotebookNode

from autograder.course_dir import CourseDir
from autograder.kitcheck.i18n import N_, fill
from autograder.notebook.files import read_graded
from autograder.pipeline.feedback_page import render

RELEASE_NEEDS = ("timestamp.txt", "submission_secret.txt")
NOT_WRITTEN = N_("the page could not be written ({error}); the scores above are recorded")


class FeedbackWriter:
    def __init__(self, folders: CourseDir, assignment: str):
        self.folders, self.assignment = folders, assignment

    def page(self, student: str, document: dict, nb: NotebookNode) -> tuple[str, str]:
        """(the page of this results.json and graded notebook, "") or ("", what went wrong)."""
        try:
            return render(self.assignment, student, document, nb), ""
        except Exception as error:  # a notebook the page cannot show costs its page only
            return "", _failed(student, error)

    def publish(self, student: str, page: str) -> str:
        """Write a page made by `page`; what went wrong, in a sentence, or ""."""
        graded = self.folders.autograded(student, self.assignment)
        target = self.folders.feedback(student, self.assignment) / f"{self.assignment}.html"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
            for name in RELEASE_NEEDS:
                if (graded / name).is_file():
                    shutil.copyfile(graded / name, target.parent / name)
        except OSError as error:
            return _failed(student, error)
        return ""

    def write(self, student: str) -> str:
        """Make and write the page of a submission graded and recorded before; what went wrong, or ""."""
        graded = self.folders.autograded(student, self.assignment)
        try:
            document = json.loads((graded / "results.json").read_text())
            nb = read_graded(graded / f"{self.assignment}.ipynb")
        except Exception as error:  # what it cannot read costs its page only
            return _failed(student, error)
        page, error = self.page(student, document, nb)
        return error or self.publish(student, page)


class Pages:
    """The pages a batch's graders made, each written once the gradebook holds its scores (a
    submission whose scores cannot be recorded gets none); `reasons` says why one was not."""

    def __init__(self, writer: FeedbackWriter):
        self.writer, self.reasons = writer, {}

    def publish(self, graded) -> None:
        self.reasons[graded.student] = graded.page_error or self.writer.publish(graded.student, graded.page)


def _failed(student: str, error: Exception) -> str:
    print(f"{student}: no feedback HTML ({type(error).__name__}: {error})", file=sys.stderr)
    return fill(NOT_WRITTEN, error=type(error).__name__)

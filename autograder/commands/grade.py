"""`autograder grade ASSIGNMENT`: autograde every submission with nbgrader, write feedback and results.json."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from autograder.commands.course import nbgrader_api
from autograder.commands.results import TestResult, unit_results, write_results_json
from autograder.config import load_config, units


@dataclass
class Graded:
    student: str
    results: list[TestResult]
    error: str = ""
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return sum(r.score for r in self.results)


def submitted_students(root: Path, assignment: str) -> list[str]:
    folder = root / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{assignment}") if p.is_dir())


def grade(root: Path, assignment: str, students: list[str] | None = None) -> list[Graded]:
    api = nbgrader_api(root)
    graded = []
    for student in students or submitted_students(root, assignment):
        started = time.perf_counter()
        outcome = api.autograde(assignment, student, force=True, create=True)
        error = "" if outcome["success"] else _first_error(outcome)
        if not error:
            api.generate_feedback(assignment, student, force=True)
        results = _results(root, assignment, student)
        graded.append(Graded(student, results, error, time.perf_counter() - started))
        path = root / "autograded" / student / assignment / "results.json"
        write_results_json(path, results, output=f"grading failed: {error}" if error else "")
    return graded


def _results(root: Path, assignment: str, student: str) -> list[TestResult]:
    """Scores from the gradebook (manual grades included), messages from the autograded notebook."""
    course_units = units(root, assignment)
    notebook = root / "autograded" / student / assignment / f"{assignment}.ipynb"
    if not notebook.is_file():
        return unit_results(nbformat.v4.new_notebook(), course_units, lambda cell: (0.0, 0.0))
    nb = nbformat.read(notebook, as_version=4)
    course_id = load_config(root).CourseDirectory.course_id
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=course_id) as gradebook:
        try:
            scores = {g.name: (g.score, g.max_score)
                      for g in gradebook.find_submission_notebook(assignment, assignment, student).grades}
        except MissingEntry:
            scores = {}
    return unit_results(nb, course_units, lambda cell: scores.get(cell.metadata.nbgrader.grade_id, (0.0, 0.0)))


def _first_error(outcome: dict) -> str:
    text = (outcome.get("error") or outcome.get("log") or "unknown error").strip().splitlines()
    return text[-1] if text else "unknown error"

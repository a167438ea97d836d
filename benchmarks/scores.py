"""Every grade cell's score of every student, compared between two gradebooks."""
from __future__ import annotations

import json
from pathlib import Path


def gradebook_scores(copy: Path, assignment: str, students: list[str]) -> dict[str, dict[str, float] | None]:
    """student -> {grade cell -> score}, or None where the gradebook has no such submission."""
    from nbgrader.api import Gradebook, MissingEntry

    from autograder.config import load_config

    course_id = load_config(copy).CourseDirectory.course_id
    scores = {}
    with Gradebook(f"sqlite:///{copy / 'gradebook.db'}", course_id=course_id) as gradebook:
        for student in students:
            try:
                notebook = gradebook.find_submission_notebook(assignment, assignment, student)
                scores[student] = {grade.name: grade.score for grade in notebook.grades}
            except MissingEntry:
                scores[student] = None
    return scores


def withheld(root: Path) -> set[tuple[str, str, str]]:
    """(assignment, student, cell) of the vectorization points the kit withholds by design: from a
    function that fails every case it is tested on (NOT_WORKING), which a Jupyter kernel cannot tell
    (it stops at the first failing case), so stock nbgrader gives them."""
    found = set()
    for path in (root / "autograded").glob("*/*/results.json"):
        for test in json.loads(path.read_text())["tests"]:
            if "NOT_WORKING" in test["extra_data"]["codes"]:
                found.add((path.parent.name, path.parent.parent.name, f"vectorized_{test['extra_data']['function']}"))
    return found


def compare_scores(stock: dict, kit: dict, assignment: str, by_design: set = frozenset()) -> tuple[int, list[tuple]]:
    """(number of cell scores compared, [(student, assignment, cell, stock score, kit score)]);
    the cells in `by_design` (see withheld) are not compared."""
    compared, mismatches = 0, []
    for student in stock:
        a, b = stock[student], kit[student]
        if a is None or b is None:
            mismatches.append((student, assignment, "(whole submission)",
                               "missing" if a is None else "graded", "missing" if b is None else "graded"))
            continue
        for cell in sorted((set(a) | set(b)) - {c for (_, s, c) in by_design if s == student}):
            compared += 1
            if a.get(cell) != b.get(cell):
                mismatches.append((student, assignment, cell, a.get(cell), b.get(cell)))
    return compared, mismatches


def compare_copies(stock: Path, kit: Path, assignment: str, students: list[str]) -> tuple[int, list[tuple]]:
    """compare_scores of two course copies' gradebooks, less what the kit withholds by design."""
    by_design = {key for key in withheld(kit) if key[0] == assignment}
    return compare_scores(gradebook_scores(stock, assignment, students),
                          gradebook_scores(kit, assignment, students), assignment, by_design)

"""How many mistakes of a corpus the catalogue was not written from does `autograder grade` name?

`benchmarks/unseen_mistakes/` holds 75 wrong answers written for this measurement by someone who did
not read the mistake catalogue, one file per student and function:

    # assignment: logistic_regression
    # function: propagate
    # mistake: forgot to divide dw by m
    # named by: M_MISSING_1_OVER_M        (set before grading: the codes whose sentence says this mistake)
    def propagate(w, b, X, Y): ...

Each answer goes into the release notebook with the reference everywhere else; all of an assignment's
answers are graded in one batch with `autograder grade` (default options: feedback too) in a fresh
course copy. The script prints, per file, whether it lost points and what results.json names, and the
share named by one of its `named by` codes (an empty line there: no catalogue entry says it).

    make mistakes        # or: python -m benchmarks.mistake_corpus
"""
from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.authoring.course_copy import copy_course
from autograder.authoring.submissions import fill_notebook, split_by_unit
from autograder.commands.grade import grade
from autograder.config import assignment_names, units

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "unseen_mistakes"


@dataclass
class Answer:
    path: Path
    assignment: str
    function: str
    mistake: str
    named_by: set[str]

    @property
    def student(self) -> str:
        return self.path.stem.replace("_", "-").lower()


def read(path: Path) -> Answer:
    header = dict(line[2:].split(": ", 1) if ": " in line else (line[2:].rstrip(":"), "")
                  for line in path.read_text().splitlines()[:4])
    return Answer(path, header["assignment"], header["function"], header["mistake"],
                  set(header["named by"].split()))


def reference_source(assignment: str) -> dict[str, str]:
    names = {u.name for u in units(REPO, assignment)}
    return split_by_unit((REPO / "solutions" / f"{assignment}.py").read_text(), names)


def submit(root: Path, answer: Answer) -> None:
    chunks = reference_source(answer.assignment)
    chunks[answer.function] = answer.path.read_text()
    release = nbformat.read(root / "release" / answer.assignment / f"{answer.assignment}.ipynb", as_version=4)
    nb = fill_notebook(release, "\n\n".join(chunks.values()))
    folder = root / "submitted" / answer.student / answer.assignment
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{answer.assignment}.ipynb")


def verdict(root: Path, answer: Answer) -> tuple[bool, list[str], bool]:
    """(lost points, the function's codes, named by an expected code)."""
    document = json.loads((root / "autograded" / answer.student / answer.assignment / "results.json").read_text())
    mine = [t for t in document["tests"] if t["extra_data"]["function"] == answer.function]
    lost = sum(t["score"] for t in mine) < sum(t["max_score"] for t in mine)
    codes = list(dict.fromkeys(c for t in mine for c in t["extra_data"]["codes"]))
    return lost, codes, bool(answer.named_by & set(codes))


def main() -> int:
    answers = [read(path) for path in sorted(CORPUS.glob("*.py"))]
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_course(REPO, Path(tmp) / "course")
        for answer in answers:
            submit(root, answer)
        for assignment in assignment_names(root):
            grade(root, assignment, [a.student for a in answers if a.assignment == assignment], jobs=2)
        rows = [(answer, *verdict(root, answer)) for answer in answers]
    for answer, lost, codes, named in rows:
        mark = "named " if named else ("LOST  " if lost else "KEPT! ")
        print(f"{mark} {answer.path.stem:36} {' '.join(codes)[:60]:60} | {answer.mistake[:70]}")
    named = sum(row[3] for row in rows)
    print(f"\n{named} of {len(rows)} mistakes named by a code that says them ({100 * named / len(rows):.0f}%); "
          f"{sum(row[1] for row in rows)} of {len(rows)} lost points.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The benchmark's course copies, their submissions, and a finished notebook for the self-check."""
from __future__ import annotations

import itertools
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "demo" / "submissions"


def make_course(root: Path, assignments: list[str]) -> Path:
    """A course root holding the repo's configuration and assignments, each assignment released."""
    from autograder.authoring.course_copy import copy_course

    return copy_course(REPO, root, assignments)


def submission_pool(assignment: str, sources: Path) -> list[tuple[str, Path]]:
    """(label, student file): the demo students and the generated variants of tests/students.py,
    alternating, so that even a small run is mixed."""
    from tests.students import STUDENTS, source_of

    demo = [(path.parent.name, path) for path in sorted(DEMO.glob(f"*/{assignment}.py"))]
    generated = []
    for label in STUDENTS.get(assignment, {}):
        path = sources / assignment / f"{label}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source_of(assignment, label))
        generated.append((label, path))
    pairs = itertools.zip_longest(demo, generated)
    return [entry for pair in pairs for entry in pair if entry is not None]


def submit(copies: list[Path], assignment: str, count: int, sources: Path) -> list[str]:
    """Write `count` submissions, cycling through the pool, into submitted/ of every copy (each
    distinct notebook is built once, then copied)."""
    from autograder.authoring.submissions import write_submission

    release_nb = copies[0] / "release" / assignment / f"{assignment}.ipynb"
    pool = submission_pool(assignment, sources)
    built: dict[str, Path] = {}
    students = []
    for i in range(count):
        label, student_file = pool[i % len(pool)]
        student = f"s{i + 1:03d}_{label}"
        if label not in built:
            built[label] = write_submission(release_nb, student_file, sources / "notebooks" / assignment / label)
        for copy in copies:
            folder = copy / "submitted" / student / assignment
            folder.mkdir(parents=True)
            shutil.copy(built[label], folder)
        students.append(student)
    return students


def finished_notebook(folder: Path, release_folder: Path) -> Path:
    """The vectorization release (kitcheck/ included) with the reference solution pasted in."""
    from autograder.authoring.submissions import write_submission
    from tests.students import reference_source

    shutil.copytree(release_folder, folder)
    source = folder.parent / "reference_vectorization.py"
    source.write_text(reference_source("vectorization"))
    return write_submission(release_folder / "vectorization.ipynb", source, folder)

"""A working copy of a course (its configuration and assignments), released: for the tests and
the benchmark, which must never touch the checkout's own generated trees."""
from __future__ import annotations

import shutil
from pathlib import Path

COURSE_FILES = ("course_config.py", "nbgrader_config.py", "assignments", "editions")


def copy_course(source: Path, target: Path, assignments: list[str] | None = None) -> Path:
    """Copy the course at `source` into `target` and release `assignments` (default: all of them)."""
    from autograder.commands.release import release
    from autograder.config import assignment_names

    target.mkdir(parents=True, exist_ok=True)
    for name in COURSE_FILES:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source / name, target / name)
    for assignment in assignments if assignments is not None else assignment_names(target):
        release(target, assignment)
    return target

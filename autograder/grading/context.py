"""What the grader knows about the submission being graded, for the checks running in its process.

In a Jupyter kernel (nbgrader's stock execution) the checks find the student from the folder
nbgrader runs in; the kit's executor sets it here instead, with the course root.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from autograder.config import course_root
from autograder.grading.seeds import student_from_path


@dataclass
class GradingContext:
    root: Path | None = None
    student: str | None = None
    submission: str = ""  # seeds.submission_key of the notebook being graded
    dynamic: dict = field(default_factory=dict)  # function -> dynamic loop findings, for LoopRule


current = GradingContext()


def root() -> Path:
    return current.root or course_root()


def student() -> str:
    return current.student or student_from_path(Path.cwd())

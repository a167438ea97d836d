"""Reproducible randomness for hidden cases: one stream per (course seed, student, assignment, unit,
submission)."""
import hashlib
from pathlib import Path

import numpy as np


def case_rng(seed: int, student: str, assignment: str, unit: str, submission: str = "") -> np.random.Generator:
    """`submission` (submission_key) makes every submission of a student meet new hidden inputs, so
    that failing cases collected from feedback are no table for the next one."""
    key = f"{seed}/{student}/{assignment}/{unit}" + (f"/{submission}" if submission else "")
    digest = hashlib.sha256(key.encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


def submission_key(sources: list[str]) -> str:
    """What a submission's hidden inputs are drawn from, besides the course seed and the student: the
    code the student wrote. A regrade of the same notebook draws the same inputs; any change, new ones."""
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()[:16]


def student_from_path(folder: Path) -> str:
    """nbgrader runs a submission in autograded/<student>/<assignment>/; elsewhere it is a self-check."""
    folder = folder.resolve()
    if folder.parent.parent.name == "autograded":
        return folder.parent.name
    return "self-check"

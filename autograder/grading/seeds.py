"""Reproducible randomness for hidden cases: one stream per (course seed, student, assignment, unit)."""
import hashlib
from pathlib import Path

import numpy as np


def case_rng(seed: int, student: str, assignment: str, unit: str) -> np.random.Generator:
    digest = hashlib.sha256(f"{seed}/{student}/{assignment}/{unit}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


def student_from_path(folder: Path) -> str:
    """nbgrader runs a submission in autograded/<student>/<assignment>/; elsewhere it is a self-check."""
    folder = folder.resolve()
    if folder.parent.parent.name == "autograded":
        return folder.parent.name
    return "self-check"

"""One hidden test case: the arguments a graded function is called with, and what they exercise."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    label: str  # says what the case is, shown to students when it fails, e.g. "square 4x4 matrix, int dtype"
    args: tuple
    kwargs: dict = field(default_factory=dict)

"""One hidden test case: the arguments a graded function is called with, and what they exercise."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    # What the case is, shown to students when it fails, in the course's language: the case modules
    # write _("square {n}x{n} matrix, int dtype").format(n=n).
    label: str
    args: tuple
    kwargs: dict = field(default_factory=dict)

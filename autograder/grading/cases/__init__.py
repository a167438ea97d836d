"""Hidden test cases of every assignment: one generator per graded function, drawing fresh inputs from an rng.

Each assignment module maps a graded function's name to `generator(rng) -> list[Case]` in `CASES`.
Arguments are plain numpy arrays, Python numbers and tuples, so that they cross into the sandbox safely,
and where the reference raises (an incompatible broadcast), the student's function must raise the same.
"""
from __future__ import annotations

from types import ModuleType

from autograder.grading.cases import broadcasting, logistic_regression, vectorization

MODULES: dict[str, ModuleType] = {
    "vectorization": vectorization,
    "broadcasting": broadcasting,
    "logistic_regression": logistic_regression,
}


def generators(assignment: str) -> dict:
    """The case generators of `assignment`: {function name: generator(rng) -> list[Case]}."""
    return MODULES[assignment].CASES

"""The mistake catalogue: known mistakes of the course's graded functions, diagnosed on failing cases.

Grader-side only (never released to students: a mistake's wrong variant is nearly the solution).

    problems = diagnose("logistic_regression", "propagate", case.args, case.kwargs, got, expected)
    # [Problem("M_MISSING_1_OVER_M", "dw is exactly m = 7 times the expected value: divide by m")]

`MISTAKES` maps each code to its entry (title, fix-it template, functions it is detected in). The
detectors live in one module per assignment, in tables of (code, detector) per function, the most
specific first; `common` holds what several functions share.
"""
from __future__ import annotations

import copy
import warnings

import numpy as np

from autograder.kitcheck.compare import Problem, compare

from . import broadcasting, logistic_regression, vectorization
from .catalog import Mistake, catalogue
from .common import Failure

TABLES = {
    "vectorization": vectorization.DETECTORS,
    "broadcasting": broadcasting.DETECTORS,
    "logistic_regression": logistic_regression.DETECTORS,
}

MISTAKES: dict[str, Mistake] = catalogue(TABLES)

__all__ = ["MISTAKES", "Mistake", "diagnose", "detect"]


def diagnose(assignment: str, name: str, args: tuple, kwargs: dict, got, expected,
             error: tuple[str, str] | None = None) -> list[Problem]:
    """Known mistakes that explain this failing case, most specific first (usually 0 or 1).

    got: the student's result (None when it raised); expected: the reference's result (None when the
    reference raised, as the case demands); error: (exception type name, message) when the student's
    function raised. A right result is never diagnosed; an unknown wrong one gets [] (the generic
    comparison says what differs). Never raises.
    """
    try:
        if error is None and expected is not None and not compare(got, expected):
            return []
        failure = Failure(assignment, name, copy.deepcopy(tuple(args)), copy.deepcopy(dict(kwargs or {})),
                          got, expected, error)
        return detect(failure)
    except Exception:  # a diagnosis is a bonus: it must never cost the student their real feedback
        return []


def detect(failure: Failure) -> list[Problem]:
    """Every mistake of the function whose detector recognises the failure (no check that it failed)."""
    problems = []
    with np.errstate(all="ignore"), warnings.catch_warnings():
        # Wrong variants overflow and take logs of 0 by design; nbgrader zeroes a cell writing to stderr.
        warnings.simplefilter("ignore")
        for code, detector in TABLES.get(failure.assignment, {}).get(failure.name, []):
            if any(p.code == code for p in problems) or (problems and getattr(detector, "expensive", False)):
                continue
            try:
                fills = detector(failure)
            except Exception:  # a detector that cannot read this failure is not its mistake
                fills = None
            if fills is not None:
                problems.append(MISTAKES[code].problem(**fills))
    return problems

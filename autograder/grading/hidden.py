"""Hidden tests: the student's function against the reference on fresh random cases.

Called from the hidden region of each test cell. Failures raise kitcheck.CheckFailed with the
failing case's inputs, what was expected and what came back; never the test code itself.
"""
from __future__ import annotations

import importlib
import inspect

from autograder.config import course, unit, units
from autograder.grading import context
from autograder.grading.case import Case
from autograder.grading.cases import generators
from autograder.grading.dynamic import dynamic_findings, growing_case, timing_finding
from autograder.grading.seeds import case_rng
from autograder.kitcheck import CheckFailed, failure_message
from autograder.kitcheck.calls import Outcome, call
from autograder.kitcheck.codes import tag
from autograder.kitcheck.compare import Problem, Tolerance, compare, shorten
from autograder.mistakes import diagnose


def check(assignment: str, name: str, func, student: str | None = None) -> None:
    root = context.root()
    settings = unit(root, assignment, name)
    student = student or context.student()
    reference = getattr(importlib.import_module(f"solutions.{assignment}"), name)
    generator = generators(assignment)[name]
    cases = generator(case_rng(course(root).seed, student, assignment, name))
    tol = Tolerance(settings.rtol, settings.atol)
    failures, codes = [], []
    for case in cases:
        expected = call(reference, case.args, case.kwargs, name)
        outcome = call(func, case.args, case.kwargs, name)
        problems = _problems(name, outcome, expected, tol)
        if problems:
            # Known mistakes first: "dw is exactly m = 7 times ..." says more than the values that differ.
            problems = diagnose(assignment, name, case.args, case.kwargs, outcome.result, expected.result,
                                _error(outcome)) + problems
            codes += [problem.code for problem in problems]
            failures.append(failure_message(name, case.label, case.args, problems))
    _measure_loops(root, assignment, name, func, [_briefly(reference, c) for c in cases], settings.loops)
    _time_against(root, name, func, reference, cases, settings.loops)
    if failures:
        # Every code of every failing case, mistakes first: only the first case is shown in full.
        marks = " ".join(tag(code) for code in sorted(dict.fromkeys(codes), key=lambda c: not c.startswith("M_")))
        shown = next((f for f in failures if "[M_" in f), failures[0])  # a diagnosed case says most
        raise CheckFailed(f"{name} failed {len(failures)} of {len(cases)} hidden cases {marks}; "
                          f"{'a diagnosed one' if shown is not failures[0] else 'the first'}:\n{shown}")
    print(f"ok  {name}: {len(cases)} hidden cases passed")


def _briefly(reference, case: Case) -> Case:
    """The case with a few training iterations: the loop rule looks for work that grows with the
    examples and features, and each iteration repeats the same work (so a loop there is no
    harder to see in 3 iterations than in 300, and tracing 300 is slow)."""
    if "num_iterations" not in inspect.signature(reference).parameters:
        return case
    return Case(case.label, case.args, {**case.kwargs, "num_iterations": 3})


def _measure_loops(root, assignment: str, name: str, func, cases: list, policy: str) -> None:
    """The dynamic loop rule on this function, kept for the LoopRule step (the kit's executor
    hands it over; in a Jupyter kernel it stays here: there the student's process could forge it)."""
    others = frozenset(u.name for u in units(root, assignment) if u.kind == "function" and u.name != name)
    context.current.dynamic[name] = dynamic_findings(assignment, name, func, cases, policy, skip=others)


def _time_against(root, name: str, func, reference, cases: list, policy: str) -> None:
    """The optional timing opinion (course_config.py: c.Course.timing)."""
    settings = course(root)
    case = growing_case(cases)
    if settings.timing == "off" or policy not in ("forbidden", "iterations") or case is None:
        return
    finding = timing_finding(name, func, reference, case, slow_ratio=settings.slow_ratio)
    if finding is not None:
        print(f"note: [SLOW] {finding.message}")
        if settings.timing == "penalize":
            context.current.dynamic.setdefault(name, []).append(finding)


def _error(outcome: Outcome) -> tuple[str, str] | None:
    """(type name, message) of the student's exception, as diagnose reads it."""
    if outcome.error is None:
        return None
    message = next((p.message for p in outcome.problems if p.code == "EXCEPTION"), "")
    return outcome.error.__name__, message


def _problems(name: str, outcome: Outcome, expected: Outcome, tol: Tolerance) -> list[Problem]:
    """What is wrong with the student's outcome, where the reference's may be an expected exception."""
    if expected.error is None:
        return outcome.problems or compare(outcome.result, expected.result, tol)
    if outcome.error is expected.error:
        return []
    if outcome.error is None:
        return outcome.problems + [Problem(
            "VALUE", f"{name} returned {shorten(outcome.result)} where it must raise {expected.error.__name__}")]
    return outcome.problems + [Problem("EXCEPTION", f"{name} must raise {expected.error.__name__} here")]


def check_choice(assignment: str, name: str, answer) -> None:
    right = importlib.import_module(f"solutions.{assignment}").ANSWERS[name]
    given = answer.strip().lower() if isinstance(answer, str) else answer
    if given != right:
        raise CheckFailed(f"{name}: [WRONG_CHOICE] {answer!r} is not the right answer")
    print(f"ok  {name}: right answer")

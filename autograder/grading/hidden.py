"""Hidden tests: the student's function against the reference on fresh random cases.

Called from the hidden region of each test cell. Every failing case is diagnosed with the mistake
catalogue; the failures go to the kit's collector (or, in a Jupyter kernel, raise CheckFailed) with
the case's inputs, what was expected and what came back; never the test code itself.
"""
from __future__ import annotations

import importlib
import inspect
from functools import partial

from autograder.config import course, unit, units
from autograder.grading import context
from autograder.grading.case import Case
from autograder.grading.cases import generators
from autograder.grading.dynamic import dynamic_findings, growing_case, timing_finding
from autograder.grading.seeds import case_rng
from autograder import mistakes
from autograder.kitcheck import case_failure, report
from autograder.kitcheck.calls import Outcome, call, must_raise
from autograder.kitcheck.collect import CaseFailure, active
from autograder.kitcheck.compare import Problem, Tolerance, compare
from autograder.kitcheck.i18n import _, ngettext
from autograder.sandbox.session import in_one_request


def check(assignment: str, name: str, func, student: str | None = None) -> None:
    root = context.root()
    settings = unit(root, assignment, name)
    student = student or context.student()
    reference = getattr(importlib.import_module(f"solutions.{assignment}"), name)
    generator = generators(assignment)[name]
    cases = generator(case_rng(course(root).seed, student, assignment, name, context.current.submission))
    tol = Tolerance(settings.rtol, settings.atol)
    diagnose = partial(mistakes.diagnose, assignment)
    failures = []
    student = in_one_request(func, [(case.args, case.kwargs, False) for case in cases])
    for case in cases:
        expected = call(reference, case.args, case.kwargs, name)
        outcome = call(student, case.args, case.kwargs, name)
        problems = _problems(name, outcome, expected, tol)
        if problems:
            failures.append(case_failure(name, case.label, case.args, case.kwargs, outcome, expected.result,
                                         problems, hidden=True, diagnose=diagnose))
    _measure_loops(root, assignment, name, func, [_briefly(reference, c) for c in cases], settings.loops)
    _time_against(root, name, func, reference, cases, settings.loops)
    if not failures:
        print(ngettext("ok  {name}: {n} hidden case passed", "ok  {name}: {n} hidden cases passed",
                       len(cases)).format(name=name, n=len(cases)))
    report(failures, len(cases), _summary(name, failures, len(cases)))


def _summary(name: str, failures: list, run: int) -> str:
    """In a Jupyter kernel (stock execution) the failure is one message: every code, then the
    case that says most (a diagnosed one) in full."""
    if not failures:
        return ""
    codes = [p.code for f in failures for p in f.problems]
    marks = " ".join(f"[{code}]" for code in sorted(dict.fromkeys(codes), key=lambda c: not c.startswith("M_")))
    shown = next((f for f in failures if any(p.code.startswith("M_") for p in f.problems)), failures[0])
    # TRANSLATORS: {marks} are the codes found, e.g. "[M_RANK1] [SHAPE]"; the failed case follows.
    heading = ngettext("{name} failed {failed} of {run} hidden case {marks}:",
                       "{name} failed {failed} of {run} hidden cases {marks}:", run)
    return heading.format(name=name, failed=len(failures), run=run, marks=marks) + "\n" + shown.text


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
        print(_("note: [SLOW] {message}").format(message=finding.message))
        if settings.timing == "penalize":
            context.current.dynamic.setdefault(name, []).append(finding)


def _problems(name: str, outcome: Outcome, expected: Outcome, tol: Tolerance) -> list[Problem]:
    """What is wrong with the student's outcome, where the reference's may be an expected exception."""
    if expected.error is None:
        return outcome.problems or compare(outcome.result, expected.result, tol)
    return must_raise(name, outcome, expected.error)


def check_choice(assignment: str, name: str, answer) -> None:
    right = importlib.import_module(f"solutions.{assignment}").ANSWERS[name]
    given = answer.strip().lower() if isinstance(answer, str) else answer
    if active() is not None:
        active().marked = True
    if not isinstance(given, str) or len(given) != 1:
        return  # no answer, or not a letter: the public check has said so
    if given == right:
        print(_("ok  {name}: right answer").format(name=name))
        return
    problem = Problem("WRONG_CHOICE", _("{answer} is not the right answer").format(answer=repr(answer)))
    report([CaseFailure(name, "", f"{name}:", [problem], hidden=True)], 1, f"{name}: {problem}")

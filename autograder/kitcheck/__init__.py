"""kitcheck: the checks students run in their notebooks (public tests and the loop rule).

This folder is copied into every student release as the package `kitcheck`, so it depends on
numpy and the standard library only. The grader uses the very same code for hidden tests.

In a student's kernel a failing check raises CheckFailed, shown without a traceback. Where the kit
runs the test cell itself (grading, self-check) the failures are collected instead (`collect`),
so every case runs and is diagnosed, and the cell's result is one structured Record.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from . import known
from .calls import Outcome, call, must_raise
from .collect import CaseFailure, active, collecting
from .compare import Problem, Tolerance, compare, shorten
from .i18n import _
from .record import Item, Record
from .verdicts import judge

__all__ = ["CheckFailed", "tests", "expect", "expect_raises", "expect_choice", "vectorized", "collecting"]


_TESTED: dict[str, Record] = {}  # unit -> its test cell's record, last run in this kernel


class CheckFailed(AssertionError):
    """A check failed; the message names the function, the case and every problem with its code."""

    def __init__(self, message: str, items: list[Item] | None = None):
        super().__init__(message)
        self.items = items or []

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of a traceback: the kit's own frames say nothing to a student."""
        return [f"\x1b[1;31m{type(self).__name__}\x1b[0m: {self}"]


def case_header(name: str, case: str, args: tuple) -> str:
    return _("{name}, case {case}, called with ({arguments}):").format(
        name=name, case=repr(case), arguments=", ".join(shorten(a) for a in args))


def case_failure(name: str, case: str, args: tuple, kwargs: dict, outcome: Outcome, expected,
                 problems: list[Problem], hidden: bool = False, diagnose=None) -> CaseFailure:
    """A failing case with its known mistakes named first: from the grader's catalogue when it
    gives `diagnose`, else from the data embedded for the public cases."""
    error = outcome.raised
    if diagnose is not None:
        mistakes = diagnose(name, args, kwargs, outcome.result, expected, error)
    else:
        mistakes = known.diagnose(name, args, kwargs, expected, outcome.result, error)
    problems = mistakes + problems
    return CaseFailure(name, case, case_header(name, case, args), problems, location=outcome.location, hidden=hidden)


def report(failures: list[CaseFailure], run: int, summary: str) -> None:
    """Hand failures to the collector when the kit runs the cell, else raise at once."""
    collector = active()
    if collector is not None:
        collector.add(failures, run)
    elif failures:
        raise CheckFailed(summary, [item for failure in failures for item in failure.items()])


@contextmanager
def tests(unit: str) -> Iterator[None]:
    """The public tests of one function, in a student's kernel: every case runs, then the cell fails
    once, with every failing case and the known mistakes they show. Where the kit runs the cell
    (grading, self-check) its own collector already gathers the cases."""
    if active() is not None:
        yield
        return
    with collecting() as collector:
        yield
    record = _TESTED[unit] = collector.record(unit)
    if not record.passed:
        raise CheckFailed(record.text, record.items)


def expect(func, *args, expected, case: str = "example", rtol: float = 1e-6, atol: float = 1e-8, **kwargs) -> None:
    """Call func(*args, **kwargs) and check the result equals `expected` under the course policy.

    Returns nothing on purpose: a number shown as a test cell's result would be read by nbgrader
    as partial credit.
    """
    name = getattr(func, "__name__", "function")
    outcome = call(func, args, kwargs, name)
    problems = outcome.problems or compare(outcome.result, expected, Tolerance(rtol, atol))
    _public_case(name, case, args, kwargs, outcome, expected, problems,
                 passed=_("ok  {name}: {case}").format(name=name, case=case))


def expect_raises(func, *args, error: type = ValueError, case: str = "example", **kwargs) -> None:
    """Call func(*args, **kwargs) and check that it raises `error` (e.g. shapes that cannot broadcast)."""
    name = getattr(func, "__name__", "function")
    outcome = call(func, args, kwargs, name)
    problems = must_raise(name, outcome, error)
    _public_case(name, case, args, kwargs, outcome, None, problems,
                 passed=_("ok  {name}: {case} raises {error}").format(name=name, case=case, error=error.__name__))


def _public_case(name: str, case: str, args: tuple, kwargs: dict, outcome: Outcome, expected,
                 problems: list[Problem], passed: str) -> None:
    """Say a public case passed, or hand its failure, diagnosed, to the collector or raise it."""
    if not problems:
        print(passed)
        report([], 1, "")
        return
    collector = active()
    failure = case_failure(name, case, args, kwargs, outcome, expected, problems,
                           diagnose=collector.diagnose if collector else None)
    report([failure], 1, failure.text)


def expect_choice(question: str, answer, choices: str = "abcd") -> None:
    """A multiple-choice answer must be one of the offered letters (the grader checks which)."""
    if answer is None:
        problem = Problem("NOT_DEFINED", _("no answer yet: set {question} to one of {choices}").format(
            question=question, choices=list(choices)))
    elif not (isinstance(answer, str) and len(answer.strip()) == 1 and answer.strip().lower() in choices):
        problem = Problem("INVALID_CHOICE", _("{answer} is not one of {choices}").format(
            answer=repr(answer), choices=list(choices)))
    else:
        print(_("ok  {question}: answered {answer}; it is marked after submission").format(
            question=question, answer=repr(answer.strip().lower())))
        if active() is not None:
            active().answered = True
        return
    report([CaseFailure(question, "", f"{question}:", [problem])], 1, f"{question}: {problem}")


def vectorized(name: str, assignment: str) -> None:
    """The loop rule on the cells run so far in this notebook, for one graded function, under the
    assignment's policies (a call into another graded function is judged under that function's own);
    as at grading, a function that failed every case of its test cell earns no vectorization point."""
    policies = {name: "forbidden", **known.policies(assignment)}
    record = judge(_executed_cells(), policies, tests=_TESTED)[name]
    if not record.passed:
        raise CheckFailed(record.text, record.items)
    print(_("ok  {name}: no Python loops found").format(name=name))


def _executed_cells() -> list[tuple[str, str]]:
    """The sources this IPython kernel has run, in order, labelled as Jupyter labels them: as the
    student typed them (`In` holds them transformed, `%matplotlib` become `get_ipython()` calls)."""
    try:
        history = get_ipython().history_manager.input_hist_raw  # noqa: F821 (defined inside IPython)
    except NameError:
        return []
    return [(f"In [{number}]", source) for number, source in enumerate(history) if source.strip()]

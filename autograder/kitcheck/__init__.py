"""kitcheck: the checks students run in their notebooks (public tests and the loop rule).

This folder is copied into every student release as the package `kitcheck`, so it depends on
numpy and the standard library only. The grader uses the very same code for hidden tests.
"""
from __future__ import annotations

from .calls import call
from .compare import Problem, Tolerance, compare, shorten
from .loops import is_stub, lint_cells

__all__ = ["CheckFailed", "expect", "expect_choice", "vectorized", "failure_message"]


class CheckFailed(AssertionError):
    """A check failed; the message names the function, the case and every problem with its code."""


def failure_message(name: str, case: str, args: tuple, problems: list[Problem]) -> str:
    shown = ", ".join(shorten(a) for a in args)
    lines = [f"{name}, case {case!r}, called with ({shown}):"]
    lines += [f"  {line}" for problem in problems for line in str(problem).splitlines()]
    return "\n".join(lines)


def expect(func, *args, expected, case: str = "example", rtol: float = 1e-6, atol: float = 1e-8, **kwargs) -> None:
    """Call func(*args, **kwargs) and check the result equals `expected` under the course policy.

    Returns nothing on purpose: a number shown as a test cell's result would be read by nbgrader
    as partial credit.
    """
    name = getattr(func, "__name__", "function")
    outcome = call(func, args, kwargs, name)
    problems = outcome.problems or compare(outcome.result, expected, Tolerance(rtol, atol))
    if problems:
        raise CheckFailed(failure_message(name, case, args, problems))
    print(f"ok  {name}: {case}")


def expect_choice(question: str, answer, choices: str = "abcd") -> None:
    """A multiple-choice answer must be one of the offered letters (the grader checks which)."""
    if answer is None:
        raise CheckFailed(f"{question}: [NOT_DEFINED] no answer yet: set {question} to one of {list(choices)}")
    if not (isinstance(answer, str) and len(answer.strip()) == 1 and answer.strip().lower() in choices):
        raise CheckFailed(f"{question}: [INVALID_CHOICE] {answer!r} is not one of {list(choices)}")
    print(f"ok  {question}: answered {answer.strip().lower()!r} (graded after submission)")


def vectorized(name: str, loops: str = "forbidden", others: dict[str, str] | None = None) -> None:
    """The loop rule on the cells run so far in this notebook, for one graded function.

    `others` maps the assignment's other graded functions to their policies: a call into one of
    them is judged under that function's own policy, not charged to `name`.
    """
    cells = _executed_cells()
    if is_stub(cells, name):
        raise CheckFailed(f"{name}: [NOT_IMPLEMENTED] implement {name} first; the loop rule checks your code")
    policies = {**(others or {}), name: loops}
    findings = [f for f in lint_cells(cells, policies) if f.function in (name, "")]
    if findings:
        raise CheckFailed("\n".join([f"{name} is not vectorized:"] + [f"  {f.format()}" for f in findings]))
    print(f"ok  {name}: no Python loops found")


def _executed_cells() -> list[tuple[str, str]]:
    """The sources this IPython kernel has run, in order, labelled as Jupyter labels them."""
    try:
        history = get_ipython().user_ns["In"]  # noqa: F821 (defined inside IPython)
    except NameError:
        return []
    return [(f"In [{number}]", source) for number, source in enumerate(history) if source.strip()]

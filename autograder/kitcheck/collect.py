"""Collecting a test cell's failures instead of stopping at the first one.

In a student's kernel a failing check raises at once. Where the kit runs a test cell itself (at
grading and in the self-check), it collects: every public case and every hidden case runs, each
failing one is diagnosed, and the cell's Record is built from all of them at the end. The cell
still fails as a whole if any case failed (its score does not change).
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

from .compare import Problem
from .i18n import _
from .record import Item, Record

CRASHES = ("EXCEPTION", "TIMEOUT", "KILLED")

# (function name, args, kwargs, the student's Outcome, the expected value) -> diagnosed problems
Diagnose = Callable[..., list[Problem]]


@dataclass
class CaseFailure:
    """One failing case: its label, what the function was called with, and every problem found."""

    function: str
    case: str
    header: str  # "relu, case 'x', called with (...):", or "" where the problem says it all
    problems: list[Problem]
    location: str = ""
    hidden: bool = False

    @property
    def text(self) -> str:
        """The case as a message: its header, then one indented line per problem."""
        if not self.header:
            return "\n".join(str(p) for p in self.problems)
        return "\n".join([self.header] + [f"  {line}" for p in self.problems for line in str(p).splitlines()])

    def items(self) -> list[Item]:
        return [Item(p.code, p.message, case=self.case, location=self.location) for p in self.problems]


@dataclass
class Collector:
    diagnose: Diagnose | None = None  # the grader's mistake catalogue; None: the embedded data
    failures: list[CaseFailure] = field(default_factory=list)
    run: int = 0  # cases run
    answered: bool = False  # a multiple-choice answer had the right form (public check)
    marked: bool = False  # ... and was marked (hidden check)

    def add(self, failures: list[CaseFailure], run: int) -> None:
        self.failures += failures
        self.run += run

    def record(self, unit: str, error: BaseException | None = None, error_code: str = "EXCEPTION") -> Record:
        """The cell's record; `error` is an exception that ended the cell outside any check."""
        self._keep_plausible_mistakes()
        items = [item for failure in self.failures for item in failure.items()]
        if error is not None and not self.failures:
            items.append(Item(error_code, f"{type(error).__name__}: {error}"))
        passed = not items
        return Record(unit, "tests", passed, items, text="" if passed else self.message(unit, error),
                      cases=(len(self.failures), self.run), pending=self.answered and not self.marked)

    def _keep_plausible_mistakes(self) -> None:
        """A case may fit two mistakes by coincidence (axis=0 on a column is also no axis at all): a
        mistake named on fewer than half as many cases as the most frequent one is dropped."""
        counts: dict[str, int] = {}
        for failure in self.failures:
            for code in {p.code for p in failure.problems if p.code.startswith("M_")}:
                counts[code] = counts.get(code, 0) + 1
        rare = {code for code, n in counts.items() if 2 * n < max(counts.values())}
        for failure in self.failures:
            failure.problems = [p for p in failure.problems if p.code not in rare]

    def message(self, unit: str, error: BaseException | None) -> str:
        """The cell's failure as a student reads it: first the diagnosed mistakes, one line each with
        its fix-it sentence; then how many cases failed; then one failing case in full (a diagnosed one
        where there is one, a public one before a hidden) and the first exception, if another case."""
        if not self.failures:
            return f"{type(error).__name__}: {error}" if error else ""
        shown = next((f for f in self.failures if any(p.code.startswith("M_") for p in f.problems)),
                     self.failures[0])
        mistakes: dict[str, str] = {}  # each code once, worded as in the case shown where it is there
        for failure in [shown, *self.failures]:
            for p in failure.problems:
                if p.code.startswith("M_"):
                    mistakes.setdefault(p.code, p.message)
        lines = [_("{unit}: known mistake {code}: {sentence}").format(unit=unit, code=code, sentence=sentence)
                 for code, sentence in mistakes.items()]
        lines.append(self._failed_count(unit))
        # A real error is never hidden behind a wrong value: the first exception is shown too.
        crash = next((f for f in self.failures if any(p.code in CRASHES for p in f.problems)), shown)
        return "\n".join(lines + [shown.text] + ([crash.text] if crash is not shown else []))

    def _failed_count(self, unit: str) -> str:
        """`relu failed 2 public case(s) and 1 hidden case(s) of 7.`"""
        public = sum(not f.hidden for f in self.failures)
        hidden = len(self.failures) - public
        if public and hidden:
            template = _("{unit} failed {public} public case(s) and {hidden} hidden case(s) of {run}.")
        elif hidden:
            template = _("{unit} failed {hidden} hidden case(s) of {run}.")
        else:
            template = _("{unit} failed {public} public case(s) of {run}.")
        return template.format(unit=unit, public=public, hidden=hidden, run=self.run)


_active: list[Collector] = []


@contextmanager
def collecting(diagnose: Diagnose | None = None) -> Iterator[Collector]:
    """Within this block, checks add their failures to the collector instead of raising."""
    collector = Collector(diagnose)
    _active.append(collector)
    try:
        yield collector
    finally:
        _active.pop()


def active() -> Collector | None:
    return _active[-1] if _active else None

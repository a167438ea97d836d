"""Embed, as data, what each catalogued mistake gives on each public case (kitcheck.known), and
each graded function's loop policy, which the notebook's vectorization cells read.

For every public `kitcheck.expect(...)` line of an assignment's notebook source, every wrong variant
of that function (autograder.mistakes.variants) is run on the case's inputs; where the public case
catches it and the catalogue names it, the mistake's code, sentence and output (or exception) are
written to autograder/kitcheck/known/<assignment>.json. The student's notebook then names the
mistake without any mistake's code being released.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jupytext
import numpy as np

from autograder.authoring.build import source_path
from autograder.config import units
from autograder.kitcheck import known
from autograder.kitcheck.calls import Outcome, call, must_raise
from autograder.kitcheck.compare import Tolerance, compare
from autograder.kitcheck.encoding import encode
from autograder.kitcheck.i18n import LANGUAGES, speaking
from autograder.mistakes import diagnose
from autograder.mistakes.variants import WRONG, student_function


@dataclass(frozen=True)
class PublicCase:
    function: str
    case: str
    args: tuple
    kwargs: dict
    expected: object  # None where the function must raise
    tolerance: Tolerance
    raises: type | None = None


class _Recorder:
    """Stands for `kitcheck` while a notebook's public tests are read: it keeps each expect call."""

    def __init__(self):
        self.cases: list[PublicCase] = []

    def expect(self, func, *args, expected, case="example", rtol=1e-6, atol=1e-8, **kwargs):
        self.cases.append(PublicCase(func.__name__, case, args, kwargs, expected, Tolerance(rtol, atol)))

    def expect_raises(self, func, *args, error=ValueError, case="example", **kwargs):
        self.cases.append(PublicCase(func.__name__, case, args, kwargs, None, Tolerance(), error))

    def expect_choice(self, *args, **kwargs):
        pass


class _Named:
    def __init__(self, name: str):
        self.__name__ = name


def public_cases(root: Path, assignment: str) -> list[PublicCase]:
    """Every public case of the assignment's notebook source, in order."""
    recorder = _Recorder()
    for cell in jupytext.read(source_path(root, assignment), fmt="md").cells:
        first, _, tests = cell.source.partition("\n")
        if cell.cell_type == "code" and first.startswith("%tests "):
            name = first.split()[1]
            exec(compile(tests, f"<public tests of {name}>", "exec"),
                 {"np": np, "kitcheck": recorder, name: _Named(name)})
    return recorder.cases


def known_mistakes(root: Path, assignment: str) -> dict[str, list[dict]]:
    """case key -> the known mistakes the public case catches, with what each gives there."""
    variants = [(name, code, source) for a, name, code, source in WRONG if a == assignment]
    table: dict[str, list[dict]] = {}
    for case in public_cases(root, assignment):
        entries = []
        for name, code, source in variants:
            if name == case.function:
                outcome = call(student_function(assignment, name, source, code), case.args, case.kwargs, name)
                entry = _entry(assignment, case, code, outcome)
                if entry is not None and entry not in entries:  # two variants of a mistake may differ
                    entries.append(entry)
        if entries:
            table[known.fingerprint(case.function, case.args, case.kwargs, case.expected)] = entries
    return table


def _entry(assignment: str, case: PublicCase, code: str, outcome: Outcome) -> dict | None:
    """The variant's output on the case, if the case catches it and the catalogue names `code`."""
    if case.raises is not None:
        problems = must_raise(case.function, outcome, case.raises)
    else:
        problems = outcome.problems or compare(outcome.result, case.expected, case.tolerance)
    if not problems:
        return None  # this public case does not catch the mistake
    error = outcome.raised
    sentences = {}
    for language in LANGUAGES:
        with speaking(language):
            named = [p for p in diagnose(assignment, case.function, case.args, case.kwargs, outcome.result,
                                         case.expected, error) if p.code == code]
        if not named:
            return None
        sentences[language] = named[0].message
    entry = {"code": code, "sentence": sentences}
    if error is not None:
        return {**entry, "error": [error[0], known.without_place(error[1])]}
    return {**entry, "result": encode(outcome.result)}


def known_path(assignment: str) -> Path:
    return known.FOLDER / f"{assignment}.json"


def known_data(root: Path, assignment: str) -> str:
    """The assignment's file for kitcheck: its functions' loop policies and its known mistakes."""
    policies = {u.name: u.loops for u in units(root, assignment) if u.kind == "function"}
    return json.dumps({"policies": policies, "cases": known_mistakes(root, assignment)}, indent=1, sort_keys=True) + "\n"


def write_known_mistakes(root: Path, assignment: str) -> Path:
    path = known_path(assignment)
    path.parent.mkdir(exist_ok=True)
    path.write_text(known_data(root, assignment))
    return path

"""Call a student's function and say what happened: its result, its exception, its side effects."""
from __future__ import annotations

import copy
import inspect
import linecache
import os
import re
import traceback
import warnings
from dataclasses import dataclass, field

import numpy as np

from .compare import Problem, shorten
from .i18n import _
from .record import place, shown_place

_KIT_DIR = os.path.dirname(os.path.abspath(__file__))
_NUMPY_DIR = os.path.dirname(np.__file__)
_QUOTED_PLACE = re.compile(r"\((?P<place>[^(),]+, line \d+): (?P<source>`[^\n]*`)\)\s*$")


@dataclass
class Outcome:
    result: object = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: type | None = None  # the type of exception raised, if any
    location: str = ""  # where in the student's code it raised: `relu, line 2`
    exception: str = ""  # `relu raised ValueError: ... (relu, line 2: `...`)`, the same in every language

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def raised(self) -> tuple[str, str] | None:
        """(type name, message) of the student's exception, as diagnoses read it: in English whatever
        the course's language, as the mistake catalogue's patterns and the known mistakes' data expect."""
        if self.error is None:
            return None
        return self.error.__name__, self.exception


def call(func, args: tuple, kwargs: dict | None = None, name: str | None = None) -> Outcome:
    """Run func(*args, **kwargs) on copies of the inputs and report exceptions and in-place changes.

    numpy warnings are recorded, not printed: nbgrader zeroes a test cell that writes to stderr,
    and a correct sigmoid may overflow in np.exp.
    """
    kwargs = kwargs or {}
    name = name or getattr(func, "__name__", "the function")
    if not callable(func):
        return Outcome(problems=[Problem("NOT_DEFINED", _("{name} is not a function (got {type})").format(
            name=name, type=type(func).__name__))])
    before = copy.deepcopy((args, kwargs))
    given = copy.deepcopy((args, kwargs))
    outcome = Outcome()
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn"):
        warnings.simplefilter("always")
        try:
            outcome.result = func(*given[0], **given[1])
        except NotImplementedError:
            outcome.error = NotImplementedError
            outcome.problems.append(Problem("NOT_IMPLEMENTED", _(
                "{name} is not implemented yet: replace `raise NotImplementedError()` with your code"
            ).format(name=name)))
        except Exception as error:  # a student's bug of any kind is feedback, not a crash of the check
            _raised(outcome, error, name)
    outcome.warnings = sorted({f"{w.category.__name__}: {w.message}" for w in caught})
    outcome.problems.extend(_mutations(func, before, given, name))
    return outcome


def must_raise(name: str, outcome: Outcome, kind: type) -> list[Problem]:
    """What is wrong with an outcome where the function must raise `kind` (empty: it did)."""
    if outcome.error is not None and issubclass(outcome.error, kind):
        return []
    if outcome.error is NotImplementedError:
        return outcome.problems  # an untouched stub says so, and only so
    if outcome.error is None:
        return outcome.problems + [Problem("VALUE", _("{name} returned {value} where it must raise {error}").format(
            name=name, value=shorten(outcome.result), error=kind.__name__))]
    return outcome.problems + [Problem("EXCEPTION", _("{name} must raise {error} here").format(
        name=name, error=kind.__name__))]


def _raised(outcome: Outcome, error: Exception, name: str) -> None:
    """The student's exception in the outcome: as a problem for people, and as diagnoses read it.

    An exception from a sandboxed function carries its code (EXCEPTION, TIMEOUT, KILLED) and a
    description made where it was raised; a local one is described here."""
    outcome.error = type(error)
    outcome.location = error_location(error)
    code = getattr(error, "code", "EXCEPTION")
    description = getattr(error, "description", None) or describe_exception(error)
    text = shown_exception(description)
    if code == "EXCEPTION":
        outcome.exception = f"{name} raised {description}"
        text = _("{name} raised {error}").format(name=name, error=text)
    outcome.problems.append(Problem(code, text))


def shown_exception(description: str) -> str:
    """A description by `describe_exception`, its place in the student's code in the course's language."""
    return _QUOTED_PLACE.sub(lambda found: f"({shown_place(found['place'])}: {found['source']})", description)


def describe_exception(error: BaseException) -> str:
    """'ValueError: shapes (3,1) and (3,1) not aligned (sigmoid, line 4: `return np.dot(w, x)`)', in
    English whatever the course's language: diagnoses read it (`shown_exception` is for people)."""
    text = f"{type(error).__name__}: {error}"
    frame = _student_frame(error)
    if frame is not None:
        source = linecache.getline(frame.filename, frame.lineno).strip() or frame.line
        text += f" ({place(frame.name, _line_in_function(frame))}: `{source}`)"
    return text


def error_location(error: BaseException) -> str:
    """`relu, line 2`: where the student's code raised. An exception rebuilt from a sandboxed worker
    carries the place the worker saw (its traceback here runs through the kit's proxy only)."""
    if hasattr(error, "description"):
        return str(getattr(error, "location", ""))[:200]
    frame = _student_frame(error)
    return place(frame.name, _line_in_function(frame)) if frame is not None else ""


def _student_frame(error: BaseException):
    """The innermost traceback frame that is the student's code (not numpy's, not the kit's)."""
    frames = traceback.extract_tb(error.__traceback__)
    for frame in reversed(frames):
        path = os.path.abspath(frame.filename) if not frame.filename.startswith("<") else frame.filename
        if not path.startswith((_KIT_DIR, _NUMPY_DIR)):
            return frame
    return None


def _line_in_function(frame) -> int:
    """The line number counted from the function's `def` line, as a student sees it in the cell."""
    lines = linecache.getlines(frame.filename)
    for number in range(frame.lineno, 0, -1):
        if lines and number <= len(lines) and lines[number - 1].lstrip().startswith(f"def {frame.name}("):
            return frame.lineno - number + 1
    return frame.lineno


def _mutations(func, before, after, name: str) -> list[Problem]:
    problems = []
    for index, (old, new) in enumerate(zip(before[0], after[0])):
        if not _same(old, new):
            params = _parameter_names(func)  # only now: a signature costs more than the comparison
            label = params[index] if index < len(params) else _("argument {number}").format(number=index + 1)
            problems.append(_mutated(name, label))
    for key in before[1]:
        if not _same(before[1][key], after[1][key]):
            problems.append(_mutated(name, key))
    return problems


def _mutated(name: str, label: str) -> Problem:
    return Problem("MUTATES_INPUT", _(
        "{name} modified its input `{label}` in place, so the caller's array changed too: make a new array "
        "instead (`{label} = {label} - ...` rather than `{label} -= ...`; `{label} = {label}.copy()` before "
        "assigning to `{label}[...]`)").format(name=name, label=label))


def _parameter_names(func) -> list[str]:
    try:
        return list(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        return []


def _same(old, new) -> bool:
    if isinstance(old, np.ndarray):
        return isinstance(new, np.ndarray) and old.shape == new.shape and np.array_equal(old, new, equal_nan=True)
    if isinstance(old, dict):
        return isinstance(new, dict) and old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, (list, tuple)):
        return isinstance(new, (list, tuple)) and len(old) == len(new) and all(map(_same, old, new))
    return True

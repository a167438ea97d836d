"""The result record: what one graded check found, as data every reader takes fields from.

A check (a unit's tests, or its vectorization) produces one Record; results.json, the self-check
table, the grade table, the feedback and the instructor report read its fields. Nothing reads a
code back out of message text. Standard library only: this module ships to students as well.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .i18n import _

# Bounds for records read back from a notebook or a file (never trust their size).
MAX_ITEMS = 50
MAX_TEXT = 4000
MAX_MESSAGES = 20  # items a reader lists per check


_PLACE = re.compile(r"(?P<function>[^,]+), line (?P<line>\d+)")


def place(function: str, line: int) -> str:
    """How every record names a place in a student's code: `relu, line 2` (counted from `def`). This
    is data (a feedback page links it to the line, a diagnosis reads it in an exception's text):
    `shown_place` words it in the course's language where a person reads it."""
    return f"{function}, line {line}"


def shown_place(location: str) -> str:
    """A place written by `place`, as a person reads it in the course's language."""
    found = _PLACE.fullmatch(location)
    return _("{function}, line {line}").format(**found.groupdict()) if found else location


@dataclass(frozen=True)
class Item:
    """One thing a check found: a failed comparison, a diagnosed mistake, a loop finding."""

    code: str
    text: str  # what was found, for this item alone
    case: str = ""  # the failing case's label, when a case failed
    location: str = ""  # `relu, line 2`, where the student's code is at fault
    hint: str = ""  # how to fix it, when the code has a stock suggestion

    @property
    def is_mistake(self) -> bool:
        return self.code.startswith("M_")


@dataclass
class Record:
    """A graded cell's outcome: `unit` is the function or question, `part` "tests" or "vectorized"."""

    unit: str
    part: str
    passed: bool
    items: list[Item] = field(default_factory=list)
    text: str = ""  # the whole message, as the cell shows it
    cases: tuple[int, int] = (0, 0)  # (failed, run)
    pending: bool = False  # a multiple-choice answer: given, marked only after submission

    @property
    def codes(self) -> list[str]:
        """Every code once, known mistakes first."""
        ordered = sorted(self.items, key=lambda item: not item.is_mistake)
        return list(dict.fromkeys(item.code for item in ordered))

    @property
    def mistakes(self) -> list[dict]:
        """The diagnosed mistakes, once each: [{"code": ..., "sentence": ...}]."""
        found: dict[str, str] = {}
        for item in self.items:
            if item.is_mistake:
                found.setdefault(item.code, item.text)
        return [{"code": code, "sentence": sentence} for code, sentence in found.items()]

    @property
    def location(self) -> str:
        return next((item.location for item in self.items if item.location), "")

    @property
    def headline(self) -> str:
        """The one line to read first: a diagnosed mistake's sentence, else the first problem."""
        if not self.items:
            return ""
        first = next((item for item in self.items if item.is_mistake), self.items[0])
        text = first.text.strip().splitlines()[0] if first.text.strip() else ""
        return _("case {case}: {text}").format(case=repr(first.case), text=text) if first.case else text

    def fields(self) -> dict:
        """What readers take from a record (results.json's extra_data, the self-check's rows)."""
        return {"function": self.unit, "part": self.part, "codes": self.codes, "mistakes": self.mistakes,
                "headline": self.headline, "location": self.location, "pending": self.pending,
                "messages": [{"code": i.code, "text": i.text, "case": i.case, "location": i.location, "hint": i.hint}
                             for i in self.items[:MAX_MESSAGES]]}

    def to_dict(self) -> dict:
        return {"unit": self.unit, "part": self.part, "passed": self.passed, "text": self.text,
                "cases": list(self.cases), "pending": self.pending,
                "items": [vars(item).copy() for item in self.items]}

    @classmethod
    def from_dict(cls, data) -> Record | None:
        """A record read back from a notebook or a file: None unless well formed, texts bounded."""
        try:
            items = [Item(**{key: _text(value) for key, value in item.items()
                             if key in Item.__dataclass_fields__}) for item in data["items"][:MAX_ITEMS]]
            failed, run = (int(n) for n in data["cases"])
            return cls(unit=_text(data["unit"]), part=_text(data["part"]), passed=data["passed"] is True,
                       items=items, text=_text(data["text"]), cases=(failed, run), pending=data["pending"] is True)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


def _text(value) -> str:
    if not isinstance(value, str):
        raise TypeError("a record holds text only")
    return value[:MAX_TEXT]

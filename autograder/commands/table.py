"""The grade table the demo and `autograder grade` print: one row per unit, one column per student."""
from __future__ import annotations

import unicodedata

from autograder.commands.grade import Graded
from autograder.kitcheck.i18n import _


def grade_table(assignment: str, graded: list[Graded]) -> str:
    if not graded:
        return _("{assignment}: no submissions").format(assignment=assignment)
    total = _("total")
    units = list(dict.fromkeys(r.extra_data["function"] for r in graded[0].results))
    width = max(8, *(width_of(g.student) for g in graded))
    first = max(width_of(total), *(width_of(u) for u in units))
    lines = [pad(assignment, first) + "  " + "  ".join(pad(g.student, width, right=True) for g in graded)]
    for unit in units:
        cells = []
        for g in graded:
            mine = [r for r in g.results if r.extra_data["function"] == unit]
            got, top = sum(r.score for r in mine), sum(r.max_score for r in mine)
            cells.append(f"{_num(got)}/{_num(top)}")
        lines.append(pad(unit, first) + "  " + "  ".join(pad(c, width, right=True) for c in cells))
    totals = [f"{_num(g.score)}/{_num(sum(r.max_score for r in g.results))}" for g in graded]
    lines.append(pad(total, first) + "  " + "  ".join(pad(t, width, right=True) for t in totals))
    lines += ["  " + _("{student}: grading failed: {reason}").format(student=g.student, reason=g.error)
              for g in graded if g.error]
    return "\n".join(lines)


def width_of(text: str) -> int:
    """Columns a terminal gives the text: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    """The text filled with spaces to `width` terminal columns, on the left when `right`."""
    fill = " " * max(width - width_of(text), 0)
    return fill + text if right else text + fill


def _num(value: float) -> str:
    return f"{value:g}"

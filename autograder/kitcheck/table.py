"""The self-check's report: one row per graded function (tests, vectorization, points, codes, the
first message), or the same data as JSON for tools. `python -m kitcheck` (a student's release folder)
and `autograder check` (the instructor's kit) both print it. Standard library only.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import unicodedata

from .i18n import N_, _
from .safe_text import terminal_safe

HIDDEN_TESTS = N_("At grading, hidden tests run each function again on new random inputs (other shapes, "
                  "square matrices, integer inputs, boundary cases) and compare it with the reference, and the "
                  "loop rule runs again outside your kernel: passing here is not yet full marks.")
_STYLES = {"pass": "32", "FAIL": "1;31", "-": "2", "answered": "36", "codes": "33", "dim": "2", "bold": "1"}
_MARKS = {"pass": N_("pass"), "FAIL": N_("FAIL"), "answered": N_("answered"), "-": "-"}
_HEADERS = [N_("function"), N_("tests"), N_("vectorized"), N_("points"), N_("codes"), N_("first message")]


def check_row(fields: dict, score: float, max_score: float, status: str, output: str) -> dict:
    """One check (a unit's tests or its vectorization) from its record's fields and its score."""
    pending = bool(fields.get("pending"))
    message = _("answered; marked after submission") if pending else fields.get("headline", "")
    return {"name": fields.get("function", ""), "part": fields.get("part", ""), "status": status, "score": score,
            "max_score": max_score, "pending": pending, "codes": list(fields.get("codes", [])),
            "mistakes": list(fields.get("mistakes", [])), "location": fields.get("location", ""),
            "message": "" if status == "passed" and not pending else message, "output": output}


def report(notebook: str, checks: list[dict], *, as_json: bool = False, color: bool | None = None) -> str:
    """The self-check report of a notebook's checks (`check_row`s), as a table or as JSON.

    Multiple-choice answers are marked only after submission: they show as answered and count in
    no public score. Colour (ANSI) by default only when stdout is a terminal and NO_COLOR is unset.
    """
    scored = [c for c in checks if not c["pending"]]
    got, top = sum(c["score"] for c in scored), sum(c["max_score"] for c in scored)
    failing = [c for c in checks if c["status"] != "passed"]
    pending = sum(c["pending"] for c in checks)
    hidden = _(HIDDEN_TESTS)
    if pending:
        hidden += " " + _("{count} multiple-choice answer(s) are marked only after submission.").format(count=pending)
    if as_json:
        totals = {"score": got, "max_score": top, "checks": len(checks), "failed": len(failing),
                  "pending": pending, "passed": not failing}
        return json.dumps({"notebook": notebook, "checks": checks, "totals": totals, "hidden_tests": hidden},
                          indent=2)
    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")

    def paint(text: str, style: str) -> str:
        return f"\033[{_STYLES[style]}m{text}\033[0m" if color and text.strip() else text

    title = paint(_("Self-check of {notebook}: public tests and the loop rule").format(notebook=notebook), "bold")
    if not checks:
        return f"{title}\n\n" + _("No graded functions found: the notebook has no test_* cells.")
    functions: dict[str, list[dict]] = {}
    for c in checks:
        functions.setdefault(c["name"], []).append(c)
    need_work = sum(any(c["status"] != "passed" for c in parts) for parts in functions.values())
    graded = sum(not all(c["pending"] for c in parts) for parts in functions.values())
    summary = _("Public score: {score}/{max_score} points; {need_work} of {graded} graded functions need work "
                "({failing} failing check(s)).").format(score=f"{got:g}", max_score=f"{top:g}", need_work=need_work,
                                                        graded=graded, failing=len(failing))
    return "\n".join([title, "", *_table(functions, paint, room=None if color else 200), "", paint(summary, "bold"),
                      *_wrap(hidden, 100)])


def _table(functions: dict[str, list[dict]], paint, room: int | None) -> list[str]:
    """One line per function; a further failing check of it adds a line with its codes and message."""
    checks = [c for parts in functions.values() for c in parts]
    headers = [_(header) for header in _HEADERS]
    least = [_width(header) for header in headers]
    widths = [max(least[0], *map(_width, functions)), max(least[1], 8), max(least[2], 10), max(least[3], 6),
              max(least[4], *(len(" ".join(c["codes"])) for c in checks)), 0]
    room = room or max(40, shutil.get_terminal_size().columns - sum(widths) - 2 * len(widths))
    lines = [paint(_row(headers, widths), "dim")]
    for name, parts in functions.items():
        marks = {c["part"]: _mark(c) for c in parts}
        scored = [c for c in parts if not c["pending"]]
        points = f"{sum(c['score'] for c in scored):g}/{sum(c['max_score'] for c in scored):g}" if scored else "-"
        styles = [None, marks.get("tests", "-"), marks.get("vectorized", "-"), None, "codes", None]
        head = [name, _(_MARKS[styles[1]]), _(_MARKS[styles[2]]), points]
        shown: set[str] = set()
        for c in [c for c in parts if c["status"] != "passed"] or [{"codes": [], "message": parts[0]["message"]}]:
            if shown and shown.issuperset(c["codes"]):
                continue  # e.g. the vectorization point of an untouched stub: nothing new to read
            shown.update(c["codes"])
            lines.append(_row(head + [" ".join(c["codes"]), _clip(c["message"], room)], widths, styles, paint))
            head = [""] * 4
    return lines


def _mark(check: dict) -> str:
    """The check's mark, as a key of _MARKS (and of _STYLES)."""
    if check["pending"]:
        return "answered"
    return "pass" if check["status"] == "passed" else "FAIL"


def _row(cells: list[str], widths: list[int], styles: list | None = None, paint=None) -> str:
    """Cells padded to their column (points right-aligned), each painted after padding; what a student
    wrote (names, exception texts) can move no cursor and set no colour."""
    cells = [terminal_safe(cell) for cell in cells]
    padded = [_pad(cell, w, right=i == 3) for i, (cell, w) in enumerate(zip(cells, widths))]
    if paint and styles:
        padded = [paint(cell, style) if style else cell for cell, style in zip(padded, styles)]
    return "  ".join(padded).rstrip()


def _width(text: str) -> int:
    """The columns `text` takes in a terminal: a Korean syllable (a wide character) takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def _clip(text: str, room: int) -> str:
    if _width(text) <= room:
        return text
    kept, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > room - 3:
            break
        kept.append(ch)
    return "".join(kept) + "..."


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and _width(lines[-1]) + 1 + _width(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines

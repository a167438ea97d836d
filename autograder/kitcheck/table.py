"""The self-check's report: one row per graded function (tests, vectorization, points, codes, the
first message), or the same data as JSON for tools. `python -m kitcheck` (a student's release folder)
and `autograder check` (the instructor's kit) both print it. Standard library only.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap

from .safe_text import terminal_safe

HIDDEN_TESTS = ("At grading, hidden tests run each function again on new random inputs (other shapes, "
                "square matrices, integer inputs, boundary cases) and compare it with the reference, and the "
                "loop rule runs again outside your kernel: passing here is not yet full marks.")
_STYLES = {"pass": "32", "FAIL": "1;31", "-": "2", "answered": "36", "codes": "33", "dim": "2", "bold": "1"}
_HEADERS = ["function", "tests", "vectorized", "points", "codes", "first message"]


def check_row(fields: dict, score: float, max_score: float, status: str, output: str) -> dict:
    """One check (a unit's tests or its vectorization) from its record's fields and its score."""
    pending = bool(fields.get("pending"))
    message = "answered; marked after submission" if pending else fields.get("headline", "")
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
    hidden = HIDDEN_TESTS + (f" {pending} multiple-choice answer(s) are marked only after submission."
                             if pending else "")
    if as_json:
        totals = {"score": got, "max_score": top, "checks": len(checks), "failed": len(failing),
                  "pending": pending, "passed": not failing}
        return json.dumps({"notebook": notebook, "checks": checks, "totals": totals, "hidden_tests": hidden},
                          indent=2)
    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")

    def paint(text: str, style: str) -> str:
        return f"\033[{_STYLES[style]}m{text}\033[0m" if color and text.strip() else text

    title = paint(f"Self-check of {notebook}: public tests and the loop rule", "bold")
    if not checks:
        return f"{title}\n\nNo graded functions found: the notebook has no test_* cells."
    functions: dict[str, list[dict]] = {}
    for c in checks:
        functions.setdefault(c["name"], []).append(c)
    need_work = sum(any(c["status"] != "passed" for c in parts) for parts in functions.values())
    graded = sum(not all(c["pending"] for c in parts) for parts in functions.values())
    summary = paint(f"Public score: {got:g}/{top:g} points; {need_work} of {graded} graded functions need "
                    f"work ({len(failing)} failing check(s)).", "bold")
    return "\n".join([title, "", *_table(functions, paint, room=None if color else 200), "", summary,
                      *textwrap.wrap(hidden, width=100)])


def _table(functions: dict[str, list[dict]], paint, room: int | None) -> list[str]:
    """One line per function; a further failing check of it adds a line with its codes and message."""
    checks = [c for parts in functions.values() for c in parts]
    widths = [max(len(_HEADERS[0]), *map(len, functions)), 8, 10, 6,
              max(len(_HEADERS[4]), *(len(" ".join(c["codes"])) for c in checks)), 0]
    room = room or max(40, shutil.get_terminal_size().columns - sum(widths) - 2 * len(widths))
    lines = [paint(_row(_HEADERS, widths), "dim")]
    for name, parts in functions.items():
        marks = {c["part"]: _mark(c) for c in parts}
        scored = [c for c in parts if not c["pending"]]
        points = f"{sum(c['score'] for c in scored):g}/{sum(c['max_score'] for c in scored):g}" if scored else "-"
        head = [name, marks.get("tests", "-"), marks.get("vectorized", "-"), points]
        styles = [None, head[1], head[2], None, "codes", None]
        shown: set[str] = set()
        for c in [c for c in parts if c["status"] != "passed"] or [{"codes": [], "message": parts[0]["message"]}]:
            if shown and shown.issuperset(c["codes"]):
                continue  # e.g. the vectorization point of an untouched stub: nothing new to read
            shown.update(c["codes"])
            lines.append(_row(head + [" ".join(c["codes"]), _clip(c["message"], room)], widths, styles, paint))
            head = [""] * 4
    return lines


def _mark(check: dict) -> str:
    if check["pending"]:
        return "answered"
    return "pass" if check["status"] == "passed" else "FAIL"


def _row(cells: list[str], widths: list[int], styles: list | None = None, paint=None) -> str:
    """Cells padded to their column (points right-aligned), each painted after padding; what a student
    wrote (names, exception texts) can move no cursor and set no colour."""
    cells = [terminal_safe(cell) for cell in cells]
    padded = [cell.rjust(w) if i == 3 else cell.ljust(w) for i, (cell, w) in enumerate(zip(cells, widths))]
    if paint and styles:
        padded = [paint(cell, style) if style else cell for cell, style in zip(padded, styles)]
    return "  ".join(padded).rstrip()


def _clip(text: str, room: int) -> str:
    return text if len(text) <= room else text[:room - 3] + "..."

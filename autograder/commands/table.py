"""The grade table the demo and `autograder grade` print: one row per unit, one column per student."""
from __future__ import annotations

from autograder.commands.grade import Graded


def grade_table(assignment: str, graded: list[Graded]) -> str:
    if not graded:
        return f"{assignment}: no submissions"
    units = list(dict.fromkeys(r.extra_data["function"] for r in graded[0].results))
    width = max(8, *(len(g.student) for g in graded))
    first = max(len("total"), *(len(u) for u in units))
    lines = [f"{assignment:<{first}}  " + "  ".join(f"{g.student:>{width}}" for g in graded)]
    for unit in units:
        cells = []
        for g in graded:
            mine = [r for r in g.results if r.extra_data["function"] == unit]
            got, top = sum(r.score for r in mine), sum(r.max_score for r in mine)
            cells.append(f"{_num(got)}/{_num(top)}")
        lines.append(f"{unit:<{first}}  " + "  ".join(f"{c:>{width}}" for c in cells))
    totals = [f"{_num(g.score)}/{_num(sum(r.max_score for r in g.results))}" for g in graded]
    lines.append(f"{'total':<{first}}  " + "  ".join(f"{t:>{width}}" for t in totals))
    failed = [g for g in graded if g.error]
    lines += [f"  {g.student}: grading failed: {g.error}" for g in failed]
    return "\n".join(lines)


def _num(value: float) -> str:
    return f"{value:g}"

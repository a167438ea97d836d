"""What each policy (`loops` in course_config.py) lets a graded function do.

- "forbidden" (the default): every loop, loop in disguise, recursion and dynamic code is reported.
- "allowed" (dot_loop): nothing is reported; a graded function that calls it is charged its loops.
- "dimensions" (broadcast_shape): Python-level looping of any kind (LOOP001-LOOP006) is allowed,
  since it runs over a handful of dimensions; dynamic code and np.broadcast_* are reported.
- "iterations" (optimize): exactly one loop, which must count the training iterations. Any other
  for/while/comprehension is LOOP007 (a second loop, nested or not, here or in a helper); when no
  loop counts iterations, the first loop is LOOP008 (over examples or features). map, np.vectorize,
  recursion and dynamic code keep their own codes.
"""

from __future__ import annotations

from . import findings as text
from ..i18n import fill
from .calls import Charged
from .findings import CODES
from .iterations import over_iterations
from .visitor import Event

POLICIES = ("forbidden", "allowed", "dimensions", "iterations")

_NEVER_FROM_CODE = {"SYNTAX", "FORBIDDEN002", "LOOP007", "LOOP008"}
REPORTED: dict[str, frozenset[str]] = {
    "forbidden": frozenset(CODES) - _NEVER_FROM_CODE,
    "allowed": frozenset(),
    "dimensions": frozenset({"FORBIDDEN001", "FORBIDDEN002"}),
    "iterations": frozenset(CODES) - {"SYNTAX", "FORBIDDEN002"},
}

Item = tuple[Charged, Event]


def check_policy(policy: str) -> None:
    if policy not in POLICIES:
        raise ValueError(f"unknown loop policy {policy!r}: expected one of {', '.join(POLICIES)}")


def judge(policy: str, items: list[Item]) -> list[Item]:
    """The events a function with this policy is charged with, in their final codes."""
    check_policy(policy)
    if policy == "iterations":
        items = _one_loop_over_iterations(items)
    return [(charged, event) for charged, event in items if event.code in REPORTED[policy]]


def _one_loop_over_iterations(items: list[Item]) -> list[Item]:
    loops = [item for item in items if item[1].loop is not None]
    if not loops:
        return items
    counting = next((item for item in loops if over_iterations(item[1].loop, item[0].unit.node)),
                    None)
    kept = counting or loops[0]
    result = []
    for charged, event in items:
        if event.loop is None:
            result.append((charged, event))
        elif event is kept[1] and counting is not None:
            continue  # the one loop the exercise allows
        elif event is kept[1]:
            detail = fill(text.NOT_ITERATIONS, loop=event.detail)
            result.append((charged, Event("LOOP008", event.node, detail)))
        else:
            where = _where(kept, charged)
            detail = fill(text.SECOND_LOOP, where=where, loop=event.detail)
            result.append((charged, Event("LOOP007", event.node, detail)))
    return result


def _where(kept: Item, charged: Charged) -> str:
    cell, line = kept[0].unit.chunk.label, kept[1].node.lineno
    if cell == charged.unit.chunk.label:
        return fill(text.LINE, line=line)
    return fill(text.CELL_LINE, cell=cell, line=line)

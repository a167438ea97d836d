"""The benchmark's tables."""
from __future__ import annotations

from dataclasses import dataclass

GOAL_EACH, GOAL_TOTAL = 20.0, 30.0  # the default path against autograde + generate_feedback
FLAT_GROWTH = 1.10  # "flat": the larger batch's peak within 10% of the smaller one's


@dataclass
class Row:
    """Wall seconds of each whole command on one assignment's submissions."""

    assignment: str
    submissions: int
    autograde: float
    generate_feedback: float
    kit: float       # autograder grade (default path: with feedback)
    kit_bare: float  # autograder grade --no-feedback

    @property
    def stock_with_feedback(self) -> float:
        return self.autograde + self.generate_feedback

    @property
    def ratio(self) -> float:
        """The default paths: stock autograde + generate_feedback against the kit with feedback."""
        return self.stock_with_feedback / self.kit if self.kit > 0 else 0.0

    @property
    def bare_ratio(self) -> float:
        return self.autograde / self.kit_bare if self.kit_bare > 0 else 0.0


def speed_table(rows: list[Row]) -> str:
    header = (f"{'':<22}{'':>5}{'stock nbgrader':^22}{'autograder grade':^36}\n"
              f"{'assignment':<22}{'subs':>5}{'autograde':>11}{'+feedback':>11}"
              f"{'--no-feedback':>15}{'ratio':>7}{'default':>9}{'ratio':>7}")
    rule = "-" * len(header.splitlines()[1])
    lines = [header, rule, *(_line(r.assignment, r) for r in rows), rule]
    total = Row("total", sum(r.submissions for r in rows), *(sum(getattr(r, f) for r in rows)
                                                               for f in ("autograde", "generate_feedback", "kit", "kit_bare")))
    lines += [_line("total", total), _wall(total), "", _verdict(rows, total)]
    return "\n".join(lines)


def _line(label: str, r: Row) -> str:
    n = r.submissions
    return (f"{label:<22}{n:>5}{r.autograde / n:>11.3f}{r.stock_with_feedback / n:>11.3f}"
            f"{r.kit_bare / n:>15.3f}{r.bare_ratio:>6.1f}x{r.kit / n:>9.3f}{r.ratio:>6.1f}x")


def _wall(r: Row) -> str:
    return (f"{'wall time, s':<27}{r.autograde:>11.1f}{r.stock_with_feedback:>11.1f}"
            f"{r.kit_bare:>15.1f}{'':>7}{r.kit:>9.1f}")


def _verdict(rows: list[Row], total: Row) -> str:
    short = [f"{r.assignment} {r.ratio:.1f}x" for r in rows if r.ratio < GOAL_EACH]
    met = not short and total.ratio >= GOAL_TOTAL
    detail = "; ".join(short + ([f"total {total.ratio:.1f}x"] if total.ratio < GOAL_TOTAL else []))
    return (f"goal, default path (s/sub with feedback, stock / kit): {GOAL_EACH:g}x on each assignment, "
            f"{GOAL_TOTAL:g}x in total: {'met' if met else 'NOT met: ' + detail}")


def memory_table(results: list[tuple[int, object]]) -> str:
    """results: (batch size, Timed with peak_mb and largest_process_mb)."""
    lines = [f"  {'submissions':>11}{'wall s':>9}{'s/sub':>8}{'peak, all processes':>22}{'largest process':>18}"]
    for size, timed in results:
        lines.append(f"  {size:>11}{timed.seconds:>9.1f}{timed.seconds / size:>8.3f}"
                     f"{timed.peak_mb:>18.0f} MiB{timed.largest_process_mb:>14.0f} MiB")
    if len(results) > 1:
        (small, a), (large, b) = results[0], results[-1]
        growth = b.peak_mb / a.peak_mb if a.peak_mb else 0.0
        flat = growth <= FLAT_GROWTH
        lines.append(f"  {small} -> {large} submissions: peak x{growth:.2f} "
                     f"({'flat' if flat else 'NOT flat'}: goal within {FLAT_GROWTH - 1:.0%})")
    return "\n".join(lines)

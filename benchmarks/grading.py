"""Grading speed: stock nbgrader against `autograder grade`, same submissions, same run; the
student's self-check; the memory of a batch.

What it measures
  1. Three copies of the course (course_config.py, nbgrader_config.py, assignments/) in a temporary
     folder, each with the assignments released once.
  2. N submissions per assignment (default 60), honest and mixed: the demo students
     (demo/submissions/*/<assignment>.py) and the generated variants of tests/students.py in turn
     (correct, wrong, looping), named s001_ada, s002_ben, ..., the same files in every copy.
  3. Per assignment, each command timed whole by the wall clock, start-up and imports included:
       stock    `nbgrader autograde A`, then `nbgrader generate_feedback A` (AUTOGRADER_EXECUTOR=kernel:
                nbgrader as shipped, one Jupyter kernel per submission, sequential);
       kit      `autograder grade A --jobs J`: the default path (scores, results.json, autograded
                notebooks, feedback pages);
       kit bare `autograder grade A --jobs J --no-feedback`, in the third copy.
  4. Every grade cell's score of every student must be the same in the stock gradebook and in each
     of the kit's; mismatches are listed. By design, the kit withholds the vectorization point of a
     function that fails every case it is tested on, which a kernel cannot tell: those cells are
     left out of the comparison.
  5. The table: seconds per submission of each, and the ratios (stock / kit, "times faster"):
     `autograde` against the kit without feedback, `autograde` + `generate_feedback` against the
     kit's default path; per assignment and in total. The goals: the default path at 20x or more on
     each assignment, 30x or more in total.
  6. The self-check of one finished vectorization notebook: `python -m kitcheck NOTEBOOK` and one
     press of the Validate button, median wall time of 5 runs each (goal: under 0.5 s).
  7. Memory: `autograder grade vectorization --jobs 2` on 60 and on 600 submissions, the peak
     resident memory of the command and all its processes (goal: the same at both sizes).
  8. With --profile: the kit's default path on the first assignment once more under cProfile, the
     top 25 entries by cumulative time (the grading process only, not worker processes it starts).

Run it from the repository root (about 13 minutes on 2 cores with the defaults, nearly all of it
stock nbgrader; `--parts memory` alone takes about 3 minutes):

    .venv/bin/python -m benchmarks.grading [--per-assignment 60] [--jobs 2] [--assignments A ...]
                                           [--parts speed selfcheck memory] [--memory-sizes 60 600]
                                           [--profile] [--keep]
    make bench                          # everything
    make bench-memory                   # the memory runs alone

Exit status: 0 when the scores agree and every command succeeded, 1 otherwise (speed goals are
reported, not enforced). The temporary folder (logs of each command) is kept with --keep or when
something went wrong.
"""
from __future__ import annotations

import argparse
import os
import pstats
import shutil
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.course import REPO, make_course, submit
from benchmarks.report import Row, memory_table, speed_table
from benchmarks.scores import compare_copies, withheld  # noqa: F401 (withheld: tests/test_differential.py)
from benchmarks.selfcheck import self_check_benchmark
from benchmarks.timing import log_tail, run_timed, say, script

PROFILE_LINES = 25
MEMORY_JOBS = 2
MEMORY_ASSIGNMENT = "vectorization"
PARTS = ("speed", "selfcheck", "memory")


@dataclass
class Outcome:
    failures: list[str] = field(default_factory=list)
    compared: int = 0
    mismatches: list[tuple] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.mismatches


# ------------------------------------------------------------------------------------------------
# The commands
# ------------------------------------------------------------------------------------------------
def started_count(copy: Path, assignment: str, total: int, tree: str = "autograded"):
    """A progress callback: how many submissions have a folder in `tree` (autograded/, feedback/) so far."""
    return lambda: f"{len(list((copy / tree).glob(f'*/{assignment}')))}/{total} started"


def kit_args(assignment: str, jobs: int, feedback: bool = True) -> list[str]:
    # --force: every run grades the whole batch (a plain run skips what is graded already)
    return ["grade", assignment, "--jobs", str(jobs), "--force", *([] if feedback else ["--no-feedback"])]


def nbgrader(copy: Path, step: str, assignment: str, total: int, logs: Path):
    tree = "feedback" if step == "generate_feedback" else "autograded"
    return run_timed([script("nbgrader"), step, assignment], copy, "kernel", logs / f"stock-{step}-{assignment}.log",
                     started_count(copy, assignment, total, tree))


def kit(copy: Path, assignment: str, total: int, jobs: int, logs: Path, feedback: bool = True, memory=False):
    name = f"kit-{assignment}{'' if feedback else '-no-feedback'}-{total}.log"
    return run_timed([script("autograder"), *kit_args(assignment, jobs, feedback)], copy, "sandbox", logs / name,
                     started_count(copy, assignment, total), memory=memory)


def check_run(name: str, timed, outcome: Outcome) -> None:
    if timed.returncode != 0:
        outcome.failures.append(f"{name} exited {timed.returncode} (log: {timed.log})")
        say(f"  {name} failed; the end of its log:\n{log_tail(timed.log)}")


# ------------------------------------------------------------------------------------------------
# The parts
# ------------------------------------------------------------------------------------------------
def speed(folder: Path, args, outcome: Outcome) -> Path:
    """Stock against the kit on every assignment; the kit's course copy (for the self-check)."""
    logs = folder / "logs"
    say("building three course copies and releasing ...")
    stock_copy, kit_copy, bare_copy = (make_course(folder / name, args.assignments) for name in ("stock", "kit", "bare"))
    rows = []
    for assignment in args.assignments:
        students = submit([stock_copy, kit_copy, bare_copy], assignment, args.per_assignment, folder / "sources")
        n = len(students)
        say(f"\n{assignment}: {n} submissions written")
        runs = {"nbgrader autograde": lambda: nbgrader(stock_copy, "autograde", assignment, n, logs),
                "nbgrader generate_feedback": lambda: nbgrader(stock_copy, "generate_feedback", assignment, n, logs),
                "autograder grade": lambda: kit(kit_copy, assignment, n, args.jobs, logs),
                "autograder grade --no-feedback": lambda: kit(bare_copy, assignment, n, args.jobs, logs, feedback=False)}
        timed = {}
        for name, run in runs.items():
            timed[name] = run()
            say(f"  {name + ':':32}{timed[name].seconds:7.1f} s  ({timed[name].seconds / n:.3f} s per submission)")
            check_run(f"{name} {assignment}", timed[name], outcome)
        for copy in (kit_copy, bare_copy):
            cells, wrong = compare_copies(stock_copy, copy, assignment, students)
            say(f"  scores, stock against {copy.name}: {cells} cell scores compared, {len(wrong)} differ")
            outcome.compared += cells
            outcome.mismatches += wrong
        rows.append(Row(assignment, n, *(timed[name].seconds for name in runs)))
    say(f"\nseconds per submission (wall time of the whole command / submissions; ratio = stock / kit), "
        f"{os.cpu_count()} cores, `--jobs {args.jobs}`:")
    say(speed_table(rows))
    say(f"\nscores: {outcome.compared} grade-cell scores compared, {len(outcome.mismatches)} differ")
    for student, assignment, cell, a, b in outcome.mismatches:
        say(f"  MISMATCH {student} {assignment} {cell}: stock {a}, kit {b}")
    return kit_copy


def memory(folder: Path, sizes: list[int], outcome: Outcome) -> None:
    say(f"\nmemory: `autograder {' '.join(kit_args(MEMORY_ASSIGNMENT, MEMORY_JOBS))}`, peak resident memory "
        "of the command and every process it started (sampled every 0.1 s):")
    results = []
    for size in sizes:
        copy = make_course(folder / f"memory-{size}", [MEMORY_ASSIGNMENT])
        submit([copy], MEMORY_ASSIGNMENT, size, folder / "sources")
        timed = kit(copy, MEMORY_ASSIGNMENT, size, MEMORY_JOBS, folder / "logs", memory=True)
        check_run(f"autograder grade {MEMORY_ASSIGNMENT} ({size} submissions)", timed, outcome)
        say(f"  {size} submissions: {timed.seconds:.1f} s, peak {timed.peak_mb:.0f} MiB")
        results.append((size, timed))
    say(memory_table(results))


def profile(copy: Path, assignment: str, jobs: int, logs: Path) -> None:
    out = logs / f"kit-{assignment}.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "autograder", *kit_args(assignment, jobs)]
    say(f"\nprofiling `autograder {' '.join(kit_args(assignment, jobs))}` (regrade) ...")
    timed = run_timed(command, copy, "sandbox", logs / f"profile-{assignment}.log")
    say(f"  {timed.seconds:.1f} s under cProfile; top {PROFILE_LINES} by cumulative time "
        f"(this process only: time in worker processes shows as waiting):")
    if not out.exists():
        say(f"  no profile written; the log says:\n{log_tail(timed.log)}")
        return
    pstats.Stats(str(out), stream=sys.stdout).strip_dirs().sort_stats("cumulative").print_stats(PROFILE_LINES)
    sys.stdout.flush()


# ------------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------------
def arguments(argv: list[str] | None):
    from autograder.config import assignment_names

    known = assignment_names(REPO)
    top = argparse.ArgumentParser(prog="python -m benchmarks.grading", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--per-assignment", type=int, default=60, metavar="N",
                     help="submissions generated per assignment (default 60)")
    top.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                     help="parallel jobs for `autograder grade` (default: the number of cores)")
    top.add_argument("--assignments", nargs="+", choices=known, default=known, metavar="ASSIGNMENT",
                     help=f"assignments to grade (default: all: {' '.join(known)})")
    top.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS),
                     help="what to measure (default: all): speed against stock nbgrader, the self-check, memory")
    top.add_argument("--memory-sizes", nargs="+", type=int, default=[60, 600], metavar="N",
                     help="batch sizes of the memory runs (default: 60 600)")
    top.add_argument("--profile", action="store_true",
                     help="also profile the kit's grading of the first assignment (cProfile, top 25 cumulative)")
    top.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, course copies)")
    args = top.parse_args(argv)
    if args.per_assignment < 1 or args.jobs < 1 or min(args.memory_sizes) < 1:
        top.error("--per-assignment, --jobs and --memory-sizes must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    import nbgrader

    args = arguments(argv)
    warnings.filterwarnings("ignore", module="nbgrader.api")
    folder = Path(tempfile.mkdtemp(prefix="autograder-bench-"))
    (folder / "logs").mkdir()
    say(f"grading benchmark: {', '.join(args.parts)}; {args.per_assignment} submissions per assignment, "
        f"{', '.join(args.assignments)}; {os.cpu_count()} cores; nbgrader {nbgrader.__version__}")
    say(f"  working folder: {folder}")
    started, outcome, kit_copy = time.perf_counter(), Outcome(), None
    if "speed" in args.parts:
        kit_copy = speed(folder, args, outcome)
    if "selfcheck" in args.parts:
        if kit_copy is None or "vectorization" not in args.assignments:
            kit_copy = make_course(folder / "check", ["vectorization"])
        checked = self_check_benchmark(folder / "selfcheck" / "vectorization", kit_copy / "release" / "vectorization")
        if not checked.ok:
            outcome.failures.append("the self-check of the finished notebook did not pass (exit status above)")
    if "memory" in args.parts:
        memory(folder, args.memory_sizes, outcome)
    if args.profile and kit_copy is not None and "speed" in args.parts:
        profile(kit_copy, args.assignments[0], args.jobs, folder / "logs")
    for failure in outcome.failures:
        say(f"  FAILED {failure}")
    say(f"\nbenchmark finished in {time.perf_counter() - started:.0f} s: "
        f"{'every command succeeded, scores agree' if outcome.ok else 'FAILED (see above)'}")
    if args.keep or not outcome.ok:
        say(f"kept {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Grading speed: stock `nbgrader autograde` against `autograder grade --jobs N`, same submissions, same run.

What it measures
  1. Two copies of the course (course_config.py, nbgrader_config.py, assignments/) in a temporary
     folder, each with the assignments released once.
  2. N submissions per assignment (default 60), honest and mixed: the demo students
     (demo/submissions/*/<assignment>.py) and the generated variants of tests/students.py in turn,
     named s001_ada, s002_ben, ..., written into submitted/<student>/<assignment>/ of both copies.
  3. Copy A is graded by nbgrader as shipped: `nbgrader autograde ASSIGNMENT` (sequential), with
     AUTOGRADER_EXECUTOR=kernel. Copy B is graded by `autograder grade ASSIGNMENT --jobs N
     --no-feedback`, with AUTOGRADER_EXECUTOR=sandbox: the same work as autograde (execute, score,
     record the gradebook; the kit also writes results.json), without the feedback HTML that
     `nbgrader generate_feedback` writes separately. Each is the whole command, timed by the wall
     clock: start-up and imports included.
  4. Every grade cell's score of every student in both gradebooks must agree; mismatches are listed.
     By design, the kit withholds the vectorization point of a function that fails every case it is
     tested on, which a kernel cannot tell: those cells are left out of the comparison.
  5. A table of seconds per submission for both and the ratio (stock / kit, "times faster"), and
     `autograder check` against `nbgrader validate` on one finished vectorization notebook (the
     reference solution pasted into the release), the median wall time of 3 runs of each.
  6. With --profile: the kit's grading of the first assignment once more under cProfile, the top 25
     entries by cumulative time (the grading process only, not worker processes it starts).

Run it from the repository root (it takes minutes: stock nbgrader spends about 2 s per submission):

    .venv/bin/python -m benchmarks.grading [--per-assignment 60] [--jobs 2] [--assignments A ...]
                                           [--profile] [--keep]
    make bench

Exit status: 0 when the scores agree and every grading command succeeded, 1 otherwise. The
temporary folder (logs of each command) is kept with --keep or when something went wrong.
"""
from __future__ import annotations

import argparse
import itertools
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "demo" / "submissions"
SCRIPTS = Path(sys.executable).parent  # the virtualenv's bin/: nbgrader, autograder, alembic
HEARTBEAT_SECONDS = 15.0
CHECK_RUNS = 3
PROFILE_LINES = 25


def say(*parts) -> None:
    print(*parts, flush=True)


# ------------------------------------------------------------------------------------------------
# Course copies and submissions
# ------------------------------------------------------------------------------------------------
def make_course(root: Path, assignments: list[str]) -> Path:
    """A course root holding the repo's configuration and assignments, each assignment released."""
    from autograder.authoring.course_copy import copy_course

    return copy_course(REPO, root, assignments)


def submission_pool(assignment: str, sources: Path) -> list[tuple[str, Path]]:
    """(label, student file): the demo students and the generated variants of tests/students.py,
    alternating, so that even a small run is mixed."""
    from tests.students import STUDENTS, source_of

    demo = [(path.parent.name, path) for path in sorted(DEMO.glob(f"*/{assignment}.py"))]
    generated = []
    for label in STUDENTS.get(assignment, {}):
        path = sources / assignment / f"{label}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source_of(assignment, label))
        generated.append((label, path))
    pairs = itertools.zip_longest(demo, generated)
    return [entry for pair in pairs for entry in pair if entry is not None]


def submit(copies: list[Path], assignment: str, count: int, sources: Path) -> list[str]:
    """Write `count` submissions, cycling through the pool, into submitted/ of every copy."""
    from autograder.authoring.submissions import write_submission

    pool = submission_pool(assignment, sources)
    students = []
    for i in range(count):
        label, student_file = pool[i % len(pool)]
        student = f"s{i + 1:03d}_{label}"
        for copy in copies:
            release_nb = copy / "release" / assignment / f"{assignment}.ipynb"
            write_submission(release_nb, student_file, copy / "submitted" / student / assignment)
        students.append(student)
    return students


# ------------------------------------------------------------------------------------------------
# Timed commands
# ------------------------------------------------------------------------------------------------
@dataclass
class Timed:
    seconds: float
    returncode: int
    log: Path


def env_for(executor: str) -> dict[str, str]:
    env = dict(os.environ, AUTOGRADER_EXECUTOR=executor)
    env["PATH"] = str(SCRIPTS) + os.pathsep + env.get("PATH", "")  # nbgrader runs `alembic` from PATH
    return env


def run_timed(command: list[str], cwd: Path, executor: str, log: Path, progress=None) -> Timed:
    """Run `command` to completion, output to `log`; wall-clock seconds. `progress()` -> a status line."""
    with open(log, "w") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env_for(executor), stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        while True:
            try:
                returncode = process.wait(timeout=HEARTBEAT_SECONDS if progress else None)
                break
            except subprocess.TimeoutExpired:
                say(f"    ... {progress()} after {time.perf_counter() - started:.0f} s")
        seconds = time.perf_counter() - started
    return Timed(seconds, returncode, log)


def started_count(copy: Path, assignment: str, total: int):
    """A progress callback: how many submissions have an autograded/ folder so far."""
    return lambda: f"{len(list((copy / 'autograded').glob(f'*/{assignment}')))}/{total} started"


def script(name: str) -> str:
    path = SCRIPTS / name
    if not path.exists():
        raise SystemExit(f"no {path}: run with the virtualenv's python (.venv/bin/python -m benchmarks.grading)")
    return str(path)


def grade_stock(copy: Path, assignment: str, total: int, logs: Path) -> Timed:
    return run_timed([script("nbgrader"), "autograde", assignment], copy, "kernel",
                     logs / f"stock-{assignment}.log", started_count(copy, assignment, total))


def kit_grade_args(assignment: str, jobs: int) -> list[str]:
    return ["grade", assignment, "--jobs", str(jobs), "--no-feedback"]


def grade_kit(copy: Path, assignment: str, total: int, jobs: int, logs: Path) -> Timed:
    return run_timed([script("autograder"), *kit_grade_args(assignment, jobs)], copy, "sandbox",
                     logs / f"kit-{assignment}.log", started_count(copy, assignment, total))


def log_tail(log: Path, lines: int = 15) -> str:
    return "\n".join("      " + line for line in log.read_text(errors="replace").splitlines()[-lines:])


# ------------------------------------------------------------------------------------------------
# Scores
# ------------------------------------------------------------------------------------------------
def gradebook_scores(copy: Path, assignment: str, students: list[str]) -> dict[str, dict[str, float] | None]:
    """student -> {grade cell -> score}, or None where the gradebook has no such submission."""
    from nbgrader.api import Gradebook, MissingEntry

    from autograder.config import load_config

    course_id = load_config(copy).CourseDirectory.course_id
    scores = {}
    with Gradebook(f"sqlite:///{copy / 'gradebook.db'}", course_id=course_id) as gradebook:
        for student in students:
            try:
                notebook = gradebook.find_submission_notebook(assignment, assignment, student)
                scores[student] = {grade.name: grade.score for grade in notebook.grades}
            except MissingEntry:
                scores[student] = None
    return scores


def withheld(root: Path) -> set[tuple[str, str, str]]:
    """(assignment, student, cell) of the vectorization points the kit withholds by design: from a
    function that fails every case it is tested on (NOT_WORKING), which a Jupyter kernel cannot tell
    (it stops at the first failing case), so stock nbgrader gives them."""
    import json

    found = set()
    for path in (root / "autograded").glob("*/*/results.json"):
        for test in json.loads(path.read_text())["tests"]:
            if "NOT_WORKING" in test["extra_data"]["codes"]:
                found.add((path.parent.name, path.parent.parent.name, f"vectorized_{test['extra_data']['function']}"))
    return found


def compare_scores(stock: dict, kit: dict, assignment: str, by_design: set = frozenset()) -> tuple[int, list[tuple]]:
    """(number of cell scores compared, [(student, assignment, cell, stock score, kit score)]);
    the cells in `by_design` (see withheld) are not compared."""
    compared, mismatches = 0, []
    for student in stock:
        a, b = stock[student], kit[student]
        if a is None or b is None:
            mismatches.append((student, assignment, "(whole submission)",
                               "missing" if a is None else "graded", "missing" if b is None else "graded"))
            continue
        for cell in sorted((set(a) | set(b)) - {c for (_, s, c) in by_design if s == student}):
            compared += 1
            if a.get(cell) != b.get(cell):
                mismatches.append((student, assignment, cell, a.get(cell), b.get(cell)))
    return compared, mismatches


# ------------------------------------------------------------------------------------------------
# Self-check: autograder check against nbgrader validate
# ------------------------------------------------------------------------------------------------
def finished_notebook(folder: Path, release_folder: Path) -> Path:
    """The vectorization release (kitcheck/ included) with the reference solution pasted in."""
    from autograder.authoring.submissions import write_submission
    from tests.students import reference_source

    shutil.copytree(release_folder, folder)
    source = folder.parent / "reference_vectorization.py"
    source.write_text(reference_source("vectorization"))
    return write_submission(release_folder / "vectorization.ipynb", source, folder)


def median_time(command: list[str], cwd: Path, executor: str, log: Path) -> tuple[float, int]:
    runs = [run_timed(command, cwd, executor, log.with_suffix(f".{i}.log")) for i in range(CHECK_RUNS)]
    return statistics.median(r.seconds for r in runs), max(r.returncode for r in runs)


def self_check_benchmark(folder: Path, release_folder: Path, logs: Path) -> None:
    notebook = finished_notebook(folder, release_folder)
    say(f"\nself-check of one finished notebook ({notebook.name}, reference solution), "
        f"median wall time of {CHECK_RUNS} runs:")
    validate, validate_rc = median_time([script("nbgrader"), "validate", notebook.name], folder, "kernel",
                                        logs / "validate.log")
    check, check_rc = median_time([script("autograder"), "check", notebook.name], folder, "sandbox",
                                  logs / "check.log")
    say(f"  nbgrader validate   {validate:6.2f} s   (exit {validate_rc})")
    say(f"  autograder check    {check:6.2f} s   (exit {check_rc}{'' if check_rc == 0 else ': a check failed'})")
    say(f"  ratio               {validate / check:6.1f}x")


# ------------------------------------------------------------------------------------------------
# Profile
# ------------------------------------------------------------------------------------------------
def profile_kit(copy: Path, assignment: str, jobs: int, logs: Path) -> None:
    out = logs / f"kit-{assignment}.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "autograder",
               *kit_grade_args(assignment, jobs), "--force"]
    say(f"\nprofiling `autograder {' '.join(kit_grade_args(assignment, jobs))}` (regrade) ...")
    timed = run_timed(command, copy, "sandbox", logs / f"profile-{assignment}.log")
    say(f"  {timed.seconds:.1f} s under cProfile; top {PROFILE_LINES} by cumulative time "
        f"(this process only: time in worker processes shows as waiting):")
    if not out.exists():
        say(f"  no profile written; the log says:\n{log_tail(timed.log)}")
        return
    pstats.Stats(str(out), stream=sys.stdout).strip_dirs().sort_stats("cumulative").print_stats(PROFILE_LINES)
    sys.stdout.flush()


# ------------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------------
@dataclass
class Row:
    assignment: str
    submissions: int
    stock: float
    kit: float


def ratio(stock: float, kit: float) -> str:
    return f"{stock / kit:.1f}x" if kit > 0 else "-"


def table(rows: list[Row]) -> str:
    header = f"{'assignment':<22}{'submissions':>12}{'stock s/sub':>13}{'kit s/sub':>11}{'ratio':>9}"
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(f"{r.assignment:<22}{r.submissions:>12}{r.stock / r.submissions:>13.3f}"
                     f"{r.kit / r.submissions:>11.3f}{ratio(r.stock, r.kit):>9}")
    n = sum(r.submissions for r in rows)
    stock, kit = sum(r.stock for r in rows), sum(r.kit for r in rows)
    lines.append("-" * len(header))
    lines.append(f"{'total':<22}{n:>12}{stock / n:>13.3f}{kit / n:>11.3f}{ratio(stock, kit):>9}")
    lines.append(f"{'':<22}{'wall time':>12}{stock:>12.1f}s{kit:>10.1f}s")
    return "\n".join(lines)


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
    top.add_argument("--profile", action="store_true",
                     help="also profile the kit's grading of the first assignment (cProfile, top 25 cumulative)")
    top.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, course copies)")
    args = top.parse_args(argv)
    if args.per_assignment < 1 or args.jobs < 1:
        top.error("--per-assignment and --jobs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    import nbgrader

    args = arguments(argv)
    warnings.filterwarnings("ignore", module="nbgrader.api")
    folder = Path(tempfile.mkdtemp(prefix="autograder-bench-"))
    logs = folder / "logs"
    logs.mkdir()
    say(f"grading benchmark: {args.per_assignment} submissions per assignment, "
        f"{', '.join(args.assignments)}; {os.cpu_count()} cores; nbgrader {nbgrader.__version__}")
    say(f"  stock: `nbgrader autograde ASSIGNMENT` (AUTOGRADER_EXECUTOR=kernel, sequential)")
    say(f"  kit:   `autograder {' '.join(kit_grade_args('ASSIGNMENT', args.jobs))}` "
        f"(AUTOGRADER_EXECUTOR=sandbox)")
    say(f"  working folder: {folder}")

    started = time.perf_counter()
    say("building two course copies and releasing ...")
    stock_copy = make_course(folder / "stock", args.assignments)
    kit_copy = make_course(folder / "kit", args.assignments)

    rows, failures, compared, mismatches = [], [], 0, []
    for assignment in args.assignments:
        students = submit([stock_copy, kit_copy], assignment, args.per_assignment, folder / "sources")
        n = len(students)
        say(f"\n{assignment}: {n} submissions written")
        say(f"  stock nbgrader autograde ...")
        stock = grade_stock(stock_copy, assignment, n, logs)
        say(f"  stock: {stock.seconds:.1f} s ({stock.seconds / n:.3f} s per submission), exit {stock.returncode}")
        say(f"  autograder grade ...")
        kit = grade_kit(kit_copy, assignment, n, args.jobs, logs)
        say(f"  kit:   {kit.seconds:.1f} s ({kit.seconds / n:.3f} s per submission), exit {kit.returncode}")
        for name, timed in (("nbgrader autograde", stock), ("autograder grade", kit)):
            if timed.returncode != 0:
                failures.append(f"{name} {assignment} exited {timed.returncode} (log: {timed.log})")
                say(f"  {name} failed; the end of its log:\n{log_tail(timed.log)}")
        by_design = {key for key in withheld(kit_copy) if key[0] == assignment}
        cells, wrong = compare_scores(gradebook_scores(stock_copy, assignment, students),
                                      gradebook_scores(kit_copy, assignment, students), assignment, by_design)
        say(f"  scores: {cells} cell scores compared, {len(wrong)} mismatches")
        compared += cells
        mismatches += wrong
        rows.append(Row(assignment, n, stock.seconds, kit.seconds))

    say(f"\nseconds per submission (wall time of the whole command / submissions; ratio = stock / kit):")
    say(table(rows))
    say(f"\nscores: {compared} grade-cell scores compared across both gradebooks, {len(mismatches)} mismatches")
    for student, assignment, cell, a, b in mismatches:
        say(f"  MISMATCH {student} {assignment} {cell}: stock {a}, kit {b}")
    for failure in failures:
        say(f"  FAILED {failure}")

    released = kit_copy if "vectorization" in args.assignments else make_course(folder / "check", ["vectorization"])
    self_check_benchmark(folder / "selfcheck" / "vectorization", released / "release" / "vectorization", logs)
    if args.profile:
        profile_kit(kit_copy, args.assignments[0], args.jobs, logs)

    ok = not mismatches and not failures
    say(f"\nbenchmark finished in {time.perf_counter() - started:.0f} s: "
        f"{'scores agree' if ok else 'FAILED (see above)'}")
    if args.keep or not ok:
        say(f"kept {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

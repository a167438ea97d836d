"""Grading past one machine: a Dask cluster against local processes, and the gradebook writer on PostgreSQL.

What it measures
  1. Two released copies of the course and the same N submissions per assignment in both (the
     demo students and the generated variants, as `make bench` writes them).
  2. Copy A is graded by `autograder grade ASSIGNMENT --jobs 2 --no-feedback`; copy B by
     `autograder grade ASSIGNMENT --scheduler ADDRESS --no-feedback` on a local Dask cluster: a
     `dask scheduler` and 2 `dask worker` processes (one thread each), started once, before. Each
     command is timed by the wall clock (start-up, the workers' warm-up and the gradebook included),
     with the client's own CPU time. Every grade cell's score must agree between the two gradebooks.
  3. The gradebook writer alone (autograder.pipeline.gradebook.Recorder, as `autograder grade`
     runs it) on a PostgreSQL server started for it (Debian's binaries, default durability: fsync
     on), writing W synthetic graded submissions of the vectorization assignment (default 10,000):
     submissions and grade cells written per second. For comparison, one transaction per
     submission (what nbgrader's own helpers do) on the first 1,000, and SQLite.
  4. From these: how long 10,000 submissions take on a cluster of W worker processes, and which
     part stops scaling first.

    .venv/bin/python -m benchmarks.cluster [--per-assignment 40] [--writes 10000] [--keep]
    make bench-cluster

Exit status: 0 when the scores agree and every command succeeded, 1 otherwise.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.grading import REPO, compare_scores, gradebook_scores, make_course, run_timed, say, submit

WORKERS = 2
ESTIMATE_SUBMISSIONS = 10_000
ESTIMATE_WORKERS = (2, 8, 32, 128, 512)


@dataclass
class Run:
    seconds: float
    client_cpu: float  # CPU seconds of the `autograder grade` process itself (its start-up left out)
    returncode: int


def timed_grade(copy: Path, args: list[str], log: Path) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    timed = run_timed([str(Path(sys.executable).parent / "autograder"), "grade", *args], copy, "sandbox", log)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(timed.seconds, cpu, timed.returncode)


def grading(folder: Path, assignments: list[str], per_assignment: int) -> tuple[list, bool]:
    """(rows of (assignment, n, local Run, cluster Run), whether the scores agree)."""
    from tests.services import DaskCluster

    local, clustered = make_course(folder / "local", assignments), make_course(folder / "cluster", assignments)
    rows, agree = [], True
    with DaskCluster(workers=WORKERS, folder=folder / "dask") as cluster:
        say(f"  local Dask cluster at {cluster.address}: {WORKERS} worker processes, 1 thread each")
        for assignment in assignments:
            students = submit([local, clustered], assignment, per_assignment, folder / "sources")
            say(f"\n{assignment}: {len(students)} submissions")
            a = timed_grade(local, [assignment, "--jobs", str(WORKERS), "--no-feedback"],
                            folder / f"local-{assignment}.log")
            say(f"  --jobs {WORKERS}:    {a.seconds:6.1f} s, {len(students) / a.seconds:5.2f} submissions/s, "
                f"exit {a.returncode}")
            b = timed_grade(clustered, [assignment, "--scheduler", cluster.address, "--no-feedback"],
                            folder / f"cluster-{assignment}.log")
            say(f"  --scheduler: {b.seconds:6.1f} s, {len(students) / b.seconds:5.2f} submissions/s, "
                f"exit {b.returncode}")
            again = timed_grade(clustered, [assignment, "--scheduler", cluster.address, "--no-feedback"],
                                folder / f"cluster-again-{assignment}.log")  # nothing left: the fixed cost
            b.client_cpu = max(0.0, b.client_cpu - again.client_cpu)
            compared, wrong = compare_scores(gradebook_scores(local, assignment, students),
                                             gradebook_scores(clustered, assignment, students), assignment)
            say(f"  scores: {compared} cell scores compared, {len(wrong)} mismatches")
            agree = agree and not wrong and a.returncode == b.returncode == 0
            say(f"  the client's CPU: {b.client_cpu / len(students) * 1000:.0f} ms per submission, start-up left out")
            rows.append((assignment, len(students), a, b))
    return rows, agree


def synthetic(assignment: str, count: int, root: Path) -> list:
    """`count` graded submissions with random scores in every grade cell, as the graders hand them over."""
    from autograder.config import units
    from autograder.pipeline.submission import Graded

    graded = units(root, assignment)
    cells = [u.test_cell_id for u in graded] + [u.vectorized_cell_id for u in graded if u.has_vectorization_cell]
    rng = random.Random(2026)
    return [Graded(f"w{i:05d}", [], scores={c: float(rng.randint(0, 1)) for c in cells},
                   timestamp=f"2026-03-01 12:{i // 600 % 60:02d}:{i // 10 % 60:02d}.{i % 10:06d} UTC")
            for i in range(count)]


def write_rate(root: Path, assignment: str, batch: list, per_transaction: int | None = None) -> float:
    """Submissions recorded per second by the batch's writer (its transactions of `per_transaction`)."""
    from autograder.course_dir import course_dir
    from autograder.pipeline.gradebook import BATCH, Recorder

    started = time.perf_counter()
    with Recorder(course_dir(root), assignment, per_transaction or BATCH) as recorder:
        for graded in batch:
            recorder.add(graded)
    return len(batch) / (time.perf_counter() - started)


def writer(folder: Path, writes: int) -> dict[str, float]:
    """Recorded submissions per second: PostgreSQL batched, one per transaction, and SQLite batched."""
    from tests.demo_batch import gradebook_url
    from tests.services import PostgresServer

    assignment, rates = "vectorization", {}
    with PostgresServer(durable=True) as server:
        with gradebook_url(server.database("bench")):
            postgres = make_course(folder / "writer-postgres", [assignment])
        with gradebook_url(server.database("bench_single")):
            single = make_course(folder / "writer-postgres-single", [assignment])
        rates["postgresql"] = write_rate(postgres, assignment, synthetic(assignment, writes, postgres))
        say(f"  PostgreSQL, transactions of up to 200: {writes} submissions, {rates['postgresql']:.0f} per second")
        few = min(writes, 1000)
        rates["postgresql, 1 per transaction"] = write_rate(single, assignment, synthetic(assignment, few, single), 1)
        say(f"  PostgreSQL, one per transaction:       {few} submissions, "
            f"{rates['postgresql, 1 per transaction']:.0f} per second")
    sqlite = make_course(folder / "writer-sqlite", [assignment])
    rates["sqlite"] = write_rate(sqlite, assignment, synthetic(assignment, writes, sqlite))
    say(f"  SQLite, transactions of up to 200:     {writes} submissions, {rates['sqlite']:.0f} per second")
    return rates


def estimate(rows: list, rates: dict[str, float]) -> None:
    """10,000 submissions on W workers: the workers' share, the client's and the writer's, whichever is longest."""
    n = sum(r[1] for r in rows)
    cluster_seconds = sum(r[3].seconds for r in rows)
    per_worker = cluster_seconds * WORKERS / n  # worker-seconds per submission, start-up included
    client = sum(r[3].client_cpu for r in rows) / n  # the client's CPU per submission (read, score, write)
    per_write = 1 / rates["postgresql"]
    say(f"\nper submission: {per_worker:.3f} worker-seconds; client {client * 1000:.0f} ms of CPU; "
        f"PostgreSQL writer {per_write * 1000:.1f} ms")
    say(f"{ESTIMATE_SUBMISSIONS} submissions on W worker processes (the longest of the three bounds):")
    say(f"{'W':>6}{'workers':>10}{'client':>10}{'writer':>10}{'total':>10}  bound by")
    for w in ESTIMATE_WORKERS:
        parts = {"workers": ESTIMATE_SUBMISSIONS * per_worker / w, "client": ESTIMATE_SUBMISSIONS * client,
                 "writer": ESTIMATE_SUBMISSIONS * per_write}
        bound = max(parts, key=parts.get)
        say(f"{w:>6}" + "".join(f"{parts[k] / 60:>9.1f}m" for k in ("workers", "client", "writer"))
            + f"{parts[bound] / 60:>9.1f}m  {bound}")


def main(argv: list[str] | None = None) -> int:
    from autograder.config import assignment_names
    from autograder.own_scripts import find_own_scripts

    top = argparse.ArgumentParser(prog="python -m benchmarks.cluster", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--per-assignment", type=int, default=40, metavar="N")
    top.add_argument("--writes", type=int, default=ESTIMATE_SUBMISSIONS, metavar="W",
                     help="synthetic submissions the gradebook writer records (default 10000)")
    top.add_argument("--assignments", nargs="+", default=assignment_names(REPO), metavar="ASSIGNMENT")
    top.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, course copies)")
    args = top.parse_args(argv)
    find_own_scripts()  # nbgrader runs `alembic` from PATH
    folder = Path(tempfile.mkdtemp(prefix="autograder-bench-cluster-"))
    say(f"cluster benchmark: {args.per_assignment} submissions per assignment; {os.cpu_count()} cores; "
        f"working folder {folder}")
    started = time.perf_counter()
    rows, agree = grading(folder, args.assignments, args.per_assignment)
    n = sum(r[1] for r in rows)
    local, cluster = sum(r[2].seconds for r in rows), sum(r[3].seconds for r in rows)
    say(f"\nthroughput: --jobs {WORKERS} {n / local:.2f} submissions/s, Dask cluster of {WORKERS} workers "
        f"{n / cluster:.2f} submissions/s ({(n / cluster) / (n / local) * 100:.0f}% of local); "
        f"scores {'agree' if agree else 'DIFFER or a command failed'}")
    say(f"\ngradebook writer ({args.writes} synthetic submissions of vectorization, "
        f"{len(synthetic('vectorization', 1, REPO)[0].scores)} grade cells each):")
    rates = writer(folder, args.writes)
    estimate(rows, rates)
    say(f"\nbenchmark finished in {time.perf_counter() - started:.0f} s")
    if args.keep or not agree:
        say(f"kept {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())

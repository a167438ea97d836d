"""The student's self-check on one finished notebook: `python -m kitcheck NOTEBOOK` in the release
folder, and nbgrader's Validate button (benchmarks.validate_button), each the median of RUNS.

Both run with Python's bytecode cache allowed, as on a student's machine (this machine's
environment may set PYTHONDONTWRITEBYTECODE, which makes every run compile kitcheck/ anew): the
first run writes the cache, like a student's first run."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.course import REPO, finished_notebook
from benchmarks.timing import say

RUNS = 5
GOAL_SECONDS = 0.5


@dataclass
class SelfCheck:
    kitcheck: float  # median wall seconds
    validate: float
    ok: bool


def student_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(REPO)}  # benchmarks.validate_button; the notebook's kitcheck/ comes first


def kitcheck_runs(folder: Path, notebook: str, runs: int) -> tuple[list[float], int]:
    seconds, worst = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kitcheck", notebook], cwd=folder, env=student_env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - started)
        worst = max(worst, done.returncode)
    return seconds, worst


def validate_presses(folder: Path, notebook: str, runs: int) -> list[float]:
    done = subprocess.run([sys.executable, "-m", "benchmarks.validate_button", notebook, str(runs)], cwd=folder,
                          env=student_env(), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the Validate measurement failed: {done.stderr.strip()[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def self_check_benchmark(folder: Path, release_folder: Path) -> SelfCheck:
    notebook = finished_notebook(folder, release_folder).name
    say(f"\nself-check of one finished notebook ({notebook}, the reference solution pasted into the release), "
        f"median wall time of {RUNS} runs (goal: under {GOAL_SECONDS} s):")
    runs, status = kitcheck_runs(folder, notebook, RUNS)
    presses = validate_presses(folder, notebook, RUNS)
    result = SelfCheck(statistics.median(runs), statistics.median(presses), status == 0)
    say(f"  {'python -m kitcheck ' + notebook:<40}{result.kitcheck:5.2f} s  (runs: {_listed(runs)}; exit {status})")
    say(f"  {'Validate button, one press':<40}{result.validate:5.2f} s  (presses: {_listed(presses)}; "
        "nbgrader's handler in a warm process)")
    return result


def _listed(seconds: list[float]) -> str:
    return " ".join(f"{s:.2f}" for s in seconds)

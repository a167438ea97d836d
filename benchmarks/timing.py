"""Whole commands timed by the wall clock, with their output in a log, and optionally the peak
memory of the command and every process it started."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.memory import PeakMemory

SCRIPTS = Path(sys.executable).parent  # the virtualenv's bin/: nbgrader, autograder, alembic
HEARTBEAT_SECONDS = 15.0


def say(*parts) -> None:
    print(*parts, flush=True)


@dataclass
class Timed:
    seconds: float
    returncode: int
    log: Path
    peak_mb: float = 0.0           # all processes of the command at once (see PeakMemory)
    largest_process_mb: float = 0.0


def script(name: str) -> str:
    path = SCRIPTS / name
    if not path.exists():
        raise SystemExit(f"no {path}: run with the virtualenv's python (.venv/bin/python -m benchmarks.grading)")
    return str(path)


def env_for(executor: str) -> dict[str, str]:
    env = dict(os.environ, AUTOGRADER_EXECUTOR=executor)
    env["PATH"] = str(SCRIPTS) + os.pathsep + env.get("PATH", "")  # nbgrader runs `alembic` from PATH
    return env


def run_timed(command: list[str], cwd: Path, executor: str, log: Path, progress=None,
              memory: bool = False) -> Timed:
    """Run `command` to completion, output to `log`; wall-clock seconds. `progress()` -> a status
    line, printed now and then; `memory` samples the command's process tree (it costs some CPU, so
    the speed runs leave it off)."""
    with open(log, "w") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env_for(executor), stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        sampler = PeakMemory(process.pid).start() if memory else None
        while True:
            try:
                returncode = process.wait(timeout=HEARTBEAT_SECONDS if progress else None)
                break
            except subprocess.TimeoutExpired:
                say(f"    ... {progress()} after {time.perf_counter() - started:.0f} s")
        seconds = time.perf_counter() - started
    timed = Timed(seconds, returncode, log)
    if sampler is not None:
        timed.peak_mb, timed.largest_process_mb = sampler.stop()
    return timed


def median_time(command: list[str], cwd: Path, executor: str, log: Path, runs: int) -> tuple[float, int]:
    """(median wall seconds of `runs` runs, the worst exit status)."""
    timed = [run_timed(command, cwd, executor, log.with_suffix(f".{i}.log")) for i in range(runs)]
    return statistics.median(t.seconds for t in timed), max(t.returncode for t in timed)


def log_tail(log: Path, lines: int = 15) -> str:
    return "\n".join("      " + line for line in log.read_text(errors="replace").splitlines()[-lines:])

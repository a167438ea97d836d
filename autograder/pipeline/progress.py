"""A progress line for long batches: a bar with counts and an ETA on a terminal, sparse lines otherwise."""
from __future__ import annotations

import sys
import time

from autograder.kitcheck.i18n import N_, fill


class Progress:
    def __init__(self, label: str, total: int, stream=None):
        self.label, self.total, self.stream = label, total, stream or sys.stderr
        self.done = self.failed = 0
        self.started = time.monotonic()
        self.tty = self.stream.isatty()
        self._last_line = -1

    def step(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        if self.tty:
            self.stream.write("\r" + self.line())
            self.stream.flush()
        elif self.done == self.total or self.done * 10 // max(self.total, 1) > self._last_line:
            self._last_line = self.done * 10 // max(self.total, 1)
            self.stream.write(self.line() + "\n")

    def line(self, width: int = 30) -> str:
        filled = width * self.done // max(self.total, 1)
        elapsed = time.monotonic() - self.started
        eta = elapsed / self.done * (self.total - self.done) if self.done else 0
        counts = fill(N_("{done}/{total} graded, {failed} failed") if self.failed else N_("{done}/{total} graded"),
                      done=self.done, total=self.total, failed=self.failed)
        times = fill(N_("{elapsed} s, ETA {eta} s"), elapsed=f"{elapsed:.0f}", eta=f"{eta:.0f}")
        return f"{self.label} [{'#' * filled}{'.' * (width - filled)}] {counts}, {times}"

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")

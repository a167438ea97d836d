"""Peak resident memory of a command and every process it started (Linux /proc).

The total is the sum of each process's proportional set size (PSS: a page shared by n processes
counts 1/n in each), so forked workers sharing their warm parent's pages are not counted n
times; where PSS is not available (no smaps_rollup), the resident set size. The largest single
process (its RSS) is kept too: a leak shows in one process growing."""
from __future__ import annotations

import os
import threading
from collections import defaultdict
from pathlib import Path

INTERVAL = 0.1  # seconds between samples
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


class PeakMemory:
    def __init__(self, pid: int, interval: float = INTERVAL):
        self.pid, self.interval = pid, interval
        self.peak_kb = self.largest_kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> "PeakMemory":
        self._thread.start()
        return self

    def stop(self) -> tuple[float, float]:
        """(peak total MiB, largest process MiB), sampled until now."""
        self._done.set()
        self._thread.join()
        return self.peak_kb / 1024, self.largest_kb / 1024

    def _run(self) -> None:
        while not self._done.wait(self.interval):
            sizes = [_sizes(pid) for pid in descendants(self.pid)]
            self.peak_kb = max(self.peak_kb, sum(total for total, _ in sizes))
            self.largest_kb = max([self.largest_kb, *(rss for _, rss in sizes)])


def descendants(root: int) -> list[int]:
    """root and every process below it, found through each process's parent in /proc."""
    children = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            parent = _parent(entry)
            if parent is not None:
                children[parent].append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _parent(proc: Path) -> int | None:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None  # gone meanwhile


def _sizes(pid: int) -> tuple[int, int]:
    """(PSS or else RSS, RSS) of one process in KiB; (0, 0) once it is gone."""
    try:
        rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0, 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]), rss
    except (OSError, ValueError):
        pass
    return rss, rss

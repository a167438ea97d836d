"""Grader processes a crash cannot stop.

A grader process can die: a crash in numpy or nbconvert on a strange notebook, or the machine's
out-of-memory killer. Python's process pool then fails every submission still queued. Here at most
two per process are in flight; when the pool breaks, a fresh one takes the rest of the batch, and
each submission that was in flight is graded again, one at a time, so a crash that comes back
costs only the submission that causes it.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

IN_FLIGHT_PER_PROCESS = 2  # enough to keep every process busy, few to grade again after a crash


class GraderPools:
    def __init__(self, jobs: int, new_pool: Callable[[int], ProcessPoolExecutor]):
        self.jobs, self._new_pool, self._pools = jobs, new_pool, []
        self.pool = self._fresh(jobs)

    def _fresh(self, jobs: int) -> ProcessPoolExecutor:
        self.pool = self._new_pool(jobs)
        self._pools.append(self.pool)
        return self.pool

    def map(self, task: Callable, items: list, done: Callable, lost: Callable) -> None:
        """done(item, result) for each item; lost(item, error) for one whose task raised, or whose
        process died twice (the second time while it was the only one in flight)."""
        crashed = self._window(task, items, done, lost, self.jobs, IN_FLIGHT_PER_PROCESS * self.jobs)
        if crashed:
            self._fresh(1)
        for item in crashed:  # one at a time: if the process dies again, it was this item
            for again in self._window(task, [item], done, lost, 1, 1):
                lost(again, BrokenProcessPool("the grader process died twice"))
                self._fresh(1)
        if crashed:
            self._fresh(self.jobs)  # for what comes next (feedback)

    def _window(self, task, items, done, lost, jobs: int, in_flight: int) -> list:
        queue, running, crashed = deque(items), {}, []
        while queue or running:
            while queue and len(running) < in_flight:
                try:
                    running[self.pool.submit(task, queue[0])] = queue[0]
                except BrokenProcessPool:
                    break
                queue.popleft()
            if not running:  # the pool broke with nothing left in flight
                self._fresh(jobs)
                continue
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                item = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    crashed.append(item)
                except Exception as error:  # the task itself failed: this item only
                    lost(item, error)
                else:
                    done(item, result)
        return crashed

    def __enter__(self) -> "GraderPools":
        return self

    def __exit__(self, *exc) -> None:
        for pool in self._pools:
            pool.shutdown(wait=True, cancel_futures=True)

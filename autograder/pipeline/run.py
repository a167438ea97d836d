"""Grade a batch of submissions: in parallel processes (or on a Dask cluster: cluster.py), with one
gradebook writer; each feedback page is written once the gradebook holds its scores."""
from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from traitlets.config import Config

from autograder.config import Unit, units
from autograder.course_dir import CourseDir, course_dir
from autograder.pipeline.feedback import FeedbackWriter, Pages
from autograder.kitcheck.i18n import N_, _, fill
from autograder.pipeline.gradebook import Recorder
from autograder.pipeline.progress import Progress
from autograder.pipeline.pool import GraderPools
from autograder.pipeline.source_cells import SourceNotebook
from autograder.pipeline.submission import Graded, SubmissionGrader, failed, read_results, write_results
from autograder.sandbox.client import Zygote

PROCESS_DIED = N_("the grader process stopped while grading it (a crash, or the machine ran out of memory): "
                  "the instructor must grade it again")
GRADER_ERROR = N_("grading stopped on an error in the grader ({error}): the instructor must grade it again")

_worker: dict = {}  # this grader process's grader, built once


@dataclass(frozen=True)
class Setup:
    """What every grader of a batch starts from, read once by the batch's client."""

    folders: CourseDir
    assignment: str
    config: Config
    units: tuple[Unit, ...]
    source: SourceNotebook  # the gradebook's copy of the source notebook
    feedback: bool = False  # each grader makes the feedback pages (a cluster's client makes them itself)

    def grader(self) -> SubmissionGrader:
        return SubmissionGrader(self.folders, self.assignment, self.config, self.units, self.source, self.feedback)


def grade_batch(root: Path, assignment: str, students: list[str], jobs: int | None = None,
                feedback: bool = True, progress: Progress | None = None, scheduler: str = "") -> list[Graded]:
    folders = course_dir(root)
    progress = progress or Progress(assignment, len(students))
    pages = Pages(FeedbackWriter(folders, assignment)) if feedback and not scheduler else None
    with Recorder(folders, assignment, recorded=pages and pages.publish) as recorder:
        setup = Setup(folders, assignment, folders.config, units(root, assignment), recorder.source(), bool(pages))
        if scheduler:
            from autograder.pipeline.cluster import grade_on_cluster  # Dask is imported only for a cluster

            batch = grade_on_cluster(setup, students, scheduler, feedback, recorder, progress)
        else:
            jobs = max(1, min(jobs or os.cpu_count() or 1, len(students) or 1))
            batch = (_serial if jobs == 1 else _parallel)(setup, students, jobs, recorder, progress)
    if pages:  # the last pages were written as the recorder closed
        note_feedback(setup, batch, pages.reasons)
    progress.close()
    return batch


def _serial(setup: Setup, students: list[str], jobs: int, recorder: Recorder, progress: Progress) -> list[Graded]:
    _start(multiprocessing.Value("i", 0), setup)
    return [tick(progress, recorder.add(_grade(s))) for s in students]


def _parallel(setup: Setup, students: list[str], jobs: int, recorder: Recorder, progress: Progress) -> list[Graded]:
    context = multiprocessing.get_context("fork")
    slots = context.Value("i", 0)
    new_pool = partial(ProcessPoolExecutor, mp_context=context, initializer=_start, initargs=(slots, setup))
    done = {}
    with GraderPools(jobs, new_pool) as pools:
        pools.map(_grade, students, lambda s, graded: done.__setitem__(s, tick(progress, recorder.add(graded))),
                  lambda s, error: done.__setitem__(s, tick(progress, stopped(setup, s, error))))
    return [done[s] for s in students]


def stopped(setup: Setup, student: str, error: Exception, died: bool | None = None) -> Graded:
    """A submission whose grader process died (twice) or failed: it fails alone, and says so."""
    print(f"{student}: grading stopped ({type(error).__name__}: {error})", file=sys.stderr)
    died = isinstance(error, BrokenProcessPool) if died is None else died
    reason = _(PROCESS_DIED) if died else fill(GRADER_ERROR, error=type(error).__name__)
    graded = failed(student, setup.units, reason)
    write_results(setup.folders.autograded(student, setup.assignment), graded)
    return graded


def to_feed(batch: list[Graded]) -> list[str]:
    return [g.student for g in batch if not g.error]


def note_feedback(setup: Setup, batch: list[Graded], reasons: dict[str, str]) -> None:
    """A submission whose feedback page could not be written says so in its results.json."""
    for graded in batch:
        if reasons.get(graded.student):
            target = setup.folders.autograded(graded.student, setup.assignment)
            graded.notes.append(fill(N_("no feedback page: {reason}"), reason=reasons[graded.student]))
            write_results(target, replace(graded, results=read_results(target)))  # the batch kept a summary


def tick(progress: Progress, graded: Graded) -> Graded:
    progress.step(failed=bool(graded.error))
    return graded


def _start(slots, setup: Setup) -> None:
    with slots.get_lock():  # which of the prestarted warm parents (if any) is this process's
        slot, slots.value = slots.value, slots.value + 1
    Zygote.adopt(slot)
    Zygote.shared()  # started now if none was prestarted, while this process gets ready
    _worker["grader"] = setup.grader()


def _grade(student: str) -> Graded:
    return _worker["grader"].grade(student)

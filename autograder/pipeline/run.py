"""Grade a batch of submissions: in parallel processes (or on a Dask cluster: cluster.py), one
gradebook writer, then feedback."""
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
from autograder.pipeline.feedback import FeedbackWriter
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
FEEDBACK_STOPPED = N_("the process writing it stopped; the scores above are recorded")

_worker: dict = {}  # this grader process's grader and feedback writer, built once


@dataclass(frozen=True)
class Setup:
    """What every grader of a batch starts from, read once by the batch's client."""

    folders: CourseDir
    assignment: str
    config: Config
    units: tuple[Unit, ...]
    source: SourceNotebook  # the gradebook's copy of the source notebook

    def grader(self) -> SubmissionGrader:
        return SubmissionGrader(self.folders, self.assignment, self.config, self.units, self.source)


def grade_batch(root: Path, assignment: str, students: list[str], jobs: int | None = None,
                feedback: bool = True, progress: Progress | None = None, scheduler: str = "") -> list[Graded]:
    folders = course_dir(root)
    progress = progress or Progress(assignment, len(students))
    with Recorder(folders, assignment) as recorder:
        setup = Setup(folders, assignment, folders.config, units(root, assignment), recorder.source())
        if scheduler:
            from autograder.pipeline.cluster import grade_on_cluster  # Dask is imported only for a cluster

            batch = grade_on_cluster(setup, students, scheduler, feedback, recorder, progress)
        else:
            jobs = max(1, min(jobs or os.cpu_count() or 1, len(students) or 1))
            batch = (_serial if jobs == 1 else _parallel)(setup, students, jobs, feedback, recorder, progress)
    progress.close()
    return batch


def _serial(setup: Setup, students: list[str], jobs: int, feedback: bool, recorder: Recorder,
            progress: Progress) -> list[Graded]:
    _start(multiprocessing.Value("i", 0), setup)
    batch = [tick(progress, recorder.add(_grade(s))) for s in students]
    recorder.flush()
    if feedback:
        note_feedback(setup, batch, {s: _feedback(s) for s in to_feed(batch)})
    return batch


def _parallel(setup: Setup, students: list[str], jobs: int, feedback: bool, recorder: Recorder,
              progress: Progress) -> list[Graded]:
    context = multiprocessing.get_context("fork")
    slots = context.Value("i", 0)
    new_pool = partial(ProcessPoolExecutor, mp_context=context, initializer=_start, initargs=(slots, setup))
    done, reasons = {}, {}
    with GraderPools(jobs, new_pool) as pools:
        pools.map(_grade, students, lambda s, graded: done.__setitem__(s, tick(progress, recorder.add(graded))),
                  lambda s, error: done.__setitem__(s, tick(progress, stopped(setup, s, error))))
        batch = [done[s] for s in students]
        recorder.flush()  # a submission whose scores cannot be recorded gets no feedback page
        if feedback:
            pools.map(_feedback, to_feed(batch), reasons.__setitem__,
                      lambda s, error: reasons.__setitem__(s, _(FEEDBACK_STOPPED)))
    note_feedback(setup, batch, reasons)
    return batch


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


def write_feedback(writer: FeedbackWriter, student: str) -> str:
    """Write one student's feedback page; what went wrong, in a sentence, or ""."""
    try:
        writer.write(student)
    except Exception as error:  # a notebook nbgrader's feedback steps reject costs its feedback only
        print(f"{student}: no feedback HTML ({type(error).__name__}: {error})", file=sys.stderr)
        return fill(N_("the page could not be written ({error}); the scores above are recorded"),
                    error=type(error).__name__)
    return ""


def _start(slots, setup: Setup) -> None:
    with slots.get_lock():  # which of the prestarted warm parents (if any) is this process's
        slot, slots.value = slots.value, slots.value + 1
    Zygote.adopt(slot)
    Zygote.shared()  # started now if none was prestarted, while this process gets ready
    _worker["grader"] = setup.grader()
    _worker["feedback"] = FeedbackWriter(setup.folders, setup.assignment)


def _grade(student: str) -> Graded:
    return _worker["grader"].grade(student)


def _feedback(student: str) -> str:
    return write_feedback(_worker["feedback"], student)

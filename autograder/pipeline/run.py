"""Grade a batch of submissions: in parallel processes, one gradebook write, then feedback."""
from __future__ import annotations

import multiprocessing
import os
import sys
from dataclasses import replace
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from traitlets.config import Config

from autograder.config import load_config, units
from autograder.pipeline.feedback import FeedbackWriter
from autograder.pipeline.gradebook import Recorder
from autograder.pipeline.progress import Progress
from autograder.pipeline.pool import GraderPools
from autograder.pipeline.submission import Graded, SubmissionGrader, failed, read_results, write_results
from autograder.sandbox.client import Zygote

PROCESS_DIED = ("the grader process stopped while grading it (a crash, or the machine ran out of memory): "
                "the instructor must grade it again")
GRADER_ERROR = "grading stopped on an error in the grader ({}): the instructor must grade it again"
FEEDBACK_STOPPED = "the process writing it stopped; the scores above are recorded"

_worker: dict = {}  # this grader process's grader and feedback writer, built once


def grade_batch(root: Path, assignment: str, students: list[str], jobs: int | None = None,
                feedback: bool = True, progress: Progress | None = None) -> list[Graded]:
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(students) or 1))
    config = Config(load_config(root))
    config.CourseDirectory.root = str(root)
    setup = (root, assignment, config)
    progress = progress or Progress(assignment, len(students))
    recorder = Recorder(root, config.CourseDirectory.course_id, assignment)
    with recorder:
        batch = (_serial if jobs == 1 else _parallel)(setup, students, jobs, feedback, recorder, progress)
    progress.close()
    return batch


def _serial(setup: tuple, students: list[str], jobs: int, feedback: bool, recorder: Recorder,
            progress: Progress) -> list[Graded]:
    _start(multiprocessing.Value("i", 0), *setup)
    batch = [_tick(progress, recorder.add(_grade(s))) for s in students]
    if feedback:
        _note_feedback(setup, batch, {s: _feedback(s) for s in _to_feed(batch)})
    return batch


def _parallel(setup: tuple, students: list[str], jobs: int, feedback: bool, recorder: Recorder,
              progress: Progress) -> list[Graded]:
    context = multiprocessing.get_context("fork")
    slots = context.Value("i", 0)
    new_pool = partial(ProcessPoolExecutor, mp_context=context, initializer=_start, initargs=(slots, *setup))
    done, reasons = {}, {}
    with GraderPools(jobs, new_pool) as pools:
        pools.map(_grade, students, lambda s, graded: done.__setitem__(s, _tick(progress, recorder.add(graded))),
                  lambda s, error: done.__setitem__(s, _tick(progress, _stopped(setup, s, error))))
        batch = [done[s] for s in students]
        if feedback:  # feedback reads the gradebook: only once every score is in
            recorder.gradebook.db.commit()
            pools.map(_feedback, _to_feed(batch), reasons.__setitem__,
                      lambda s, error: reasons.__setitem__(s, FEEDBACK_STOPPED))
    _note_feedback(setup, batch, reasons)
    return batch


def _stopped(setup: tuple, student: str, error: Exception) -> Graded:
    """A submission whose grader process died (twice) or failed: it fails alone, and says so."""
    root, assignment, _ = setup
    print(f"{student}: grading stopped ({type(error).__name__}: {error})", file=sys.stderr)
    reason = PROCESS_DIED if isinstance(error, BrokenProcessPool) else GRADER_ERROR.format(type(error).__name__)
    graded = failed(student, units(root, assignment), reason)
    write_results(root / "autograded" / student / assignment, graded)
    return graded


def _to_feed(batch: list[Graded]) -> list[str]:
    return [g.student for g in batch if not g.error]


def _note_feedback(setup: tuple, batch: list[Graded], reasons: dict[str, str]) -> None:
    """A submission whose feedback page could not be written says so in its results.json."""
    root, assignment, _ = setup
    for graded in batch:
        if reasons.get(graded.student):
            target = root / "autograded" / graded.student / assignment
            graded.notes.append(f"no feedback page: {reasons[graded.student]}")
            write_results(target, replace(graded, results=read_results(target)))  # the batch kept a summary


def _tick(progress: Progress, graded: Graded) -> Graded:
    progress.step(failed=bool(graded.error))
    return graded.summary()


def _start(slots, root: Path, assignment: str, config: Config) -> None:
    with slots.get_lock():  # which of the prestarted warm parents (if any) is this process's
        slot, slots.value = slots.value, slots.value + 1
    Zygote.adopt(slot)
    Zygote.shared()  # started now if none was prestarted, while this process gets ready
    _worker["grader"] = SubmissionGrader(root, assignment, config, units(root, assignment))
    _worker["feedback"] = FeedbackWriter(root, assignment)


def _grade(student: str) -> Graded:
    return _worker["grader"].grade(student)


def _feedback(student: str) -> str:
    """Write one student's feedback page; what went wrong, in a sentence, or ""."""
    try:
        _worker["feedback"].write(student)
    except Exception as error:  # a notebook nbgrader's feedback steps reject costs its feedback only
        print(f"{student}: no feedback HTML ({type(error).__name__}: {error})", file=sys.stderr)
        return f"the page could not be written ({type(error).__name__}); the scores above are recorded"
    return ""

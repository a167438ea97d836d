"""Grade a batch of submissions: in parallel processes, one gradebook write, then feedback."""
from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from traitlets.config import Config

from autograder.config import load_config, units
from autograder.pipeline.feedback import FeedbackWriter
from autograder.pipeline.gradebook import Recorder
from autograder.pipeline.progress import Progress
from autograder.pipeline.submission import Graded, SubmissionGrader
from autograder.sandbox.client import Zygote

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
        if jobs == 1:
            _start(multiprocessing.Value("i", 0), *setup)
            batch = [recorder.add(_tick(progress, _grade(s))) for s in students]
            for graded in batch if feedback else []:
                if not graded.error:
                    _feedback(graded.student)
        else:
            context = multiprocessing.get_context("fork")
            slots = context.Value("i", 0)
            with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(slots, *setup)) as pool:
                futures = {pool.submit(_grade, s): s for s in students}
                done = {futures[f]: recorder.add(_tick(progress, f.result())) for f in as_completed(futures)}
                batch = [done[s] for s in students]
                if feedback:  # feedback reads the gradebook: only once every score is in
                    recorder.gradebook.db.commit()
                    list(pool.map(_feedback, [g.student for g in batch if not g.error]))
    progress.close()
    return batch


def _tick(progress: Progress, graded: Graded) -> Graded:
    progress.step(failed=bool(graded.error))
    return graded


def _start(slots, root: Path, assignment: str, config: Config) -> None:
    with slots.get_lock():  # which of the prestarted warm parents (if any) is this process's
        slot, slots.value = slots.value, slots.value + 1
    Zygote.adopt(slot)
    Zygote.shared()  # started now if none was prestarted, while this process gets ready
    _worker["grader"] = SubmissionGrader(root, assignment, config, units(root, assignment))
    _worker["feedback"] = (root, assignment, config)


def _grade(student: str) -> Graded:
    return _worker["grader"].grade(student)


def _feedback(student: str) -> None:
    if not isinstance(_worker["feedback"], FeedbackWriter):
        _worker["feedback"] = FeedbackWriter(*_worker["feedback"])
    try:
        _worker["feedback"].write(student)
    except Exception as error:  # a notebook nbgrader's feedback steps reject costs its feedback only
        print(f"{student}: no feedback HTML ({type(error).__name__}: {error})", file=sys.stderr)

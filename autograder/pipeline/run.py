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
from autograder.pipeline.submission import Graded, SubmissionGrader, write_results
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
            batch = [_tick(progress, recorder.add(_grade(s))) for s in students]
            if feedback:
                _note_feedback(root, assignment, batch, map(_feedback, _to_feed(batch)))
        else:
            context = multiprocessing.get_context("fork")
            slots = context.Value("i", 0)
            with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(slots, *setup)) as pool:
                futures = {pool.submit(_grade, s): s for s in students}
                done = {futures[f]: _tick(progress, recorder.add(f.result())) for f in as_completed(futures)}
                batch = [done[s] for s in students]
                if feedback:  # feedback reads the gradebook: only once every score is in
                    recorder.gradebook.db.commit()
                    _note_feedback(root, assignment, batch, pool.map(_feedback, _to_feed(batch)))
    progress.close()
    return batch


def _to_feed(batch: list[Graded]) -> list[str]:
    return [g.student for g in batch if not g.error]


def _note_feedback(root: Path, assignment: str, batch: list[Graded], reasons) -> None:
    """A submission whose feedback page could not be written says so in its results.json."""
    graded = {g.student: g for g in batch}
    for student, reason in zip(_to_feed(batch), reasons):
        if reason:
            graded[student].notes.append(f"no feedback page: {reason}")
            write_results(root / "autograded" / student / assignment, graded[student])


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


def _feedback(student: str) -> str:
    """Write one student's feedback page; what went wrong, in a sentence, or ""."""
    try:
        if not isinstance(_worker["feedback"], FeedbackWriter):
            _worker["feedback"] = FeedbackWriter(*_worker["feedback"])
        _worker["feedback"].write(student)
    except Exception as error:  # a notebook nbgrader's feedback steps reject costs its feedback only
        print(f"{student}: no feedback HTML ({type(error).__name__}: {error})", file=sys.stderr)
        return f"the page could not be written ({type(error).__name__}); the scores above are recorded"
    return ""

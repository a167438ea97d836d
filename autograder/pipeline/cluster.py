"""`autograder grade --scheduler ADDRESS`: a batch graded on a Dask distributed cluster.

This process, the client, reads each submission under submitted/ as a local grader does (no link
followed, sizes bounded), sends the notebook to the cluster as bytes and gets the graded notebook
back as nbformat's JSON (cluster_worker.py). What comes back is checked as data (types, size,
nbformat's schema) and scored here, the way a local grader scores its notebook; the client writes
autograded/ and results.json and is the gradebook's only writer.

Dask gives the submissions of a worker that dies to another worker; one that kills a worker at
every try fails alone (Dask's KilledWorker). If the scheduler goes away, what was graded is recorded,
and the command ends with an error: running it again grades the rest (pending.py).
"""
from __future__ import annotations

import itertools
import logging
import math
import time
import uuid
from collections import deque

import nbformat
from distributed import Client, as_completed
from distributed.comm import CommClosedError
from distributed.scheduler import KilledWorker

from autograder.config import CONFIG_FILE, Course
from autograder.nbgrader_plugins.sandbox_execute import data_files
from autograder.pipeline.cluster_worker import Bundle, GraderPlugin, grade_notebook, kit_version
from autograder.pipeline.feedback import FeedbackWriter
from autograder.pipeline.gradebook import Recorder
from autograder.pipeline.progress import Progress
from autograder.pipeline.run import Setup, note_feedback, stopped, tick, to_feed
from autograder.pipeline.submission import Graded, Scorer, Submission, finish
from autograder.pipeline.submitted_files import NOTEBOOK_BYTES, BadSubmission

CONNECT_SECONDS = 30
WORKERS_SECONDS = 120  # for a first worker to join
IN_FLIGHT_PER_THREAD = 2  # keeps every worker busy; the rest waits in the client, not in the scheduler
RECEIVED_CHARS = NOTEBOOK_BYTES + 8 * 2**20  # a graded notebook: what was submitted, plus bounded outputs
MESSAGE_CHARS = 4000


class ClusterError(RuntimeError):
    """The cluster cannot be reached, has no workers, or went away during the batch."""


class BadReply(Exception):
    """A worker's answer is not what grade_notebook returns."""


class _SchedulerGone(Exception):
    pass


def grade_on_cluster(setup: Setup, students: list[str], address: str, feedback: bool, recorder: Recorder,
                     progress: Progress) -> list[Graded]:
    client = _connect(address)
    plugin = GraderPlugin(_bundle(setup))
    try:
        client.register_plugin(plugin, name=plugin.name)  # a warm grader in every worker process
        batch = _Dispatch(client, setup, plugin.name, recorder, progress).run(students)
    finally:
        _close(client, plugin.name)
    recorder.flush()  # feedback only for what the gradebook holds
    if feedback:
        writer = FeedbackWriter(setup.folders, setup.assignment)
        note_feedback(setup, batch, {s: writer.write(s) for s in to_feed(batch)})
    if len(batch) < len(students):
        raise ClusterError(f"the Dask scheduler at {address} went away: {len(batch)} of {len(students)} "
                           f"submissions were graded and recorded; run the same command again to grade the "
                           f"other {len(students) - len(batch)}")
    return batch


class _Dispatch:
    """Keeps a bounded number of submissions on the cluster and takes each answer as it comes."""

    def __init__(self, client: Client, setup: Setup, name: str, recorder: Recorder, progress: Progress):
        self.client, self.setup, self.name = client, setup, name
        self.recorder, self.progress = recorder, progress
        self.scorer = Scorer(list(setup.units), Course(config=setup.config).language)
        self.sent: dict = {}  # future -> the submission it grades
        self.done: dict[str, Graded] = {}
        self._threads, self._ask_at = 0, 0.0
        self._keys = itertools.count()  # Dask's name of each task

    def run(self, students: list[str]) -> list[Graded]:
        """Every student's grade, in order; only those done if the scheduler went away."""
        queue, answers = deque(students), as_completed(loop=self.client.loop)
        try:
            while queue or self.sent:
                while queue and len(self.sent) < self._window():
                    self._send(queue.popleft(), answers)
                if self.sent:
                    self._take(next(answers))
        except _SchedulerGone:
            pass
        return [self.done[s] for s in students if s in self.done]

    def _take(self, future) -> None:
        submission = self.sent.pop(future)
        try:
            reply = future.result()
        except Exception as error:
            if future.status == "cancelled" or self.client.status != "running" or isinstance(error, CommClosedError):
                raise _SchedulerGone() from None
            self._keep(stopped(self.setup, submission.student, error, died=isinstance(error, KilledWorker)))
        else:
            self._keep(self._received(submission, reply))

    def _window(self) -> int:
        """How many submissions to keep on the cluster, asked anew every few seconds as workers come and go."""
        if time.monotonic() >= self._ask_at:
            try:
                self._threads, self._ask_at = sum(self.client.nthreads().values()), time.monotonic() + 5
            except OSError:  # Dask's CommClosedError, or no answer in time
                raise _SchedulerGone() from None
        return max(2, IN_FLIGHT_PER_THREAD * self._threads)

    def _send(self, student: str, answers: as_completed) -> None:
        started = time.perf_counter()
        try:
            submission = Submission.read(self.setup.folders, student, self.setup.assignment)
        except BadSubmission as error:  # refused here, as a local grader refuses it
            self._keep(finish(self.setup.folders, self.setup.assignment, self.scorer.failed(student, str(error)),
                              started))
            return
        future = self.client.submit(grade_notebook, self.name, student, submission.notebook,
                                    key=f"{self.name}-{next(self._keys)}", pure=False)
        self.sent[future] = submission
        answers.add(future)

    def _received(self, submission: Submission, reply) -> Graded:
        """Score and write what a worker sent back for `submission`."""
        try:
            nb, key, seconds = _checked(reply)
            graded = self.scorer.score(submission, nb, key)
        except BadSubmission as error:
            seconds = _seconds(reply)
            return finish(self.setup.folders, self.setup.assignment, self.scorer.failed(submission.student,
                          str(error)), time.perf_counter() - seconds)
        except BadReply as error:
            return stopped(self.setup, submission.student, error)
        return finish(self.setup.folders, self.setup.assignment, graded, time.perf_counter() - seconds, nb)

    def _keep(self, graded: Graded) -> None:
        self.done[graded.student] = tick(self.progress, self.recorder.add(graded))


def _checked(reply) -> tuple[nbformat.NotebookNode, str, float]:
    """The graded notebook, its hidden-input key and the seconds it took, from a worker's answer;
    BadSubmission for a notebook the worker could not grade, BadReply for anything malformed."""
    if not isinstance(reply, dict):
        raise BadReply(f"a {type(reply).__name__} came back instead of a graded notebook")
    if isinstance(reply.get("error"), str):
        raise BadSubmission(reply["error"][:MESSAGE_CHARS])
    text, key = reply.get("notebook"), reply.get("submission")
    if not isinstance(text, str) or len(text) > RECEIVED_CHARS:
        raise BadReply("the graded notebook that came back is missing or too large")
    if not isinstance(key, str) or len(key) > 64 or key and not key.isalnum():
        raise BadReply("the key of the hidden inputs that came back is malformed")
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as error:  # nbformat's errors are many kinds
        raise BadReply(f"the graded notebook that came back is not valid ({type(error).__name__})") from None
    return nb, key, _seconds(reply)


def _seconds(reply) -> float:
    seconds = reply.get("seconds") if isinstance(reply, dict) else None
    return seconds if isinstance(seconds, float) and math.isfinite(seconds) and 0 <= seconds < 1e6 else 0.0


def _bundle(setup: Setup) -> Bundle:
    return Bundle(name=f"autograder-{setup.assignment}-{uuid.uuid4().hex[:8]}", kit=kit_version(),
                  assignment=setup.assignment, course_config=(setup.folders.root / CONFIG_FILE).read_bytes(),
                  config=setup.config, units=tuple(setup.units), source=setup.source,
                  data_files={p.name: p.read_bytes() for p in data_files(setup.folders.source(setup.assignment))})


def _connect(address: str) -> Client:
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(f"no Dask scheduler answers at {address} ({error}): start one (README, \"Grading "
                           "on a cluster\"), or grade on this machine without --scheduler") from None
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except (OSError, TimeoutError) as error:
        client.close()
        raise ClusterError(f"the Dask cluster at {address} has no worker ({error}): start `dask worker "
                           f"{address}` on the grading machines") from None
    return client


def _close(client: Client, name: str) -> None:
    if client.status == "running":
        try:
            client.unregister_worker_plugin(name)  # its private course folders go
        except Exception:  # a worker that left meanwhile: nothing to remove there
            pass
    else:  # the scheduler went away: the client's attempts to reconnect say nothing more
        logging.getLogger("distributed").setLevel(logging.CRITICAL)
    client.close(timeout=10)

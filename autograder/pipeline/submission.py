"""Grade one submission with nbgrader's own preprocessors, outside nbgrader's per-notebook converter.

The steps are the ones course_config.py lists for `nbgrader autograde`, minus those that write
to the gradebook (the batch's one writer records the scores, in batches: gradebook.py) and
nbgrader's metadata schema check (OverwriteCells has already restored every graded cell from the
gradebook's copy of the source notebook). Reading, grading and writing are separate steps: a local
grader process does all three, a cluster worker only grades (cluster.py).
"""
from __future__ import annotations

import functools
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.converters import Autograde
from traitlets.config import Config
from traitlets.utils.importstring import import_item

from autograder.notebook.files import write_graded
from autograder.notebook.results import TestResult, unit_results, write_results_json
from autograder.config import Course, Unit
from autograder.course_dir import CourseDir
from autograder.kitcheck.i18n import N_, _, use
from autograder.pipeline.feedback import FeedbackWriter
from autograder.pipeline.source_cells import CachedOverwriteCells, CachedOverwriteKernelspec, SourceNotebook
from autograder.pipeline.submitted_files import BadSubmission, SubmittedFolder

SKIPPED = ("SaveAutoGrades", "AssignLatePenalties", "CheckCellMetadata")
GRADING_FAILED = N_("grading failed: {reason}")  # how results.json of a submission that could not be graded begins
UNMATCHED = N_("the notebook's graded cells were changed so that they no longer match the assignment "
               "(a graded cell was copied, or its nbgrader metadata edited): download a fresh copy of the "
               "notebook, paste your answers into it and submit again")


@dataclass
class Graded:
    student: str
    results: list[TestResult]
    error: str = ""
    seconds: float = 0.0
    scores: dict = field(default_factory=dict)      # grade_id -> auto score (None: needs manual grading)
    no_response: list = field(default_factory=list)  # solution cells left as released
    timestamp: str | None = None
    notes: list = field(default_factory=list)        # what went wrong after grading, for results.json
    submission: str = ""  # the key its hidden inputs were drawn with (seeds.submission_key)
    extra_files: dict = field(default_factory=dict, repr=False)  # the submission's other files, until written
    page: str = field(default="", repr=False)  # its feedback page, until the scores are recorded and it is written
    page_error: str = ""  # why it has no feedback page

    @property
    def score(self) -> float:
        return sum(r.score for r in self.results)

    def lighten(self) -> None:
        """Keep only what a batch needs once the scores are recorded (or could not be, which the
        error then says) and results.json written: the points of each test, without the messages,
        so that a batch's memory does not grow with its size (read_results reads the rest back)."""
        self.results = [_summary(r.name, r.score, r.max_score, r.status, r.function, r.part) for r in self.results]
        self.scores, self.no_response, self.page = {}, [], ""


@dataclass
class Submission:
    """What a student handed in, read from submitted/ by the process that writes autograded/."""

    student: str
    notebook: bytes
    timestamp: str | None
    extra_files: dict[str, bytes]

    @classmethod
    def read(cls, folders: CourseDir, student: str, assignment: str) -> "Submission":
        """Raises BadSubmission, saying why, for a folder or notebook that cannot be read."""
        with SubmittedFolder(folders, student, assignment) as folder:
            timestamp = folder.timestamp()
            notebook = folder.read(f"{assignment}.ipynb")
            if notebook is None:
                raise BadSubmission(_("no notebook named {name} was submitted").format(name=f"{assignment}.ipynb"))
            return cls(student, notebook, timestamp, folder.extra_files())


class SubmissionGrader:
    """Per grader process: the configured preprocessors, built once, applied to each submission."""

    def __init__(self, folders: CourseDir, assignment: str, config: Config, units: list[Unit],
                 source: SourceNotebook, feedback: bool = False):
        self.folders, self.assignment, self.source = folders, assignment, source
        self.feedback = FeedbackWriter(folders, assignment) if feedback else None  # each page made here
        names = [*_pipeline(config, "sanitize_preprocessors"), *_pipeline(config, "autograde_preprocessors")]
        cached = {"OverwriteCells": CachedOverwriteCells, "OverwriteKernelspec": CachedOverwriteKernelspec}
        names = [cached.get(_short(name), name) for name in names]
        self.steps = [_step(name, config) for name in names if _short(name) not in SKIPPED]
        self.scorer = Scorer(units, Course(config=config).language)

    def grade(self, student: str) -> Graded:
        """Read, grade and write one submission in this process."""
        started = time.perf_counter()
        try:
            submission = Submission.read(self.folders, student, self.assignment)
            nb, key = self.run(student, submission.notebook)
            graded = self.scorer.score(submission, nb, key)
        except BadSubmission as error:
            return finish(self.folders, self.assignment, self.scorer.failed(student, str(error)), started)
        return finish(self.folders, self.assignment, graded, started, nb, self.feedback)

    def run(self, student: str, notebook: bytes) -> tuple[NotebookNode, str]:
        """The graded notebook and the key its hidden inputs were drawn with; BadSubmission if it
        cannot be graded. Reads and writes no file: a cluster worker runs it on bytes it was sent."""
        nb = read_submission(notebook, f"{self.assignment}.ipynb", self.scorer.solution_ids)
        resources = {"nbgrader": {"student": student, "assignment": self.assignment, "notebook": self.assignment},
                     "autograder": {"source": self.source}}
        try:
            for step in self.steps:
                nb, resources = step(nb, resources)  # a step whose `enabled` is off does nothing, as in nbgrader
        except Exception:  # whatever else a hostile notebook trips in nbgrader's steps: its own loss only
            raise BadSubmission(_(UNMATCHED)) from None
        return nb, resources["autograder"].get("submission", "")


class Scorer:
    """A graded notebook's scores and result records, as nbgrader scores its cells."""

    def __init__(self, units: list[Unit], language: str):
        self.units = units
        use(language)  # every message this process writes
        self.solution_ids = {u.name for u in units}

    def score(self, submission: Submission, nb: NotebookNode, key: str) -> Graded:
        try:
            return self._score(submission, nb, key)
        except Exception:  # cells a hostile notebook bent out of nbgrader's shape: its own loss only
            raise BadSubmission(_(UNMATCHED)) from None

    def _score(self, submission: Submission, nb: NotebookNode, key: str) -> Graded:
        scores = {c.metadata.nbgrader.grade_id: utils.determine_grade(c)[0] for c in nb.cells if utils.is_grade(c)}
        blank = [c.metadata.nbgrader.grade_id for c in nb.cells
                 if utils.is_solution(c) and c.metadata.nbgrader.get("checksum") == utils.compute_checksum(c)]
        results = unit_results(nb, self.units, lambda cell: utils.determine_grade(cell))
        return Graded(submission.student, results, scores=scores, no_response=blank, timestamp=submission.timestamp,
                      submission=key, extra_files=submission.extra_files)

    def failed(self, student: str, reason: str) -> Graded:
        return failed(student, self.units, reason)


def finish(folders: CourseDir, assignment: str, graded: Graded, started: float,
           nb: NotebookNode | None = None, feedback: FeedbackWriter | None = None) -> Graded:
    """Write autograded/<student>/<assignment>/: the graded notebook and the submission's other
    files (if it was graded), results.json and timing.json; with `feedback`, make its page."""
    target = folders.autograded(graded.student, assignment)
    if nb is not None:
        _write_autograded(target, nb, assignment, graded.extra_files)
    graded.extra_files = {}  # written: the batch need not keep them
    document = write_results(target, graded)
    if feedback is not None and nb is not None:
        graded.page, graded.page_error = feedback.page(graded.student, document, nb)
    graded.seconds = time.perf_counter() - started
    (target / "timing.json").write_text(json.dumps({"seconds": round(graded.seconds, 3)}) + "\n")
    return graded


@functools.lru_cache(maxsize=4096)
def _summary(name: str, score: float, max_score: float, status: str, function: str, part: str) -> TestResult:
    """One TestResult per distinct line of the grade table, shared (read only): a batch of thousands
    keeps references, not copies."""
    return TestResult(name, score, max_score, status, "", {"function": function, "part": part})


def failed(student: str, units: list[Unit], reason: str) -> Graded:
    """A submission that could not be graded: every unit scores 0, and `reason` says why."""
    return Graded(student, unit_results(nbformat.v4.new_notebook(), units, _zero), error=reason)


def read_submission(text: bytes, name: str, solution_ids: set[str]) -> NotebookNode:
    """The submitted notebook, or a BadSubmission that says plainly what is wrong with it."""
    if not text.strip():
        raise BadSubmission(_("{name} is an empty file").format(name=name))
    try:
        raw = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadSubmission(_("{name} is not valid JSON, so not a notebook ({error})").format(
            name=name, error=error)) from None
    if not isinstance(raw, dict) or "cells" not in raw and "worksheets" not in raw:
        raise BadSubmission(_("{name} is JSON but not a Jupyter notebook").format(name=name))
    if raw.get("nbformat") != 4:
        raise BadSubmission(_("{name} is nbformat {version}; save it with a current Jupyter (nbformat 4) and "
                              "submit again").format(name=name, version=raw.get("nbformat")))
    try:
        nb = nbformat.v4.to_notebook_json(raw)  # as nbformat.reads would, without parsing twice
        nbformat.validate(nb)
    except Exception as error:  # nbformat's validation errors are many kinds
        raise BadSubmission(_("{name} is not a valid notebook: {error}").format(
            name=name, error=str(error).splitlines()[0])) from None
    ids = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells}
    if not ids & solution_ids:
        raise BadSubmission(_("{name} has none of this assignment's answer cells: "
                              "is it another assignment's notebook?").format(name=name))
    return nb


def says_failed(output: str) -> bool:
    """Whether results.json's output is a submission's that could not be graded (in English or the
    course's language)."""
    return output.startswith(tuple({t.split("{reason}")[0] for t in (GRADING_FAILED, _(GRADING_FAILED))}))


def write_results(target: Path, graded: Graded) -> dict:
    """results.json (returned): a failed submission says why; notes (feedback, gradebook) follow the scores."""
    output = _(GRADING_FAILED).format(reason=graded.error) if graded.error else "\n".join(graded.notes)
    return write_results_json(target / "results.json", graded.results, output=output,
                              extra={"hidden_cases": graded.submission} if graded.submission else None)


def read_results(target: Path) -> list[TestResult]:
    """The tests of the results.json that write_results wrote in `target`."""
    return [TestResult(**test) for test in json.loads((target / "results.json").read_text())["tests"]]


def _write_autograded(target: Path, nb: NotebookNode, assignment: str, extra_files: dict[str, bytes]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, data in extra_files.items():
        (target / name).write_bytes(data)
    write_graded(nb, target / f"{assignment}.ipynb")


def _pipeline(config: Config, trait: str) -> list:
    """A step list of nbgrader's Autograde as configured, or nbgrader's default."""
    if trait in config.Autograde:
        return list(config.Autograde[trait])
    return list(Autograde.class_traits()[trait].default())


def _step(name, config: Config):
    cls = import_item(name) if isinstance(name, str) else name
    return cls(config=config)


def _short(name) -> str:
    return (name if isinstance(name, str) else name.__name__).rsplit(".", 1)[-1]


def _zero(cell) -> tuple[float, float]:
    return 0.0, 0.0

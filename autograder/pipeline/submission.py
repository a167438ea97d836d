"""Grade one submission with nbgrader's own preprocessors, outside nbgrader's per-notebook converter.

The steps are the ones course_config.py lists for `nbgrader autograde`, minus those that write
to the gradebook (the batch records every score in one transaction afterwards) and nbgrader's
metadata schema check (OverwriteCells has already restored every graded cell from the gradebook).
"""
from __future__ import annotations

import functools
import json
import time
from dataclasses import dataclass, field, replace
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
from autograder.pipeline.source_cells import CachedOverwriteCells, CachedOverwriteKernelspec
from autograder.pipeline.submitted_files import BadSubmission, SubmittedFolder

SKIPPED = ("SaveAutoGrades", "AssignLatePenalties", "CheckCellMetadata")
UNMATCHED = ("the notebook's graded cells were changed so that they no longer match the assignment "
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

    @property
    def score(self) -> float:
        return sum(r.score for r in self.results)

    def summary(self) -> "Graded":
        """What a batch keeps of a submission once its scores are recorded and its results.json
        written: the points of each test, without the messages, so that a batch's memory does
        not grow with its size (results.json holds the rest; read_results reads it back)."""
        light = [_summary(r.name, r.score, r.max_score, r.status, r.function, r.part) for r in self.results]
        return replace(self, results=light, scores={}, no_response=[])


class SubmissionGrader:
    """Per grader process: the configured preprocessors, built once, applied to each submission."""

    def __init__(self, root: Path, assignment: str, config: Config, units: list[Unit]):
        self.root, self.assignment, self.units = root, assignment, units
        names = [*_pipeline(config, "sanitize_preprocessors"), *_pipeline(config, "autograde_preprocessors")]
        cached = {"OverwriteCells": CachedOverwriteCells, "OverwriteKernelspec": CachedOverwriteKernelspec}
        names = [cached.get(_short(name), name) for name in names]
        self.steps = [_step(name, config) for name in names if _short(name) not in SKIPPED]
        self.db_url = f"sqlite:///{root / 'gradebook.db'}"
        self.solution_ids = {u.name for u in units}
        self.language = Course(config=config).language

    def grade(self, student: str) -> Graded:
        started = time.perf_counter()
        target = self.root / "autograded" / student / self.assignment
        try:
            with SubmittedFolder(self.root, student, self.assignment) as folder:
                timestamp = folder.timestamp()
                nb = read_submission(folder, f"{self.assignment}.ipynb", self.solution_ids)
                nb, resources = self._process(nb, student)
                graded = self._score(student, nb)
                graded.submission = resources.get("autograder", {}).get("submission", "")
                _write_autograded(folder, target, nb, self.assignment)
                graded.timestamp = timestamp
        except BadSubmission as error:
            graded = self._failed(student, str(error))
        except Exception:  # whatever else a hostile notebook trips in nbgrader's steps: its own loss only
            graded = self._failed(student, UNMATCHED)
        graded.seconds = time.perf_counter() - started
        write_results(target, graded)
        (target / "timing.json").write_text(json.dumps({"seconds": round(graded.seconds, 3)}) + "\n")
        return graded

    def _failed(self, student: str, reason: str) -> Graded:
        return failed(student, self.units, reason)

    def _process(self, nb: NotebookNode, student: str) -> tuple[NotebookNode, dict]:
        resources = {"nbgrader": {"student": student, "assignment": self.assignment,
                                  "notebook": self.assignment, "db_url": self.db_url}}
        for step in self.steps:
            nb, resources = step(nb, resources)  # a step whose `enabled` is off does nothing, as in nbgrader
        return nb, resources

    def _score(self, student: str, nb: NotebookNode) -> Graded:
        scores = {c.metadata.nbgrader.grade_id: utils.determine_grade(c)[0] for c in nb.cells if utils.is_grade(c)}
        blank = [c.metadata.nbgrader.grade_id for c in nb.cells
                 if utils.is_solution(c) and c.metadata.nbgrader.get("checksum") == utils.compute_checksum(c)]
        results = unit_results(nb, self.units, lambda cell: utils.determine_grade(cell), self.language)
        return Graded(student, results, scores=scores, no_response=blank)


@functools.lru_cache(maxsize=4096)
def _summary(name: str, score: float, max_score: float, status: str, function: str, part: str) -> TestResult:
    """One TestResult per distinct line of the grade table, shared (read only): a batch of thousands
    keeps references, not copies."""
    return TestResult(name, score, max_score, status, "", {"function": function, "part": part})


def failed(student: str, units: list[Unit], reason: str) -> Graded:
    """A submission that could not be graded: every unit scores 0, and `reason` says why."""
    return Graded(student, unit_results(nbformat.v4.new_notebook(), units, _zero), error=reason)


def read_submission(folder: SubmittedFolder, name: str, solution_ids: set[str]) -> NotebookNode:
    """The submitted notebook, or a BadSubmission that says plainly what is wrong with it."""
    text = folder.read(name)
    if text is None:
        raise BadSubmission(f"no notebook named {name} was submitted")
    if not text.strip():
        raise BadSubmission(f"{name} is an empty file")
    try:
        raw = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadSubmission(f"{name} is not valid JSON, so not a notebook ({error})") from None
    if not isinstance(raw, dict) or "cells" not in raw and "worksheets" not in raw:
        raise BadSubmission(f"{name} is JSON but not a Jupyter notebook")
    if raw.get("nbformat") != 4:
        raise BadSubmission(f"{name} is nbformat {raw.get('nbformat')}; save it with a current "
                            "Jupyter (nbformat 4) and submit again")
    try:
        nb = nbformat.v4.to_notebook_json(raw)  # as nbformat.reads would, without parsing twice
        nbformat.validate(nb)
    except Exception as error:  # nbformat's validation errors are many kinds
        raise BadSubmission(f"{name} is not a valid notebook: {str(error).splitlines()[0]}") from None
    ids = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells}
    if not ids & solution_ids:
        raise BadSubmission(f"{name} has none of this assignment's answer cells: "
                            "is it another assignment's notebook?")
    return nb


def write_results(target: Path, graded: Graded) -> None:
    """results.json: a failed submission says why; notes (feedback, gradebook) follow the scores."""
    output = f"grading failed: {graded.error}" if graded.error else "\n".join(graded.notes)
    write_results_json(target / "results.json", graded.results, output=output,
                       extra={"hidden_cases": graded.submission} if graded.submission else None)


def read_results(target: Path) -> list[TestResult]:
    """The tests of the results.json that write_results wrote in `target`."""
    return [TestResult(**test) for test in json.loads((target / "results.json").read_text())["tests"]]


def _write_autograded(folder: SubmittedFolder, target: Path, nb: NotebookNode, assignment: str) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, data in folder.extra_files().items():
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

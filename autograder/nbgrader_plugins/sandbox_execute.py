"""The kit's executor, in place of nbgrader's Execute step: isolated, and without a Jupyter kernel.

Student cells run in a sandboxed worker (autograder.sandbox); test cells run here, in the grader
process, where the hidden cases and the reference live (autograder.notebook.runner). Outputs are
recorded in the cells as nbgrader expects, so its scoring, gradebook and feedback work unchanged.
Vectorization cells are left to the LoopRule step that follows.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Float, Integer, List, Unicode

from autograder import mistakes
from autograder.config import Course, course_root
from autograder.course_dir import CourseDir
from autograder.kitcheck.i18n import use
from autograder.grading import context
from autograder.grading.seeds import submission_key
from autograder.notebook.cells import student_cells
from autograder.notebook.runner import DEMO_TAG, run_cells
from autograder.sandbox.client import Sandbox
from autograder.sandbox.confine import Limits, unavailable_protections
from autograder.sandbox.session import Session


class SandboxExecute(NbGraderPreprocessor):
    """Run a submission: student cells in a sandboxed worker, test cells in the grader."""

    cell_timeout = Float(20, help="Wall-clock seconds a student cell may run.").tag(config=True)
    call_timeout = Float(10, help="Wall-clock seconds one call of a student's function may run.").tag(config=True)
    cpu_seconds = Integer(120, help="CPU seconds the worker may use in all.").tag(config=True)
    memory_mb = Integer(2048, help="Memory (address space) the worker may add, in MiB.").tag(config=True)
    processes = Integer(32, help="Processes the worker's private user may run at once (root only).").tag(config=True)
    file_mb = Integer(16, help="Largest file the worker may write, in MiB.").tag(config=True)
    output_kb = Integer(1024, help="Output kept per cell and stream, in KiB.").tag(config=True)
    submission_seconds = Float(45, help="Wall-clock seconds for a whole submission: every cell, call and "
                                        "replay; once spent, the rest fails at once with TIMEOUT.").tag(config=True)
    disk_mb = Integer(64, help="Size of the worker's private /tmp, its working folder included, in MiB "
                               "(root only).").tag(config=True)
    skip_tags = List(Unicode(), [DEMO_TAG], help="Cells with these tags are not run when grading.").tag(config=True)

    _warned = False  # say once per process what protections this machine lacks

    def preprocess(self, nb: NotebookNode, resources: dict):
        if unavailable_protections() and not SandboxExecute._warned:
            self.log.warning(unavailable_protections())
            SandboxExecute._warned = True
        root = Path(self.config.CourseDirectory.root) if "root" in self.config.CourseDirectory else course_root()
        use(Course(config=self.config).language)  # plain `nbgrader autograde` too: feedback in the course's language
        grading = resources.get("nbgrader", {})
        submission = submission_key([source for _, source in student_cells(nb)])
        context.current = context.GradingContext(root=root, student=grading.get("student"), submission=submission)
        session = Session(self._sandbox(root, grading.get("assignment", "")))
        try:
            session.start()
            run_cells(nb, session, skip_tags=self.skip_tags,
                      diagnose=partial(mistakes.diagnose, grading.get("assignment", "")))
        finally:
            session.stop()
            measured, context.current = context.current, context.GradingContext()  # nothing outlives the submission
        resources.setdefault("autograder", {}).update(
            dynamic=measured.dynamic, missing_protections=session.missing, submission=submission)
        return nb, resources

    def _sandbox(self, root: Path, assignment: str) -> Sandbox:
        limits = Limits(cpu_seconds=self.cpu_seconds, memory_mb=self.memory_mb, processes=self.processes,
                        file_mb=self.file_mb, disk_mb=self.disk_mb)
        # the source folder as this step's configuration says (on a cluster worker: the client's)
        source = CourseDir(root, self.config).source(assignment)
        return Sandbox(data_files(source), limits, hide=hidden_paths(root),
                       cell_seconds=self.cell_timeout, call_seconds=self.call_timeout,
                       output_limit=self.output_kb * 1024, submission_seconds=self.submission_seconds)


def data_files(folder: Path) -> list[Path]:
    """An assignment's files besides notebooks, their text sources and translations (what the release holds)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix not in (".ipynb", ".po") and not p.name.endswith(".nb.md"))


def hidden_paths(root: Path) -> list[str]:
    """What a worker must not see even inside a folder it may read (the worker's root holds only
    Python and the kit's student side): the course's files, the kit's hidden tests, solutions and
    mistakes. When the Python environment lives inside the course folder, its other entries."""
    import autograder.grading
    import autograder.mistakes
    import solutions

    kit = [Path(module.__file__).parent for module in (solutions, autograder.grading, autograder.mistakes)]
    python = Path(np.__file__).resolve()
    if root in python.parents:
        course = [p for p in root.iterdir() if p not in python.parents and p.name != "autograder"]
    else:
        course = [root]
    return [str(p) for p in course + kit]

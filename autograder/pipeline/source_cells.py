"""nbgrader's OverwriteCells and OverwriteKernelspec, answered from a copy of the source notebook.

Both ask the gradebook about the source notebook for every submission (a few SQL queries per
cell). The source notebook does not change during a batch, so the batch's client reads it once
(SourceNotebook.read) and hands that plain copy to every grader process, local or on a cluster
worker: graders never open the gradebook, and need no connection to it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import OverwriteCells, OverwriteKernelspec


@dataclass(frozen=True)
class SourceCell:
    """A gradebook SourceCell's fields OverwriteCells reads."""

    name: str
    cell_type: str
    locked: bool
    checksum: str
    source: str


@dataclass(frozen=True)
class GradedCell:
    """A grade, solution or task cell: its name and points (none for a solution cell)."""

    name: str
    max_score: float | None = None


@dataclass(frozen=True)
class SourceNotebook:
    """The gradebook's record of one source notebook, answering the lookups nbgrader's steps make."""

    kernelspec: str | None
    source_cells: tuple[SourceCell, ...]
    grade_cells: tuple[GradedCell, ...]
    solution_cells: tuple[GradedCell, ...]
    task_cells: tuple[GradedCell, ...]

    @classmethod
    def read(cls, gradebook: Gradebook, notebook: str, assignment: str) -> "SourceNotebook":
        found = gradebook.find_notebook(notebook, assignment)
        return cls(found.kernelspec,
                   tuple(SourceCell(c.name, c.cell_type, c.locked, c.checksum, c.source) for c in found.source_cells),
                   tuple(GradedCell(c.name, c.max_score) for c in found.grade_cells),
                   tuple(GradedCell(c.name) for c in found.solution_cells),
                   tuple(GradedCell(c.name, c.max_score) for c in found.task_cells))

    # -- the Gradebook methods OverwriteCells calls --------------------------------------------
    def find_notebook(self, notebook: str, assignment: str) -> "SourceNotebook":
        return self

    def find_source_cell(self, name: str, notebook: str, assignment: str) -> SourceCell:
        return _named(self.source_cells, name)

    def find_graded_cell(self, name: str, notebook: str, assignment: str) -> GradedCell:
        return _named(self.grade_cells + self.task_cells, name)


def _named(cells: tuple, name: str):
    for cell in cells:
        if cell.name == name:
            return cell
    raise MissingEntry()


class CachedOverwriteKernelspec(OverwriteKernelspec):
    def preprocess(self, nb, resources):
        kernelspec = resources["autograder"]["source"].kernelspec
        if kernelspec:
            nb.metadata["kernelspec"] = json.loads(kernelspec)
        return nb, resources


class CachedOverwriteCells(OverwriteCells):
    def preprocess(self, nb, resources):
        self.notebook_id = resources["nbgrader"]["notebook"]
        self.assignment_id = resources["nbgrader"]["assignment"]
        self.gradebook = resources["autograder"]["source"]
        nb, resources = super(OverwriteCells, self).preprocess(nb, resources)  # the per-cell pass
        if self.add_missing_cells:
            nb, resources = self.add_missing_grade_cells(nb, resources)
            nb, resources = self.add_missing_task_cells(nb, resources)
        return nbformat.from_dict(nb), resources  # re-added cells are plain dicts

"""nbgrader's OverwriteCells and OverwriteKernelspec with the gradebook read once per grader process.

They ask the gradebook about the source notebook for every submission (a few SQL queries per
cell); the source notebook does not change during a batch, so the answers are kept.
"""
from __future__ import annotations

import json

import nbformat

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import OverwriteCells, OverwriteKernelspec


class _Remembered:
    """A read-only view of a gradebook whose lookups are answered once (missing entries too)."""

    def __init__(self, gradebook: Gradebook):
        self._gradebook, self._answers = gradebook, {}

    def __getattr__(self, name: str):
        method = getattr(self._gradebook, name)

        def remembered(*args):
            key = (name, args)
            if key not in self._answers:
                try:
                    self._answers[key] = (method(*args), None)
                except MissingEntry as missing:
                    self._answers[key] = (None, missing)
            value, missing = self._answers[key]
            if missing is not None:
                raise missing
            return value

        return remembered


_views: dict[str, _Remembered] = {}


def remembered(db_url: str) -> _Remembered:
    if db_url not in _views:
        _views[db_url] = _Remembered(Gradebook(db_url))
    return _views[db_url]


class CachedOverwriteKernelspec(OverwriteKernelspec):
    def preprocess(self, nb, resources):
        grading = resources["nbgrader"]
        kernelspec = remembered(grading["db_url"]).find_notebook(grading["notebook"], grading["assignment"]).kernelspec
        if kernelspec:
            nb.metadata["kernelspec"] = json.loads(kernelspec)
        return nb, resources


class CachedOverwriteCells(OverwriteCells):
    def preprocess(self, nb, resources):
        self.notebook_id = resources["nbgrader"]["notebook"]
        self.assignment_id = resources["nbgrader"]["assignment"]
        self.db_url = resources["nbgrader"]["db_url"]
        self.gradebook = remembered(self.db_url)
        nb, resources = super(OverwriteCells, self).preprocess(nb, resources)  # the per-cell pass
        if self.add_missing_cells:
            nb, resources = self.add_missing_grade_cells(nb, resources)
            nb, resources = self.add_missing_task_cells(nb, resources)
        return nbformat.from_dict(nb), resources  # re-added cells are plain dicts

"""nbgrader's OverwriteCells with the gradebook's source cells read once per grader process.

OverwriteCells asks the gradebook for every graded cell of every submission (a few SQL queries
per cell); the source cells do not change during a batch, so the answers are kept.
"""
from __future__ import annotations

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import OverwriteCells


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


class CachedOverwriteCells(OverwriteCells):
    _views: dict[str, _Remembered] = {}

    def preprocess(self, nb, resources):
        self.notebook_id = resources["nbgrader"]["notebook"]
        self.assignment_id = resources["nbgrader"]["assignment"]
        self.db_url = resources["nbgrader"]["db_url"]
        if self.db_url not in self._views:
            self._views[self.db_url] = _Remembered(Gradebook(self.db_url))
        self.gradebook = self._views[self.db_url]
        nb, resources = super(OverwriteCells, self).preprocess(nb, resources)  # the per-cell pass
        if self.add_missing_cells:
            nb, resources = self.add_missing_grade_cells(nb, resources)
            nb, resources = self.add_missing_task_cells(nb, resources)
        return nb, resources

"""Graded notebooks written and read back by the grader, fast.

nbformat's writer deep-copies the notebook, splits every text into lines and encodes it with
Python's pure-Python JSON encoder (for its indentation); its reader validates the notebook
against the schema again. A graded notebook is the kit's own output, built from a submission
already validated: it is written compact, by the C encoder, in about a fifth of the time, and
read back without a second validation. Every reader (nbformat, nbgrader, JupyterLab) takes
compact JSON and texts not split into lines alike.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4.rwbase import strip_transient


def write_graded(nb: NotebookNode, path: Path) -> None:
    """Write `nb` (which is not needed afterwards: its transient fields are dropped in place)."""
    path.write_text(json.dumps(strip_transient(nb), sort_keys=True, ensure_ascii=False), encoding="utf-8")


def read_graded(path: Path) -> NotebookNode:
    """A notebook the grader wrote (write_graded), not validated again."""
    return nbformat.v4.to_notebook_json(json.loads(path.read_text(encoding="utf-8")))

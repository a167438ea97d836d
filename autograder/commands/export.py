"""`autograder export`: grades as CSV through nbgrader's own CSV export plugin."""
from __future__ import annotations

from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.plugins import CsvExportPlugin

from autograder.config import load_config


def export(root: Path, destination: Path) -> Path:
    config = load_config(root)
    plugin = CsvExportPlugin(config=config)
    plugin.to = str(destination)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=config.CourseDirectory.course_id) as gradebook:
        plugin.export(gradebook)
    return destination

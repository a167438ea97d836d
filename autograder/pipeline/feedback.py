"""Feedback HTML with nbgrader's feedback template, one exporter per grader process (building
an exporter is most of what `nbgrader generate_feedback` spends per student)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import nbgrader
from nbconvert import HTMLExporter
from traitlets.config import Config
from traitlets.utils.importstring import import_item

RELEASE_NEEDS = ("timestamp.txt", "submission_secret.txt")
_TEMPLATES = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader"


class FeedbackWriter:
    def __init__(self, root: Path, assignment: str, config: Config):
        self.root, self.assignment = root, assignment
        config = Config(config)
        config.HTMLExporter.template_name = "feedback"
        config.HTMLExporter.extra_template_basedirs = [str(_TEMPLATES / "templates")]
        config.HTMLExporter.extra_template_paths = [
            str(_TEMPLATES / "static" / "node_modules" / "bootstrap" / "dist" / "css")]
        self.exporter = HTMLExporter(config=config)
        for name in config.GenerateFeedback.preprocessors:
            self.exporter.register_preprocessor(import_item(name) if isinstance(name, str) else name)
        self.db_url = f"sqlite:///{root / 'gradebook.db'}"

    def write(self, student: str) -> Path:
        source = self.root / "autograded" / student / self.assignment / f"{self.assignment}.ipynb"
        nb = nbformat.read(source, as_version=4)
        resources = {"nbgrader": {"student": student, "assignment": self.assignment,
                                  "notebook": self.assignment, "db_url": self.db_url}}
        html, _ = self.exporter.from_notebook_node(nb, resources=resources)
        target = self.root / "feedback" / student / self.assignment / f"{self.assignment}.html"
        os.makedirs(target.parent, exist_ok=True)
        target.write_text(html)
        for name in RELEASE_NEEDS:  # what nbgrader's release_feedback reads beside the page
            if (source.parent / name).is_file():
                shutil.copyfile(source.parent / name, target.parent / name)
        return target

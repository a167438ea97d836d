"""Where a course keeps things: every folder and the gradebook's URL come from nbgrader's
CourseDirectory as course_config.py configures it (`db_url`, the step folders, `directory_structure`),
so the kit and plain `nbgrader` commands agree. No command builds a course path or a database URL
by hand. AUTOGRADER_DB_URL, read by course_config.py, points both at another gradebook (PostgreSQL).
"""
from __future__ import annotations

import re
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from autograder.config import load_config


class CourseDir:
    def __init__(self, root: Path, config: Config):
        self.config = Config(config)
        self.config.CourseDirectory.root = str(root)
        self.nbgrader = CourseDirectory(config=self.config)
        self.root = Path(self.nbgrader.root)

    @property
    def db_url(self) -> str:
        return self.nbgrader.db_url

    @property
    def course_id(self) -> str:
        return self.nbgrader.course_id

    def gradebook(self) -> Gradebook:
        return Gradebook(self.db_url, course_id=self.course_id)

    def step(self, name: str) -> str:
        """The folder name of an nbgrader step: "source", "release", "submitted", "autograded", "feedback"."""
        return getattr(self.nbgrader, f"{name}_directory")

    def path(self, step: str, student: str, assignment: str) -> Path:
        return Path(self.nbgrader.format_path(self.step(step), student, assignment))

    def source(self, assignment: str) -> Path:
        return self.path("source", ".", assignment)

    def release(self, assignment: str) -> Path:
        return self.path("release", ".", assignment)

    def submitted(self, student: str, assignment: str) -> Path:
        return self.path("submitted", student, assignment)

    def autograded(self, student: str, assignment: str) -> Path:
        return self.path("autograded", student, assignment)

    def feedback(self, student: str, assignment: str) -> Path:
        return self.path("feedback", student, assignment)

    def students(self, step: str, assignment: str, must_exist: str = "") -> list[str]:
        """The students with a folder of `assignment` in `step` (holding `must_exist`, if given), sorted."""
        pattern = re.compile(self.nbgrader.format_path(self.step(step), "(?P<student>[^/]+)", assignment,
                                                       escape=True) + "$")
        found = []
        for folder in self.root.glob(str(self.path(step, "*", assignment).relative_to(self.root))):
            matched = pattern.match(str(folder))
            if matched and folder.is_dir() and (not must_exist or (folder / must_exist).is_file()):
                found.append(matched["student"])
        return sorted(found)


def course_dir(root: Path) -> CourseDir:
    """The course at `root`, as its course_config.py sets it up (loaded once: see load_config)."""
    return CourseDir(root, load_config(root))

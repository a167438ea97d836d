"""nbgrader's API, configured from the course root as `nbgrader` itself would be."""
from __future__ import annotations

import logging
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from autograder.course_dir import course_dir
from autograder.own_scripts import find_own_scripts


def nbgrader_api(root: Path) -> NbGraderAPI:
    find_own_scripts()
    config = Config(course_dir(root).config)
    config.Exchange.root = str(root / ".exchange")  # unused by the kit; keeps nbgrader off /srv
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    api.log.setLevel(logging.WARNING)
    return api


def require_success(result: dict, what: str) -> None:
    if not result["success"]:
        raise RuntimeError(f"{what} failed:\n{result.get('error') or result.get('log')}")

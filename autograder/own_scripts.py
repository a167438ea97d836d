"""Make this Python environment's scripts findable, as nbgrader expects them to be."""
from __future__ import annotations

import os
import sys


def find_own_scripts() -> None:
    """nbgrader runs `alembic` from PATH to create a gradebook: put this environment's scripts (a
    virtualenv's bin/) on PATH, so that `.venv/bin/autograder` works without activating the environment."""
    scripts = os.path.dirname(sys.executable)
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")

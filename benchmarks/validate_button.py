"""What nbgrader's Validate button costs per press, measured as its Jupyter server handler works.

Run in a release folder (the server's working folder), as `python -m benchmarks.validate_button
NOTEBOOK RUNS`: it loads the configuration as nbgrader's ValidateAssignmentHandler does (the
folder's nbgrader_config.py, which hands validation to the kit's self-check), then validates the
notebook RUNS times in this one warm process, as a running server would, and prints the wall
seconds of each press as JSON on the last line.
"""
from __future__ import annotations

import json
import os
import sys
import time


def presses(notebook: str, runs: int) -> list[float]:
    from jupyter_core.paths import jupyter_config_path
    from nbgrader.apps import NbGrader
    from nbgrader.validator import Validator

    app = NbGrader()  # the handler's load_config: Jupyter's config folders, the working folder first
    app.config_file_paths.append([os.getcwd(), *jupyter_config_path()])
    app.load_config_file()
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        result = Validator(config=app.config).validate(os.path.abspath(notebook))
        seconds.append(time.perf_counter() - started)
        if result.get("failed"):
            raise SystemExit(f"the finished notebook failed validation: {result['failed'][:1]}")
    return seconds


if __name__ == "__main__":
    print(json.dumps(presses(sys.argv[1], int(sys.argv[2]))))

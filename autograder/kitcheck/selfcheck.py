"""A student's self-check with nothing but the release folder: `python -m kitcheck NOTEBOOK`.

The notebook's cells run in this process, in order, as grading runs them: demonstrations (cells
tagged `demo`) are skipped; every public case of a test cell runs and a failing one names the known
mistake it shows (from the data in kitcheck/known/); a vectorization cell gets the loop rule's
verdict on the cells run so far. Points come from the notebook's nbgrader metadata. The student's
code runs in the student's own process: it is their code, on their machine. Needs numpy and the
standard library; IPython (part of Jupyter) runs the cells that need it (magics) when it is there.
"""
from __future__ import annotations

import builtins
import contextlib
import io
import json
import linecache
import os
from pathlib import Path

from .collect import collecting
from .record import Record
from .table import check_row
from .verdicts import judge, stated_policies

DEMO_TAG = "demo"
TESTS, VECTORIZED = "test_", "vectorized_"


def run(path: Path) -> list[dict]:
    """The self-check rows of the notebook at `path`, run in its own folder (where its data is)."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    return list(run_cells(cells, Path(path).resolve().parent).values())


def run_cells(cells: list[dict], folder: Path) -> dict[str, dict]:
    """The self-check rows of a notebook's cells (already in memory), by the graded cell's grade_id,
    run in `folder`."""
    os.environ.setdefault("MPLBACKEND", "Agg")  # plots go nowhere: no window, no inline display
    here = Path.cwd()
    os.chdir(folder)
    try:
        return _run_cells(cells, _Shell())
    finally:
        os.chdir(here)


def _run_cells(cells: list[dict], shell: "_Shell") -> dict[str, dict]:
    rows, run_so_far, tests = {}, [], {}
    for number, cell in enumerate(cells, start=1):
        source = _source(cell)
        grading = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") != "code" or DEMO_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        if not grading.get("grade"):
            shell.run(source)
            run_so_far.append((f"cell {number}", source))
            continue
        grade_id = str(grading.get("grade_id", ""))
        if grade_id.startswith(VECTORIZED):
            name, policies = stated_policies(source)
            record = judge(run_so_far, policies, tests=tests)[name]
        else:
            record = _test_cell(shell, source, grade_id.removeprefix(TESTS))
            tests[record.unit] = record
        points = float(grading.get("points", 0))
        rows[grade_id] = check_row(record.fields(), points if record.passed else 0.0, points,
                                   "passed" if record.passed else "failed", record.text)
    return rows


def _test_cell(shell: "_Shell", source: str, unit: str) -> Record:
    """Every case of a test cell, collected; an exception of the cell itself (a name the notebook
    lacks) is the cell's result."""
    with collecting() as collector:
        error = shell.run(source)
    code = "NOT_DEFINED" if isinstance(error, NameError) else "EXCEPTION"
    return collector.record(unit, error, code)


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


class _Shell:
    """Runs cells in one namespace, as a kernel would, with their output swallowed; returns the
    exception a cell ended with (None when it ran through). Plain Python runs as it is; IPython
    (a third of a second to start) only once a cell needs it (a magic, a shell escape), on the
    same namespace; without IPython such a cell fails as a SyntaxError."""

    def __init__(self):
        self.ipython, self.namespace, self.cells = None, {"__name__": "__main__", "__builtins__": builtins}, 0

    def run(self, source: str) -> BaseException | None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = self._plain(source) if self.ipython is None else None
            if code is None and self._ipython() is not None:
                result = self.ipython.run_cell(source, store_history=True)
                return result.error_in_exec or result.error_before_exec
            try:
                exec(code or compile(source, "<cell>", "exec"), self.namespace)
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # a student's error (sys.exit too) is the cell's result
                return error
            return None

    def _plain(self, source: str):
        """The cell's code when it is plain Python (its lines kept for messages), else None."""
        self.cells += 1
        filename = f"<cell-{self.cells}>"
        try:
            code = compile(source, filename, "exec")
        except SyntaxError:
            return None
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        return code

    def _ipython(self):
        try:
            from IPython.core.interactiveshell import InteractiveShell
        except ImportError:  # plain Python: no magics, the rest works
            return None
        self.ipython = InteractiveShell.instance(user_ns=self.namespace)
        return self.ipython

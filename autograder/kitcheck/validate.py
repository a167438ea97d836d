"""nbgrader's Validate button (and `nbgrader validate`) answered by the kit's self-check, no kernel.

Two halves. In the Jupyter server, `KitSelfCheck`, an nbgrader preprocessor, hands the notebook to
a child Python running `python -m kitcheck.validate` in the notebook's folder and writes each
graded cell's result into its outputs as nbgrader's Validator reads them: a failing check an error
whose traceback is the kit's messages (the self-check table on top of the first one), a passing
one a line on stdout. The child runs the student's code, so a loop that never ends or a crash
costs the child, never the student's Jupyter server, and each run starts from a fresh namespace.

nbgrader is imported only when `KitSelfCheck` is asked for: this module ships to students in
kitcheck/ and the child needs the standard library and numpy only. Its messages are in the course's
language, from the kit's i18n.py beside it (the Jupyter server loads this file alone).
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path


def _kit_i18n():
    """The kit's i18n module: nbgrader's config (validate_config.py) loads this file alone, by path."""
    spec = importlib.util.spec_from_file_location("_kitcheck_i18n", Path(__file__).resolve().with_name("i18n.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __package__:
    from .i18n import _
else:
    _ = _kit_i18n()._

ENAME = "CheckFailed"
TIMEOUT = 120  # seconds for the whole notebook; nbgrader's own Execute allows 30 per cell


def main() -> None:
    """The child: the notebook on stdin, run in the working folder; the rows and the table, as JSON,
    on the last line of stdout (whatever the student's code writes there comes before)."""
    from .selfcheck import run_cells  # run as `python -m kitcheck.validate`: the package is there
    from .table import report

    rows = run_cells(json.load(sys.stdin)["cells"], Path.cwd())
    name = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else _("the notebook")
    table = report(name, list(rows.values()), color=False)
    sys.stdout.write("\n" + json.dumps({"rows": rows, "table": table}) + "\n")


def self_check(nb: dict, folder: Path, timeout: float = TIMEOUT) -> tuple[dict, str]:
    """The rows by grade_id and the table, from a child Python in `folder`; its own kitcheck/ there
    first, else the package this module belongs to (the course's own, for an instructor)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                                   os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "kitcheck.validate", _notebook_name(folder)], cwd=folder, env=env,
                          input=json.dumps(nb), capture_output=True, text=True, timeout=timeout)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(_("the self-check stopped (exit {code}): {error}").format(
            code=done.returncode, error=done.stderr.strip()[-2000:]))
    answer = json.loads(lines[-1])
    return answer["rows"], answer["table"]


def _notebook_name(folder: Path) -> str:
    """nbgrader hands a preprocessor the notebook, not its file name: a release folder has one ("" if
    not: the child names it in the course's language)."""
    names = sorted(path.name for path in folder.glob("*.ipynb"))
    return names[0] if len(names) == 1 else ""


def outputs(nb: dict, rows: dict, table: str) -> None:
    """Each graded cell's result as its outputs; the table heads the first failing cell's error."""
    head = table.splitlines() + [""]
    for cell in nb["cells"]:
        row = rows.get(cell.get("metadata", {}).get("nbgrader", {}).get("grade_id"))
        if cell.get("cell_type") != "code" or row is None:
            continue
        if row["status"] == "passed":
            cell["outputs"] = [_stream(_passed(row) + "\n")]
        else:
            cell["outputs"] = [_error(row["message"] or row["output"], head + row["output"].splitlines())]
            head = []


def _passed(row: dict) -> str:
    if row["part"] == "vectorized":
        return _("ok  {name}: vectorized passed").format(name=row["name"])
    return _("ok  {name}: tests passed").format(name=row["name"])


def stopped(nb: dict, reason: str) -> None:
    """The self-check could not finish (a timeout, a crash): the first graded cell says why."""
    for cell in nb["cells"]:
        if cell.get("cell_type") == "code" and cell.get("metadata", {}).get("nbgrader", {}).get("grade"):
            cell["outputs"] = [_error(reason, [reason])]
            return


def _stream(text: str) -> dict:
    from nbformat.v4 import new_output
    return new_output("stream", name="stdout", text=text)


def _error(evalue: str, traceback: list[str]) -> dict:
    from nbformat.v4 import new_output
    return new_output("error", ename=ENAME, evalue=evalue, traceback=traceback)


def _preprocessor():
    """The nbgrader preprocessor, built on first use (nbgrader takes seconds to import)."""
    from nbgrader.preprocessors import NbGraderPreprocessor
    from traitlets import Float

    class KitSelfCheck(NbGraderPreprocessor):
        """The kit's self-check in place of a kernel run: graded cells get the kit's results."""

        timeout = Float(TIMEOUT, help="Seconds the self-check of one notebook may take").tag(config=True)

        def preprocess(self, nb, resources):
            folder = Path.cwd()  # nbgrader's Validator works in the notebook's folder
            try:
                rows, table = self_check(nb, folder, self.timeout)
            except subprocess.TimeoutExpired:
                stopped(nb, _("The self-check stopped after {seconds} s: does a function loop forever?").format(
                    seconds=f"{self.timeout:g}"))
            except (RuntimeError, ValueError, KeyError) as error:
                stopped(nb, str(error))
            else:
                outputs(nb, rows, table)
            return nb, resources

    return KitSelfCheck


def __getattr__(name: str):
    """`kitcheck.validate.KitSelfCheck`, importing nbgrader only then (PEP 562)."""
    if name == "KitSelfCheck":
        globals()[name] = _preprocessor()
        return globals()[name]
    raise AttributeError(name)


if __name__ == "__main__":
    main()

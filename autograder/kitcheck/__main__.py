"""`python -m kitcheck NOTEBOOK [--json]`, in a release folder: the self-check, exit 0 only if all pass."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .i18n import _
from .selfcheck import run
from .table import report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kitcheck", description=_(
        "Run a notebook's public tests and the loop rule as grading does, and print one row per graded function."))
    parser.add_argument("notebook", type=Path, help=_("the assignment's notebook, e.g. vectorization.ipynb"))
    parser.add_argument("--json", action="store_true", help=_("the same data as JSON, for tools"))
    args = parser.parse_args(argv)
    if not args.notebook.is_file():
        print(_("kitcheck: no notebook {path}").format(path=args.notebook), file=sys.stderr)
        return 2
    checks = run(args.notebook)
    print(report(args.notebook.name, checks, as_json=args.json))
    return 0 if all(check["status"] == "passed" for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())

"""The `autograder` command line (also `python -m autograder`), run in the course root."""
from __future__ import annotations

import argparse
import gc
import os
import sys
import warnings
from pathlib import Path

from autograder.config import assignment_names, course_root
from autograder.kitcheck.i18n import ngettext
from autograder.own_scripts import find_own_scripts

LANGUAGE_VARIABLE = "AUTOGRADER_LANGUAGE"


def _release(args) -> int:
    from autograder.commands.release import release

    root = course_root()
    for assignment in args.assignments or assignment_names(root):
        print(f"released {release(root, assignment)}")
    return 0


def _check(args) -> int:
    from autograder.commands.check import check, report

    path = Path(args.notebook)
    if not path.is_file():
        print(f"autograder check: no notebook at {path}", file=sys.stderr)
        return 2
    results = check(path)
    print(report(path, results, as_json=args.json))
    return 0 if all(r.status == "passed" for r in results) else 1


def _report(args) -> int:
    from autograder.commands.report import write_report

    root = course_root()
    print(f"wrote {write_report(root, args.assignment, Path(args.out) if args.out else None)}")
    return 0


def _grade(args) -> int:
    from autograder.sandbox.client import Zygote

    if not args.scheduler:  # warm parents start first: they get ready while nbgrader imports (a second)
        Zygote.prestart(args.jobs or os.cpu_count() or 1)
    from autograder.commands.grade import grade, to_grade
    from autograder.course_dir import course_dir

    root = course_root()
    Zygote.spares_for(course_dir(root).source(args.assignment))
    from autograder.sandbox.confine import unavailable_protections

    if unavailable_protections() and not args.scheduler:
        print(f"note: {unavailable_protections()}", file=sys.stderr)
    from autograder.commands.table import grade_table

    students, skipped = to_grade(root, args.assignment, force=args.force)
    graded = grade(root, args.assignment, students, jobs=args.jobs, feedback=not args.no_feedback,
                   scheduler=args.scheduler)
    print(grade_table(args.assignment, graded))
    failed = [g for g in graded if g.error]
    seconds = sum(g.seconds for g in graded)
    print(ngettext("{count} submission graded, {failed} could not be graded; {seconds} s of grading per submission",
                   "{count} submissions graded, {failed} could not be graded; {seconds} s of grading per submission",
                   len(graded)).format(count=len(graded), failed=len(failed),
                                       seconds=f"{seconds / max(len(graded), 1):.2f}"))
    if skipped:
        print(f"{skipped} submissions graded before and not handed in since were left as they are "
              "(--force grades them again)")
    return 1 if failed else 0


def _export(args) -> int:
    from autograder.commands.export import export

    print(f"wrote {export(course_root(), Path(args.to), by_function=args.by_function, assignments=args.assignment)}")
    return 0


def _lint(args) -> int:
    from autograder.commands.lint import lint

    findings = lint(Path(args.path))
    for line in findings:
        print(line)
    return 1 if findings else 0


def _build(args) -> int:
    from autograder.authoring.build import write_notebook
    from autograder.authoring.editions import write_edition
    from autograder.authoring.known_mistakes import write_known_mistakes
    from autograder.kitcheck.i18n import LANGUAGES

    root = course_root()
    for assignment in args.assignments or assignment_names(root):
        print(f"built {write_notebook(root, assignment)}")
        for language in LANGUAGES[1:]:
            for path in write_edition(root, assignment, language):
                print(f"built {path}")
        print(f"built {write_known_mistakes(root, assignment)}")
    return 0


def _demo(args) -> int:
    from autograder.commands.demo import demo

    demo(course_root())
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="autograder", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--language", choices=("en", "ko"), default=None,
                        help="the course's language for this command (default: course_config.py's)")
    sub = top.add_subparsers(dest="command", required=True)
    p = sub.add_parser("release", parents=[common], help="build the student release under release/<assignment>/")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.set_defaults(run=_release)
    p = sub.add_parser("check", parents=[common], help="self-check a notebook: public tests and the loop rule")
    p.add_argument("notebook", metavar="NOTEBOOK")
    p.add_argument("--json", action="store_true", help="print the report as JSON, for tools")
    p.set_defaults(run=_check)
    p = sub.add_parser("grade", parents=[common], help="grade submitted/<student>/<assignment>/ with nbgrader")
    p.add_argument("assignment", metavar="ASSIGNMENT")
    p.add_argument("--jobs", type=int, default=None, help="parallel graders (default: the number of cores)")
    p.add_argument("--no-feedback", action="store_true", help="skip writing feedback HTML")
    p.add_argument("--force", action="store_true",
                   help="grade every submission again, also those graded before and not handed in since")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="grade on the Dask cluster whose scheduler is at ADDRESS, e.g. tcp://grader-1:8786 "
                        "(default: course_config.py's c.Course.scheduler; none: on this machine)")
    p.set_defaults(run=_grade)
    p = sub.add_parser("report", parents=[common], help="the instructor's HTML report on an assignment's graded submissions")
    p.add_argument("assignment", metavar="ASSIGNMENT")
    p.add_argument("--out", help="the HTML file to write (default: reports/ASSIGNMENT.html)")
    p.set_defaults(run=_report)
    p = sub.add_parser("export", parents=[common], help="grades as CSV, one row per student and assignment")
    p.add_argument("--to", default="grades.csv", help="the CSV file to write (default: grades.csv)")
    p.add_argument("--by-function", action="store_true",
                   help="one column per graded function and question, rows sorted by student, a submission "
                        "never made marked missing (empty scores, not 0)")
    p.add_argument("--assignment", action="append", metavar="ASSIGNMENT",
                   help="only this assignment (repeat for several; default: all)")
    p.set_defaults(run=_export)
    p = sub.add_parser("lint", parents=[common], help="the static loop rule on a notebook or .py file")
    p.add_argument("path", metavar="PATH")
    p.set_defaults(run=_lint)
    p = sub.add_parser("build", parents=[common], help="rebuild the source notebooks from *.nb.md and solutions/, and the known mistakes of their public cases")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.set_defaults(run=_build)
    p = sub.add_parser("demo", parents=[common], help="release, submit the sample work, grade it and print the grades")
    p.set_defaults(run=_demo)
    return top


def _speak_course_language(language: str | None) -> None:
    """Every message in the course's language (or the one asked for), in this process and its children."""
    from autograder.config import course
    from autograder.kitcheck.i18n import use

    if language:
        os.environ[LANGUAGE_VARIABLE] = language  # course_config.py reads it: the notebooks follow
    try:
        use(course(course_root()).language)
    except FileNotFoundError:  # outside a course (check, lint): the option, else KITCHECK_LANGUAGE or English
        if language:
            use(language)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    _speak_course_language(args.language)
    find_own_scripts()
    # nbgrader's gradebook code trips SQLAlchemy warnings that say nothing to a course's staff.
    warnings.filterwarnings("ignore", module="nbgrader.api")
    try:
        return args.run(args)
    except (FileNotFoundError, KeyError, RuntimeError) as error:
        print(f"autograder {args.command}: {error}", file=sys.stderr)
        return 2
    finally:
        # What the run built is left to the OS at exit: without this the interpreter's last
        # collection walks all of it (half a second after a batch of 60).
        gc.freeze()

"""`autograder release`: the student version of each assignment under release/<assignment>/."""
from __future__ import annotations

import shutil
from pathlib import Path

from autograder.commands.course import nbgrader_api, require_success
from autograder.config import assignment_names, course
from autograder.kitcheck.i18n import GRADER_DOMAIN, LANGUAGE_FILE, N_, fill, speaking
from autograder.course_dir import course_dir

KITCHECK = Path(__file__).resolve().parent.parent / "kitcheck"
# JupyterLab started in a release folder reads nbgrader_config.py there: the Validate button runs the kit.
VALIDATE_CONFIG = Path(__file__).resolve().parent.parent / "nbgrader_plugins" / "validate_config.py"
STUDENT_README = N_("""\
# {assignment}

The notebook `{assignment}.ipynb` is your exercise. Fill in every cell marked
`# YOUR CODE HERE` (delete the `raise NotImplementedError()` line), run the test cell below it,
and read what it says.

## Set up (once)

    python3 -m venv .venv && . .venv/bin/activate
    pip install numpy matplotlib jupyterlab

## Work

    jupyter lab {assignment}.ipynb

Each test cell runs the public tests of the function above it and says which case failed, what
was expected and what your function returned. The cell after it checks that the function has no
Python loops (`for`, `while`, comprehensions, `map`, `np.vectorize`, ...), except where the
exercise says loops are allowed.

## Check before you submit

From this folder, with the same environment (nothing else to install):

    python -m kitcheck {assignment}.ipynb

It runs the notebook from top to bottom as grading does (demonstrations skipped) and prints one
line per function: tests and vectorization passed or failed, points, and the first thing to fix,
naming the known mistake your answer shows where it recognises one. It exits 0 only if everything
passes. At grading, hidden tests also run your functions on new random inputs (other shapes,
square matrices, integer inputs), so do not rely on the examples' shapes or on notebook variables.

## Submit

Submit the notebook file `{assignment}.ipynb` as your course says. The folder `kitcheck/` holds
the public checks; you need not submit it.
""")


# matplotlib reads matplotlibrc from the notebook's folder: fonts with Hangul first (Linux's Nanum
# and Noto CJK, Windows' Malgun Gothic, macOS's AppleGothic), so that Korean labels are not boxes.
FONTS = {"ko": "font.family: sans-serif\n"
               "font.sans-serif: NanumGothic, Noto Sans CJK KR, Malgun Gothic, AppleGothic, DejaVu Sans\n"
               "axes.unicode_minus: False\n"}


def release(root: Path, assignment: str) -> Path:
    """Run nbgrader's generate_assignment, then add the public checks, a student README and the
    configuration that makes nbgrader's Validate button run the kit's self-check."""
    require_success(nbgrader_api(root).generate_assignment(assignment, force=True), f"release of {assignment}")
    target = course_dir(root).release(assignment)
    # The public checks, with the known mistakes of this assignment's public cases only.
    others = [f"{name}.json" for name in assignment_names(root) if name != assignment]
    shutil.copytree(KITCHECK, target / "kitcheck", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.po", "*.pot", f"{GRADER_DOMAIN}.mo", *others))
    # The students' kitcheck speaks the course's language without any setting of theirs.
    language = course(root).language
    (target / "kitcheck" / LANGUAGE_FILE.relative_to(KITCHECK)).write_text(language + "\n")
    with speaking(language):
        (target / "README.md").write_text(fill(STUDENT_README, assignment=assignment), encoding="utf-8")
    if language in FONTS:  # plots label their axes in the course's language
        (target / "matplotlibrc").write_text(FONTS[language])
    shutil.copy(VALIDATE_CONFIG, target / "nbgrader_config.py")
    return target

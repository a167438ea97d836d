"""The Korean course end to end, as its instructor and students meet it: `autograder demo --language ko`
releases the Korean notebooks, grades the sample students to exactly the English scores, and every
text they read afterwards (the notebook, the README, the self-check, results.json, the feedback page,
the instructor's report, the printed tables) is Korean."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.authoring.course_copy import copy_course
from korean import english_prose, hangul
from tests.conftest import REPO

BIN = Path(sys.executable).parent
ASSIGNMENTS = ["vectorization", "broadcasting", "logistic_regression"]


def demo_course(root: Path, *options: str) -> tuple[Path, str]:
    """A fresh course with the sample submissions, after `autograder demo OPTIONS`; and what it printed."""
    copy_course(REPO, root, assignments=[])
    shutil.copytree(REPO / "demo", root / "demo")
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("AUTOGRADER_LANGUAGE", "KITCHECK_LANGUAGE")}
    done = subprocess.run([str(BIN / "autograder"), "demo", *options], cwd=root, capture_output=True, text=True,
                          timeout=600, env=environment)
    assert done.returncode == 0, done.stderr[-3000:]
    return root, done.stdout


@pytest.fixture(scope="module")
def english_demo(tmp_path_factory):
    return demo_course(tmp_path_factory.mktemp("english"))


@pytest.fixture(scope="module")
def korean_demo(tmp_path_factory):
    return demo_course(tmp_path_factory.mktemp("korean"), "--language", "ko")


def visible_text(page: str) -> str:
    """What a reader sees on an HTML page, without the student's own code (shown as written)."""
    page = re.sub(r"(?s)<(style|script|pre|code)\b.*?</\1>", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def identifiers(root: Path, assignment: str) -> set[str]:
    """Names a Korean text may hold: the notebook's code's, the students', the assignments'."""
    notebook = nbformat.read(root / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    students = {path.name for path in (root / "demo" / "submissions").iterdir()}
    return {word for cell in notebook.cells if cell.cell_type == "code"
            for word in re.findall(r"[A-Za-z_]\w*", cell.source)} | students | set(ASSIGNMENTS)


def test_korean_grades_are_the_english_grades(english_demo, korean_demo):
    rows = lambda root: sorted((root / "grades.csv").read_text().splitlines())  # the gradebook's order varies
    assert rows(korean_demo[0]) == rows(english_demo[0])
    assert len(rows(english_demo[0])) == 1 + 6 * len(ASSIGNMENTS)


def test_the_demo_prints_korean_tables(korean_demo):
    _, printed = korean_demo
    names = {name for assignment in ASSIGNMENTS for name in identifiers(korean_demo[0], assignment)}
    assert hangul(printed) and english_prose(printed, names) == []


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_korean_release_is_the_korean_edition(korean_demo, assignment):
    release = korean_demo[0] / "release" / assignment
    notebook = nbformat.read(release / f"{assignment}.ipynb", as_version=4)
    markdown = [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
    assert markdown and all(hangul(text) for text in markdown)
    assert (release / "kitcheck" / "locale" / "LANGUAGE").read_text().strip() == "ko"
    assert hangul((release / "README.md").read_text()) and "NanumGothic" in (release / "matplotlibrc").read_text()
    assert not list(release.rglob("autograder.mo"))  # the grader's messages stay with the grader


def failing_results(root: Path, assignment: str) -> list[dict]:
    return [test for path in sorted((root / "autograded").glob(f"*/{assignment}/results.json"))
            for test in json.loads(path.read_text())["tests"] if test["status"] == "failed"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_results_json_speaks_korean(korean_demo, assignment):
    root = korean_demo[0]
    known = identifiers(root, assignment)
    failed = failing_results(root, assignment)
    assert failed
    leftovers = {test["name"]: english_prose(test["output"], known) for test in failed
                 if english_prose(test["output"], known) or not hangul(test["output"])}
    assert leftovers == {}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_feedback_pages_speak_korean(korean_demo, assignment):
    root = korean_demo[0]
    known = identifiers(root, assignment)
    pages = sorted((root / "feedback").glob(f"*/{assignment}/{assignment}.html"))
    assert pages
    for page in pages:
        text = page.read_text()
        assert 'lang="ko"' in text
        assert english_prose(visible_text(text), known) == [], page


def test_self_check_speaks_korean(korean_demo):
    """A student's `python -m kitcheck` in the Korean release folder, on a notebook with mistakes."""
    root = korean_demo[0]
    release = root / "release" / "broadcasting"
    shutil.copy(root / "submitted" / "cho" / "broadcasting" / "broadcasting.ipynb", release / "mine.ipynb")
    environment = {key: value for key, value in os.environ.items() if key != "KITCHECK_LANGUAGE"}
    done = subprocess.run([sys.executable, "-m", "kitcheck", "mine.ipynb"], cwd=release, capture_output=True,
                          text=True, timeout=120, env=environment)
    assert done.returncode == 1 and hangul(done.stdout)
    assert english_prose(done.stdout, identifiers(root, "broadcasting") | {"mine", "ipynb"}) == []


def test_instructor_report_speaks_korean(korean_demo):
    root = korean_demo[0]
    done = subprocess.run([str(BIN / "autograder"), "report", "broadcasting", "--language", "ko"], cwd=root,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    page = (root / "reports" / "broadcasting.html").read_text()
    assert 'lang="ko"' in page and hangul(page)
    assert english_prose(visible_text(page), identifiers(root, "broadcasting")) == []

"""The Korean edition of the notebooks: built from the English cells through a catalogue, identical
as code, complete, and Korean wherever a student reads prose."""
from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import nbformat
import pytest

from autograder.authoring import editions
from autograder.authoring.build import build_notebook
from autograder.i18n import catalogs
from korean import english_prose, hangul

REPO = Path(__file__).resolve().parent.parent
ASSIGNMENTS = ["vectorization", "broadcasting", "logistic_regression"]


def english(assignment: str) -> nbformat.NotebookNode:
    return build_notebook(REPO, assignment)


def korean(assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(editions.edition_path(REPO, assignment, "ko"), as_version=4)


def code_tokens(source: str) -> list[tuple[int, str]]:
    """What Python runs: every token but comments and blank-line markers."""
    skipped = (tokenize.COMMENT, tokenize.NL)
    return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type not in skipped]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_committed_edition_is_what_the_catalogue_builds(assignment):
    """Editing the English source or a translation without `autograder build` fails here."""
    _, files = editions.catalogue_files(REPO, assignment, "ko")
    stale = [str(path.relative_to(REPO)) for path, content in files.items() if path.read_bytes() != content]
    assert stale == [], "run: autograder build"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_message_is_translated_with_its_placeholders(assignment):
    assert catalogs.untranslated(editions.catalogue_path(REPO, assignment, "ko")) == []


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_both_editions_run_the_same_code(assignment):
    """Same cells, same nbgrader metadata, same tokens; a string literal differs only by its
    translation in the catalogue, so solutions, public tests and hidden cases are written once."""
    translations = catalogs.translations(catalogs.read(editions.catalogue_path(REPO, assignment, "ko"), "ko"))
    ours, theirs = english(assignment).cells, korean(assignment).cells
    assert [(c.cell_type, c.get("id"), c.metadata) for c in ours] == \
           [(c.cell_type, c.get("id"), c.metadata) for c in theirs]
    for en, ko in zip(ours, theirs):
        if en.cell_type != "code":
            continue
        en_tokens, ko_tokens = code_tokens(en.source), code_tokens(ko.source)
        assert [kind for kind, _ in en_tokens] == [kind for kind, _ in ko_tokens], en.id
        for (kind, a), (_, b) in zip(en_tokens, ko_tokens):
            if a != b:
                opening, text, closing = editions._quoted(a)
                assert kind == tokenize.STRING and b == opening + translations[text] + closing, (en.id, a, b)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_student_reads_no_english_prose(assignment):
    """Every markdown cell, comment, docstring and printed label of the Korean edition is Korean;
    code, math, identifiers of the notebook's code and numpy's words may stay as they are."""
    notebook = korean(assignment)
    identifiers = {word for cell in notebook.cells if cell.cell_type == "code"
                   for word in re.findall(r"[A-Za-z_]\w*", _code_only(cell.source))}
    leftovers = {}
    for text, where in editions.texts(notebook):
        if hangul(text) or english_prose(text, identifiers):
            found = english_prose(text, identifiers)
            if found:
                leftovers[where] = found
        elif re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}", text):
            leftovers[where] = text
    assert leftovers == {}


def _code_only(source: str) -> str:
    try:
        return " ".join(t.string for t in tokenize.generate_tokens(io.StringIO(source).readline)
                        if t.type == tokenize.NAME)
    except tokenize.TokenError:
        return ""


def test_nbgrader_markers_and_stubs_stay_as_nbgrader_reads_them():
    notebook = korean("vectorization")
    solution = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution"))
    assert "### BEGIN SOLUTION" in solution.source and "### END SOLUTION" in solution.source
    tests = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade"))
    assert "### BEGIN HIDDEN TESTS" in tests.source and hangul(tests.source)


def test_translating_replaces_prose_and_keeps_code(tmp_path):
    source = ('def f(x):\n    """Add one."""\n    # add one\n    # to x\n    return {"key": x + 1, "label": "the result"}\n')
    cell = nbformat.v4.new_code_cell(source)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"), cell])
    found = [text for text, _ in editions.texts(notebook)]
    assert found == ["# Title", "Add one.", "add one\nto x", "the result"]  # not the dict key "key"
    translated = editions.translate(notebook, {"# Title": "# 제목", "Add one.": "하나를 더합니다.",
                                               "add one\nto x": "x에 하나를 더합니다", "the result": "결과"})
    assert translated.cells[0].source == "# 제목"
    assert translated.cells[1].source == ('def f(x):\n    """하나를 더합니다."""\n    # x에 하나를 더합니다\n'
                                          '    return {"key": x + 1, "label": "결과"}\n')

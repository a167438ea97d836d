"""The self-check report: a per-function table (plain or coloured) and its JSON twin for tools."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from autograder.commands.check import report
from autograder.kitcheck.record import Item, Record
from autograder.notebook.results import result
from tests.students import variant
from tests.test_check import student_copy

ANSI = re.compile(r"\x1b\[[0-9;]*m")
NOTEBOOK = Path("vectorization.ipynb")


def check(function, part, score, max_score, items=(), text="", pending=False):
    record = Record(function, part, score >= max_score, list(items), text=text, pending=pending)
    return result(record, float(score), float(max_score))


RANK1 = Item("RANK1", "result: expected shape (18, 1), got the rank-1 shape (18,); a rank-1 array is neither a row "
                      "nor a column: make it a column, .reshape(-1, 1)", case="image (3, 3, 2)")
LOOP = Item("LOOP003", "list comprehension over v in relu", location="relu, line 2",
            hint="compute the whole array at once")
STUB = Item("NOT_IMPLEMENTED", "softmax is not implemented yet: replace `raise NotImplementedError()` with your code",
            case="int matrix (2, 5)")
MISTAKE = Item("M_MAX_NOT_MAXIMUM", "relu used max or np.max, which pick the single largest value: use "
                                    "np.maximum(0, v)", case="rank-1 vector")

RESULTS = [
    check("sigmoid", "tests", 2, 2),
    check("sigmoid", "vectorized", 1, 1),
    check("image2vector", "tests", 0, 2, [RANK1], "image2vector failed 1 public case(s) of 3."),
    check("image2vector", "vectorized", 1, 1),
    check("softmax", "tests", 0, 3, [STUB]),
    check("softmax", "vectorized", 0, 1, [Item("NOT_IMPLEMENTED", "softmax is not implemented: no vectorization point")]),
    check("relu", "tests", 0, 2, [Item("TYPE", "result: expected a numpy array, got a list", case="rank-1 vector"),
                                  MISTAKE]),
    check("relu", "vectorized", 0, 1, [LOOP], "relu is not vectorized:\n  relu, line 2: LOOP003 list comprehension"),
    check("dot_loop", "tests", 1, 1),
    check("q_slicing", "tests", 1, 1, pending=True),
]


def rows(text):
    """Table rows by function name (continuation lines of a function are appended to its row)."""
    table, name = {}, None
    for line in text.splitlines():
        if line and not line.startswith(" ") and len(line.split()) > 1 and line.split()[1] in ("pass", "FAIL", "answered"):
            name = line.split()[0]
            table[name] = [line]
        elif name and line.startswith(" ") and line.strip():
            table[name].append(line)
        else:
            name = None
    return table


def test_table_has_one_row_per_function_with_both_marks_points_codes_and_the_first_message():
    table = rows(report(NOTEBOOK, RESULTS, color=False))
    assert list(table) == ["sigmoid", "image2vector", "softmax", "relu", "dot_loop", "q_slicing"]
    assert table["sigmoid"][0].split() == ["sigmoid", "pass", "pass", "3/3"]
    image = table["image2vector"][0]
    assert image.split()[:5] == ["image2vector", "FAIL", "pass", "1/3", "RANK1"]
    assert "case 'image (3, 3, 2)': result: expected shape (18, 1), got the rank-1 shape (18,)" in image


def test_a_function_without_a_vectorization_cell_shows_a_dash():
    table = rows(report(NOTEBOOK, RESULTS, color=False))
    assert table["dot_loop"][0].split() == ["dot_loop", "pass", "-", "1/1"]


def test_a_second_failing_check_with_new_codes_gets_its_own_line_under_the_function():
    relu = rows(report(NOTEBOOK, RESULTS, color=False))["relu"]
    assert relu[0].split()[:6] == ["relu", "FAIL", "FAIL", "0/3", "M_MAX_NOT_MAXIMUM", "TYPE"]
    assert len(relu) == 2 and relu[1].split()[0] == "LOOP003"
    assert "list comprehension over v in relu" in relu[1]


def test_a_diagnosed_mistake_is_the_first_code_and_its_sentence_the_message():
    relu = rows(report(NOTEBOOK, RESULTS, color=False))["relu"]
    assert "case 'rank-1 vector': relu used max or np.max" in relu[0]


def test_an_untouched_stub_says_not_implemented_once_without_the_kits_exception_names():
    softmax = rows(report(NOTEBOOK, RESULTS, color=False))["softmax"]
    assert len(softmax) == 1
    assert softmax[0].split()[:5] == ["softmax", "FAIL", "FAIL", "0/4", "NOT_IMPLEMENTED"]
    assert "CheckFailed" not in softmax[0] and "NotImplemented:" not in softmax[0]


def test_footer_gives_the_public_score_and_what_hidden_tests_add():
    text = " ".join(report(NOTEBOOK, RESULTS, color=False).split())
    assert "Public score: 5/14 points; 3 of 5 graded functions need work (5 failing check(s))." in text
    assert "hidden tests run each function again on new random inputs" in text
    assert "1 multiple-choice answer(s) are marked only after submission" in text


def test_a_multiple_choice_answer_shows_as_answered_and_counts_in_no_public_score():
    table = rows(report(NOTEBOOK, RESULTS, color=False))
    assert table["q_slicing"][0].split()[:4] == ["q_slicing", "answered", "-", "-"]
    assert "marked after submission" in table["q_slicing"][0]


def test_plain_text_has_no_escape_codes_and_colour_marks_pass_green_and_fail_red():
    plain = report(NOTEBOOK, RESULTS, color=False)
    coloured = report(NOTEBOOK, RESULTS, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[32mpass" in coloured and "\x1b[1;31mFAIL" in coloured and "\x1b[33mRANK1" in coloured
    assert ANSI.sub("", coloured).splitlines()[:3] == plain.splitlines()[:3]


class Terminal:
    def isatty(self):
        return True


@pytest.mark.parametrize("no_color, expect_colour", [(None, True), ("1", False)])
def test_colour_by_default_only_on_a_terminal_without_NO_COLOR(monkeypatch, no_color, expect_colour):
    monkeypatch.setattr(sys, "stdout", Terminal())
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert ("\x1b[" in report(NOTEBOOK, RESULTS)) is expect_colour


def test_output_to_a_pipe_is_plain_by_default(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert "\x1b[" not in report(NOTEBOOK, RESULTS)


def test_json_has_every_check_with_its_part_status_points_codes_and_message_and_the_totals():
    document = json.loads(report(NOTEBOOK, RESULTS, as_json=True))
    assert document["notebook"] == "vectorization.ipynb"
    assert len(document["checks"]) == len(RESULTS)
    relu = [c for c in document["checks"] if c["name"] == "relu"]
    assert [(c["part"], c["status"], c["score"], c["max_score"], c["codes"]) for c in relu] == [
        ("tests", "failed", 0.0, 2.0, ["M_MAX_NOT_MAXIMUM", "TYPE"]), ("vectorized", "failed", 0.0, 1.0, ["LOOP003"])]
    assert relu[0]["mistakes"] == [{"code": "M_MAX_NOT_MAXIMUM", "sentence": MISTAKE.text}]
    assert relu[1]["message"] == "list comprehension over v in relu" and relu[1]["location"] == "relu, line 2"
    assert document["totals"] == {"score": 5.0, "max_score": 14.0, "checks": 10, "failed": 5, "pending": 1,
                                  "passed": False}
    assert "hidden tests" in document["hidden_tests"]


def test_a_notebook_without_graded_cells_says_so():
    assert "No graded functions found" in report(NOTEBOOK, [], color=False)
    assert json.loads(report(NOTEBOOK, [], as_json=True))["totals"]["passed"] is True


@pytest.fixture(scope="module")
def wrong_notebook(course):
    source = variant("vectorization", relu="def relu(v):\n    return [max(0, x) for x in v]",
                     image2vector="def image2vector(image):\n    return image.reshape(-1)")
    return student_copy(course, "vectorization", source, "report_wrong_vectorization")


def autograder_check(path, *options):
    return subprocess.run([sys.executable, "-m", "autograder", "check", *options, path.name], cwd=path.parent,
                          capture_output=True, text=True, timeout=300)


def test_check_json_on_a_real_notebook_names_the_failing_checks_and_exits_1(wrong_notebook):
    done = autograder_check(wrong_notebook, "--json")
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    failing = {(c["name"], c["part"]): c for c in document["checks"] if c["status"] == "failed"}
    # image2vector fails every public case: no vectorization point for code that does not work yet
    assert set(failing) == {("image2vector", "tests"), ("image2vector", "vectorized"), ("relu", "tests"),
                            ("relu", "vectorized")}
    assert failing["image2vector", "tests"]["codes"] == ["M_RANK1", "RANK1"]
    assert failing["image2vector", "vectorized"]["codes"] == ["NOT_WORKING"]
    assert failing["relu", "vectorized"]["codes"][0] == "NOT_WORKING"  # a list back from every case, and a loop
    assert "LOOP003" in failing["relu", "vectorized"]["codes"]
    assert "rank-1" in failing["image2vector", "tests"]["message"]
    totals = document["totals"]
    assert totals["failed"] == 4 and totals["passed"] is False and 0 < totals["score"] < totals["max_score"]


def test_check_on_a_real_notebook_prints_the_plain_table_to_a_pipe(wrong_notebook):
    done = autograder_check(wrong_notebook)
    assert done.returncode == 1, done.stderr
    assert "\x1b[" not in done.stdout
    table = rows(done.stdout)
    assert table["image2vector"][0].split()[:6] == ["image2vector", "FAIL", "FAIL", "0/3", "M_RANK1", "RANK1"]
    assert "image2vector(...) has the rank-1 shape (18,) where (18, 1) is due" in table["image2vector"][0]
    assert table["relu"][0].split()[:3] == ["relu", "FAIL", "FAIL"]
    assert any("LOOP003" in line for line in table["relu"])
    assert table["sigmoid"][0].split()[1:3] == ["pass", "pass"]
    assert "Public score:" in done.stdout

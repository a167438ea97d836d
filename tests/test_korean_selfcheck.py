"""The student's own checks in Korean: the public checks in a notebook's kernel, `python -m kitcheck`
and the Validate button's output speak the course's language, and say the same in English as before.

A Korean course sets KITCHECK_LANGUAGE=ko for its children (the `korean` fixture does the same here);
codes, identifiers, values and the cases' labels (the notebooks' code, shown quoted) stay as they are.
"""
import builtins
import importlib.util
import inspect
import json

import nbformat
import numpy as np
import pytest

import solutions.vectorization
from autograder import kitcheck
from autograder.config import units
from autograder.kitcheck import i18n
from korean import english_prose, hangul
from tests.conftest import REPO
from tests.students import variant
from tests.test_check import student_copy
from tests.test_selfcheck import kitcheck as run_kitcheck

# The assignment's graded functions and their parameters: names from the code, shown as written.
FUNCTIONS = {u.name for u in units(REPO, "vectorization") if u.kind == "function"}
FUNCTIONS |= {p for name in FUNCTIONS for p in inspect.signature(getattr(solutions.vectorization, name)).parameters}
MISTAKES = dict(
    relu="def relu(v):\n    return np.array([np.maximum(0, x) for x in v])",     # a loop
    L1="def L1(yhat, y):\n    return float(np.sum(y - yhat))",                   # a known mistake
    image2vector="def image2vector(image):\n    return image.reshape(-1)",       # a rank-1 result
    sigmoid="def sigmoid(x):\n    return {}['w']",                               # an exception
    normalize_rows="def normalize_rows(x):\n    return x / 2",                   # wrong values
    L2="def L2(yhat, y):\n    return int(np.sum((y - yhat) ** 2))",              # an int where a float is due
)


def korean_prose(text: str) -> bool:
    return hangul(text) and english_prose(text, FUNCTIONS) == []


def failure(check, *args, **kwargs) -> str:
    with pytest.raises(kitcheck.CheckFailed) as failed:
        check(*args, **kwargs)
    return str(failed.value)


def wrong_checks() -> dict[str, str]:
    """What a student reads in the kernel when each kind of public check fails."""
    def params_w(params):
        return params["w"] * 2

    def update_w(w):
        w -= 1
        return w

    def not_started(x):
        raise NotImplementedError()

    column = np.array([[1.0], [-2.0], [3.0]])
    return {
        "value": failure(kitcheck.expect, lambda v: v * 2, column, expected=column, case="column"),
        "rank-1": failure(kitcheck.expect, lambda v: v.ravel(), column, expected=column, case="column"),
        "row": failure(kitcheck.expect, lambda v: v.ravel(), column.T, expected=column.T, case="row"),
        "shape": failure(kitcheck.expect, lambda v: v[:2], column, expected=column, case="column"),
        "exception": failure(kitcheck.expect, params_w, {"b": 1.0}, expected=2.0, case="no w"),
        "int": failure(kitcheck.expect, lambda x: 3, 1, expected=3.0, case="an int"),
        "scalar": failure(kitcheck.expect, lambda x: x, column[:1], expected=1.0, case="one element"),
        "float": failure(kitcheck.expect, lambda x: 1.5, 1.5, expected=1.5 + 1e-3, case="close"),
        "none": failure(kitcheck.expect, lambda x: None, column, expected=column, case="column"),
        "list": failure(kitcheck.expect, lambda x: [1.0], column, expected=column, case="column"),
        "dict": failure(kitcheck.expect, lambda x: {"b": 1.0}, 1, expected={"w": 1.0, "b": 1.0}, case="keys"),
        "mutates": failure(kitcheck.expect, update_w, column, expected=column - 1, case="column"),
        "stub": failure(kitcheck.expect, not_started, 1, expected=1.0),
        "must raise": failure(kitcheck.expect_raises, lambda x: x, 1, error=ValueError, case="bad shapes"),
        "no answer": failure(kitcheck.expect_choice, "q1", None),
        "not a letter": failure(kitcheck.expect_choice, "q1", "z"),
    }


def test_public_checks_fail_in_korean(korean):
    for kind, text in wrong_checks().items():
        assert korean_prose(text), (kind, text, english_prose(text, FUNCTIONS))


def test_passing_checks_say_so_in_korean(korean, capsys):
    kitcheck.expect(lambda x: x * 2.0, 1.5, expected=3.0, case="double")
    kitcheck.expect_raises(lambda x: int("x"), 1, error=ValueError, case="not a number")
    kitcheck.expect_choice("q1", "B")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("ok  <lambda>: ") and "'double'" in lines[0]
    assert all(korean_prose(line) for line in lines), lines


def test_a_tested_function_fails_once_with_its_cases_counted_in_korean(korean):
    def relu(v):
        return v.ravel()

    def run():
        with kitcheck.tests("relu"):
            kitcheck.expect(relu, np.ones((2, 1)), expected=np.ones((2, 1)), case="column")
            kitcheck.expect(relu, np.ones((1, 2)), expected=np.ones((1, 2)), case="row")
            kitcheck.expect(relu, np.ones((2, 2)), expected=np.ones((2, 2)), case="square")

    text = failure(run)
    assert "relu: 테스트 케이스 3개 중 공개 테스트 3개가 실패했습니다." in text
    assert korean_prose(text), english_prose(text, FUNCTIONS)


def test_a_loop_found_in_the_kernel_is_reported_in_korean(korean, monkeypatch):
    """The verdict's own line; the findings below it are the loop rule's (tested with the rule)."""
    class Kernel:
        class history_manager:
            input_hist_raw = ["", "import numpy as np", "def relu(v):\n    return np.array([max(0, x) for x in v])"]

    monkeypatch.setattr(builtins, "get_ipython", lambda: Kernel, raising=False)
    monkeypatch.setattr(kitcheck, "_TESTED", {})  # relu's tests have not run in this kernel
    text = failure(kitcheck.vectorized, "relu", "vectorization")
    assert text.splitlines()[0] == "relu 함수가 벡터화되지 않았습니다:"
    assert "LOOP003" in text


@pytest.fixture(scope="module")
def notebook(course):
    return student_copy(course, "vectorization", variant("vectorization", **MISTAKES), "korean_selfcheck")


def test_python_m_kitcheck_prints_a_korean_table(korean, notebook):
    done = run_kitcheck(notebook)
    assert done.returncode == 1, done.stderr
    table = done.stdout
    assert table.startswith("vectorization.ipynb 자체 점검: 공개 테스트와 반복문 규칙")
    assert "공개 점수:" in table and "실패" in table and "M_L1_NO_ABS" in table and "RANK1" in table
    assert korean_prose(table), english_prose(table, FUNCTIONS)


def test_python_m_kitcheck_json_texts_are_korean(korean, notebook):
    done = run_kitcheck(notebook, "--json")
    report = json.loads(done.stdout)
    assert korean_prose(report["hidden_tests"])
    failing = [c for c in report["checks"] if c["status"] != "passed"]
    assert {c["name"] for c in failing} >= {"relu", "L1", "image2vector", "sigmoid", "normalize_rows", "L2"}
    for check in failing:
        # a vectorization cell's first line is the verdict; the lines below are the loop rule's findings
        texts = [check["message"], check["output"] if check["part"] == "tests" else check["output"].splitlines()[0]]
        for text in texts:
            assert korean_prose(text), (check["name"], check["part"], text, english_prose(text, FUNCTIONS))
    sigmoid = next(c for c in failing if c["name"] == "sigmoid" and c["part"] == "tests")
    assert "sigmoid 함수에서 예외가 발생했습니다: KeyError: 'w' (sigmoid, 2번째 줄: `return {}['w']`)" in \
        sigmoid["output"]
    assert sigmoid["location"] == "sigmoid, line 2"  # data, read by the feedback page, in every language


def test_the_validate_button_shows_korean(korean, notebook):
    """As in the Jupyter server: the release's kitcheck/validate.py loaded alone, by path (as the
    Validate button's nbgrader config loads it), its self-check run in a child Python."""
    spec = importlib.util.spec_from_file_location("_kitcheck_validate", notebook.parent / "kitcheck" / "validate.py")
    button = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(button)
    nb = nbformat.read(notebook, as_version=4)
    rows, table = button.self_check(nb, notebook.parent)
    button.outputs(nb, rows, table)
    shown = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
             if cell.metadata.get("nbgrader", {}).get("grade_id") in rows]
    passed = [o.text for o in shown if o.output_type == "stream"]
    assert "ok  basic_sigmoid: 테스트를 통과했습니다\n" in passed and all(map(korean_prose, passed)), passed
    first = next(o for o in shown if o.output_type == "error")
    assert first.traceback[0] == "vectorization.ipynb 자체 점검: 공개 테스트와 반복문 규칙"
    assert korean_prose(first.evalue) and korean_prose("\n".join(first.traceback)), \
        english_prose("\n".join(first.traceback), FUNCTIONS)
    nb = nbformat.read(notebook, as_version=4)
    button.stopped(nb, button._("The self-check stopped after {seconds} s: does a function loop forever?").format(
        seconds=120))
    assert any(korean_prose(o.evalue) for cell in nb.cells for o in cell.get("outputs", []) if "evalue" in o)


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", None)
    monkeypatch.setenv(i18n.ENVIRONMENT, "en")


def test_english_is_unchanged(english, notebook):
    texts = wrong_checks()
    assert texts["rank-1"].splitlines()[1] == (
        "  [RANK1] result: expected shape (3, 1), got the rank-1 shape (3,); a rank-1 array is neither a row "
        "nor a column: make it a column, .reshape(-1, 1)")
    assert texts["exception"].splitlines()[0] == "params_w, case 'no w', called with ({'b': 1.0}):"
    assert "  [EXCEPTION] params_w raised KeyError: 'w' (params_w, line 2: `return params[\"w\"] * 2`)" in texts["exception"]
    assert "    mismatched elements: 3 / 3 (100%)" in texts["value"] and "    got:      [[ 2.] [-4.] [ 6.]]" in texts["value"]
    table = run_kitcheck(notebook).stdout
    assert table.startswith("Self-check of vectorization.ipynb: public tests and the loop rule")
    assert "L1 summed the signed differences" in table
    assert "graded functions need work" in table and "hidden tests run each function again" in table
    checks = json.loads(run_kitcheck(notebook, "--json").stdout)["checks"]
    l1 = next(c for c in checks if c["name"] == "L1" and c["part"] == "tests")
    assert l1["output"].startswith("L1: known mistake M_L1_NO_ABS: L1 summed the signed differences")
    assert "\nL1 failed 2 public case(s) of 2.\n" in l1["output"]

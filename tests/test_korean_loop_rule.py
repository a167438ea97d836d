"""The loop rule and the hidden tests speak the course's language: in a Korean course, a student's
`kitcheck.vectorized` cell names each loop, recursion or dynamic code in Korean with a Korean way to
fix it, and a failing hidden check says in Korean how many cases failed, which ones (the case
descriptions) and which known mistake explains them. The codes stay as they are: they are the key
every reader takes, in both languages. In an English course nothing changes.
"""
from __future__ import annotations

import re

import numpy as np
import pytest

from autograder import kitcheck
from autograder.grading import context, hidden
from autograder.kitcheck import CheckFailed
from autograder.kitcheck.loops import SUGGESTIONS
from autograder.mistakes.variants import student_function
from korean import english_prose, hangul

STUDENT = "t"

# function -> (assignment, the student's cell, the codes the loop rule finds, in order)
LOOPY = {
    "relu": ("vectorization", """
def relu(x):
    flat = np.array(x).ravel()
    for i in range(flat.size):
        flat[i] = max(0, flat[i])
    return flat.reshape(np.shape(x))
""", ["LOOP001"]),
    "softmax": ("vectorization", """
def exps(x):
    return np.array([np.exp(v) for v in x])

def softmax(x):
    e = exps(x)
    return e / np.sum(e, axis=1, keepdims=True)
""", ["LOOP003"]),
    "sigmoid": ("vectorization", """
elementwise = np.vectorize

def sigmoid(x):
    return elementwise(lambda v: 1 / (1 + math.exp(-v)))(x)
""", ["LOOP005"]),
    "L1": ("vectorization", """
def L1(yhat, y):
    if yhat.size == 0:
        return 0.0
    return abs(yhat[0] - y[0]) + L1(yhat[1:], y[1:])
""", ["LOOP006"]),
    "optimize": ("logistic_regression", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        for j in range(X.shape[1]):
            w = w - learning_rate * X[:, j:j + 1]
    return {"w": w, "b": b}, {}, costs
""", ["LOOP007"]),
    "L2": ("vectorization", """
def L2(yhat, y):
    exec("loss = float(np.sum((y - yhat) ** 2))")
    return loss
""", ["FORBIDDEN001"]),
}


def not_vectorized(monkeypatch, name: str) -> CheckFailed:
    """What `kitcheck.vectorized(name, assignment)` raises in a kernel that ran the cell."""
    assignment, source, _ = LOOPY[name]
    cells = [("In [1]", "import math\nimport numpy as np"), ("In [2]", source)]
    monkeypatch.setattr(kitcheck, "_executed_cells", lambda: cells)
    monkeypatch.setattr(kitcheck, "_TESTED", {})
    with pytest.raises(CheckFailed) as failed:
        kitcheck.vectorized(name, assignment)
    return failed.value


def loop_items(monkeypatch, name: str) -> list:
    return not_vectorized(monkeypatch, name).items


def korean_prose(text: str, names: set[str]) -> bool:
    return hangul(text) and english_prose(text, names) == []


@pytest.mark.parametrize("name", list(LOOPY))
def test_each_loop_finding_and_its_suggestion_read_in_korean_with_the_same_code(korean, monkeypatch, name):
    failure = not_vectorized(monkeypatch, name)
    assert [item.code for item in failure.items] == LOOPY[name][2]
    names = {name, "exps", "elementwise"}
    for item in failure.items:
        assert korean_prose(item.text, names), item.text
        assert korean_prose(item.hint, names), item.hint
    assert korean_prose(str(failure), names), str(failure)  # as the cell shows it, with the places


def test_a_finding_names_the_loop_the_function_and_the_helper_that_holds_it(korean, monkeypatch):
    [comprehension] = loop_items(monkeypatch, "softmax")
    assert comprehension.text == "x에 대한 리스트 컴프리헨션 (softmax 함수, 보조 함수 `exps` 경유)"
    [disguised] = loop_items(monkeypatch, "sigmoid")
    assert "`elementwise`: np.vectorize" in disguised.text


def test_in_english_the_findings_are_unchanged(monkeypatch):
    failure = not_vectorized(monkeypatch, "relu")
    [loop] = failure.items
    assert (loop.text, loop.hint) == ("for-loop over range(flat.size) in relu", SUGGESTIONS["LOOP001"])
    assert str(failure) == ("relu is not vectorized:\n  relu, line 3: LOOP001 for-loop over range(flat.size) in relu: "
                            + SUGGESTIONS["LOOP001"])
    [comprehension] = loop_items(monkeypatch, "softmax")
    assert comprehension.text == "list comprehension over x in softmax (via helper `exps`)"
    [second] = loop_items(monkeypatch, "optimize")
    assert second.text == ("second loop besides the loop over iterations (line 4): for-loop over "
                           "range(X.shape[1]) in optimize")


L2_AS_A_NORM = "def L2(yhat, y):\n    return float(np.sqrt(np.sum((y - yhat) ** 2)))\n"


def hidden_failure(assignment: str, name: str, func) -> CheckFailed:
    with pytest.raises(CheckFailed) as failed:
        hidden.check(assignment, name, func, student=STUDENT)
    return failed.value


@pytest.fixture
def grading(monkeypatch):
    """A grading context of the test's own: the measured loop verdicts land here."""
    monkeypatch.setattr(context, "current", context.GradingContext())
    return context.current


def test_a_failing_hidden_check_says_in_korean_what_failed_and_which_mistake(korean, grading):
    failure = hidden_failure("vectorization", "L2", student_function("vectorization", "L2", L2_AS_A_NORM))
    heading = str(failure).splitlines()[0]
    assert re.fullmatch(r"L2: 숨은 테스트 케이스 (\d)개 중 \1개 실패 \[M_L2_SQRT\] \[VALUE\]:", heading), heading
    assert korean_prose(heading, {"L2"})
    mistakes = [item for item in failure.items if item.code == "M_L2_SQRT"]
    assert mistakes and all(korean_prose(item.text, {"L2"}) for item in mistakes)
    cases = {item.case for item in failure.items}
    assert cases and all(korean_prose(case, set()) for case in cases), cases


def test_a_hidden_check_that_passes_says_so_in_korean_and_keeps_the_measured_loop(korean, grading, capsys):
    looping = student_function("vectorization", "relu", LOOPY["relu"][1])
    hidden.check("vectorization", "relu", looping, student=STUDENT)
    said = capsys.readouterr().out
    assert re.search(r"ok  relu: 숨은 테스트 케이스 \d+개를 모두 통과했습니다", said), said
    [measured] = grading.dynamic["relu"]
    assert measured.code == "LOOP_DYNAMIC" and korean_prose(measured.message, {"relu"}), measured.message


def test_a_wrong_multiple_choice_answer_is_said_in_korean(korean):
    failure = hidden_failure_choice("q_neuron", "d")
    assert [item.code for item in failure.items] == ["WRONG_CHOICE"]
    assert korean_prose(str(failure), {"q_neuron"}), str(failure)


def hidden_failure_choice(question: str, answer: str) -> CheckFailed:
    with pytest.raises(CheckFailed) as failed:
        hidden.check_choice("broadcasting", question, answer)
    return failed.value


def test_in_english_the_hidden_check_is_unchanged(grading, capsys):
    failure = hidden_failure("vectorization", "L2", student_function("vectorization", "L2", L2_AS_A_NORM))
    assert re.fullmatch(r"L2 failed (\d) of \1 hidden cases \[M_L2_SQRT\] \[VALUE\]:", str(failure).splitlines()[0])
    assert {item.case for item in failure.items} >= {"square 3x3 matrices"}
    hidden.check("vectorization", "relu", lambda x: np.maximum(0, x), student=STUDENT)
    assert re.search(r"^ok  relu: \d+ hidden cases passed$", capsys.readouterr().out, re.M)
    assert str(hidden_failure_choice("q_neuron", "d")) == "q_neuron: [WRONG_CHOICE] 'd' is not the right answer"

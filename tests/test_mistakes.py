"""The mistake catalogue: every known mistake, written as a student would write it, is diagnosed by the
hidden tests with its code and fix-it sentence; right answers, in any correct style, never are.

WRONG is the corpus: (assignment, function, the code it must be diagnosed with, the student's cell).
Each cell runs in a namespace holding numpy, math, the notebook's data variables and the reference
versions of the assignment's other functions (what the student's notebook would hold).
"""
from __future__ import annotations

import importlib
import re
import string
import time

import numpy as np
import pytest

from autograder.config import course
from autograder.grading.cases import generators
from autograder.grading.hidden import check
from autograder.grading.seeds import case_rng
from autograder.kitcheck import CheckFailed
from autograder.kitcheck.calls import call
from autograder.mistakes import MISTAKES, detect, diagnose
from autograder.mistakes.common import Failure
from autograder.mistakes.variants import WRONG, propagate_with, student_function
from tests.conftest import REPO

STUDENT = "t"
# A missing + b in predict only changes a prediction where b tips a score across 0: the hidden cases
# draw small biases, so it shows for some students only; "t8" is one of them.
STUDENT_FOR = {("predict", "M_MISSING_BIAS"): "t8"}

IDS = [f"{function}-{code}" for _, function, code, _ in WRONG]


def hidden_failure(assignment: str, name: str, func, student: str = STUDENT) -> str:
    with pytest.raises(CheckFailed) as failed:
        check(assignment, name, func, student=student)
    return str(failed.value)


def replayed(assignment: str, name: str, func, student: str = STUDENT):
    """(case, diagnose's arguments) of every hidden case, run as check runs them."""
    reference = getattr(importlib.import_module(f"solutions.{assignment}"), name)
    cases = generators(assignment)[name](case_rng(course(REPO).seed, student, assignment, name))
    for case in cases:
        expected = call(reference, case.args, case.kwargs, name)
        outcome = call(func, case.args, case.kwargs, name)
        error = None
        if outcome.error is not None:
            error = (outcome.error.__name__, next(p.message for p in outcome.problems if p.code == "EXCEPTION"))
        yield case, (assignment, name, case.args, case.kwargs, outcome.result, expected.result, error)


def failing_cases(assignment: str, name: str, func, student: str = STUDENT):
    """(case, diagnosis) of every hidden case."""
    for case, arguments in replayed(assignment, name, func, student):
        yield case, diagnose(*arguments)


def sentence_pattern(code: str) -> re.Pattern:
    """The mistake's template as a regex: its words fixed, each field any text."""
    pieces = []
    for literal, field, _, _ in string.Formatter().parse(MISTAKES[code].message):
        pieces.append(re.escape(literal))
        if field:
            pieces.append(".+?")
    return re.compile("".join(pieces) + "$")


# ---------------------------------------------------------------------------------------------
# Every entry is detected
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("assignment, name, code, source", WRONG, ids=IDS)
def test_wrong_variant_fails_hidden_tests_with_the_mistake_code(assignment, name, code, source):
    func = student_function(assignment, name, source, code)
    message = hidden_failure(assignment, name, func, STUDENT_FOR.get((name, code), STUDENT))
    first_line = message.splitlines()[0]
    assert f"[{code}]" in first_line, message
    # The generic comparison is still there: a diagnosis adds to the feedback, it does not replace it.
    assert re.search(r"\[(VALUE|SHAPE|RANK1|TYPE|DTYPE|EXCEPTION|MUTATES_INPUT)\]", message), message


@pytest.mark.parametrize("assignment, name, code, source", WRONG, ids=IDS)
def test_wrong_variant_gets_the_mistakes_sentence_with_measured_numbers(assignment, name, code, source):
    func = student_function(assignment, name, source, code)
    student = STUDENT_FOR.get((name, code), STUDENT)
    found = [p for _, problems in failing_cases(assignment, name, func, student) for p in problems if p.code == code]
    assert found, f"no failing case diagnosed {code}"
    assert all(sentence_pattern(code).match(p.message) for p in found), [p.message for p in found]
    assert all("{" not in p.message for p in found)  # every field filled in


@pytest.mark.parametrize("code", sorted(MISTAKES))
def test_some_variant_shows_the_sentence_in_the_first_failing_case(code):
    """check() shows the first failing case in full: for each mistake, a variant where that case has it."""
    shown = []
    for assignment, name, wrong_code, source in WRONG:
        if wrong_code == code:
            func = student_function(assignment, name, source, code)
            message = hidden_failure(assignment, name, func, STUDENT_FOR.get((name, code), STUDENT))
            shown.append(message)
            lines = [line for line in message.splitlines()[1:] if f"[{code}] " in line]
            if lines:
                assert sentence_pattern(code).match(lines[0].split(f"[{code}] ", 1)[1]), lines[0]
                return
    pytest.fail(f"no variant shows {code} on its first failing case:\n" + "\n\n".join(shown))


def test_every_catalogue_entry_and_function_has_a_wrong_variant():
    listed = {(f"{assignment}.{name}", code) for assignment, name, code, _ in WRONG}
    catalogued = {(function, code) for code, mistake in MISTAKES.items() for function in mistake.functions}
    assert catalogued - listed == set()
    assert listed - catalogued == set()


def test_every_entry_has_a_one_sentence_message_and_a_title():
    for code, mistake in MISTAKES.items():
        assert re.fullmatch(r"M_[A-Z0-9_]+", code)
        assert mistake.code == code and mistake.title and mistake.functions
        assert "\n" not in mistake.message and not mistake.message.endswith(".")
        assert ":" in mistake.message, "a fix-it sentence says what is wrong, then what to do"


def test_first_line_lists_every_code_of_every_failing_case_mistakes_first():
    source = """
def normalize_rows(x):
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x
"""
    message = hidden_failure("vectorization", "normalize_rows", student_function(
        "vectorization", "normalize_rows", source))
    first_line = message.splitlines()[0]
    # The float cases only show the mutation; the int cases raise, which the catalogue explains:
    # the case shown in full is the diagnosed one.
    assert re.match(r"normalize_rows failed \d of \d hidden cases \[M_MUTATES_INPUT\] \[MUTATES_INPUT\] "
                    r"\[EXCEPTION\]:$", first_line), first_line
    assert "`x /= ...` changes the input in place" in message.split("\n", 1)[1]


def test_diagnosis_comes_before_the_generic_problems_and_names_the_measured_m():
    func = student_function("logistic_regression", "propagate", propagate_with(dw="np.dot(X, (A - Y).T)"))
    message = hidden_failure("logistic_regression", "propagate", func)
    case, problems = next(failing_cases("logistic_regression", "propagate", func))
    m = case.args[2].shape[1]
    lines = message.splitlines()
    assert lines[2] == f"  [M_MISSING_1_OVER_M] dw is exactly m = {m} times the expected value: divide by m"
    assert "[VALUE]" in lines[3]


def test_the_example_of_the_issue_reads_as_promised():
    w, b = np.array([[0.5], [-0.2]]), 0.1
    X = np.arange(14, dtype=float).reshape(2, 7) / 10
    Y = (np.arange(7) % 2).reshape(1, 7).astype(float)
    from solutions.logistic_regression import propagate
    grads, cost = propagate(w, b, X, Y)
    got = ({"dw": grads["dw"] * 7, "db": grads["db"]}, cost)
    problems = diagnose("logistic_regression", "propagate", (w, b, X, Y), {}, got, (grads, cost))
    assert [str(p) for p in problems] == [
        "[M_MISSING_1_OVER_M] dw is exactly m = 7 times the expected value: divide by m"]


def test_wrong_m_names_the_divisor_and_both_dimensions():
    func = student_function("logistic_regression", "propagate", propagate_with(m="X.shape[0]"))
    case, problems = next(failing_cases("logistic_regression", "propagate", func))
    n_x, m = case.args[2].shape
    assert [p.code for p in problems] == ["M_WRONG_M"]
    assert problems[0].message.startswith(
        f"each of dw, db and cost is divided by {n_x} where m = X.shape[1] = {m} is due (n_x = X.shape[0] = {n_x})")


# ---------------------------------------------------------------------------------------------
# Right answers are never diagnosed
# ---------------------------------------------------------------------------------------------
CORRECT = {
    ("vectorization", "sigmoid"): ["def sigmoid(x):\n    return np.exp(-np.logaddexp(0, -x))"],
    ("vectorization", "sigmoid_derivative"): [
        "def sigmoid_derivative(x):\n    s = 1 / (1 + np.exp(-x))\n    return s - s ** 2"],
    ("vectorization", "image2vector"): ["def image2vector(image):\n    return image.reshape(-1, 1)"],
    ("vectorization", "normalize_rows"): [
        "def normalize_rows(x):\n    return x / np.sqrt(np.sum(x ** 2, axis=1, keepdims=True))"],
    ("vectorization", "softmax"): [
        "def softmax(x):\n    e = np.exp(x)\n    return e / e.sum(axis=1, keepdims=True)",
        "def softmax(x):\n    e = np.exp(x - x.max(axis=1)[:, None])\n    return e / e.sum(axis=1)[:, None]"],
    ("vectorization", "L1"): ["def L1(yhat, y):\n    return np.abs(y - yhat).sum()"],
    ("vectorization", "L2"): ["def L2(yhat, y):\n    d = np.ravel(y - yhat)\n    return float(np.dot(d, d))"],
    ("vectorization", "dot_vectorized"): ['def dot_vectorized(a, b):\n    return float(np.einsum("i,i->", a, b))',
                                          "def dot_vectorized(a, b):\n    return float(a @ b)"],
    ("vectorization", "matvec"): ["def matvec(A, v):\n    return A @ v",
                                  "def matvec(A, v):\n    return np.matmul(A, v)"],
    ("vectorization", "relu"): ["def relu(v):\n    return v * (v > 0)",
                                "def relu(v):\n    return np.where(v > 0, v, 0)"],
    ("broadcasting", "calorie_percentages"): ["def calorie_percentages(A):\n    return A / A.sum(axis=0) * 100"],
    ("broadcasting", "center_columns"): ["def center_columns(X):\n    return X - np.mean(X, axis=0)"],
    ("broadcasting", "to_column"): ["def to_column(a):\n    return a.reshape(a.size, 1)"],
    ("broadcasting", "to_row"): ["def to_row(a):\n    return a.reshape(1, a.size)"],
    ("broadcasting", "outer"): ["def outer(a, b):\n    return np.outer(a, b)",
                                "def outer(a, b):\n    return np.ravel(a)[:, None] @ np.ravel(b)[None, :]"],
    ("logistic_regression", "flatten_images"): [
        "def flatten_images(images):\n    return images.reshape(len(images), -1).T"],
    ("logistic_regression", "propagate"): ["""
def propagate(w, b, X, Y):
    A = sigmoid(np.einsum("ij,ik->jk", w, X) + b)
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = np.mean(X * (A - Y), axis=1, keepdims=True)
    db = np.mean(A - Y)
    return {"dw": dw, "db": db}, cost
"""],
    ("logistic_regression", "optimize"): ["""
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = w.copy()
    costs = []
    i = 0
    while i < num_iterations:
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
        i += 1
    return {"w": w, "b": b}, grads, costs
"""],
    ("logistic_regression", "predict"): ["def predict(w, b, X):\n    return np.round(sigmoid(w.T @ X + b))",
                                         "def predict(w, b, X):\n    return sigmoid(w.T @ X + b) > 0.5"],
}

SEEDS = range(12)


def functions_of(assignment: str) -> list[str]:
    return list(generators(assignment))


ALL_FUNCTIONS = [(a, n) for a in ("vectorization", "broadcasting", "logistic_regression") for n in functions_of(a)]


@pytest.mark.parametrize("assignment, name", ALL_FUNCTIONS, ids=[f"{a}.{n}" for a, n in ALL_FUNCTIONS])
def test_reference_and_correct_styles_are_never_diagnosed(assignment, name):
    """The detectors themselves (not only diagnose's "is it right?" guard) stay silent on right answers."""
    reference = getattr(importlib.import_module(f"solutions.{assignment}"), name)
    styles = [reference] + [student_function(assignment, name, s, f"correct {i}")
                            for i, s in enumerate(CORRECT.get((assignment, name), []))]
    seeds = SEEDS if name not in ("optimize", "model") else range(3)
    for seed in seeds:
        for case in generators(assignment)[name](np.random.default_rng(seed)):
            expected = call(reference, case.args, case.kwargs, name)
            for style in styles:
                got = call(style, case.args, case.kwargs, name)
                assert got.error is expected.error, (style, case.label)
                failure = Failure(assignment, name, case.args, case.kwargs, got.result, expected.result)
                assert detect(failure) == [], (getattr(style, "__name__", style), case.label)
                assert diagnose(assignment, name, case.args, case.kwargs, got.result, expected.result) == []


def test_an_unknown_wrong_answer_gets_no_diagnosis_but_the_generic_comparison():
    source = "def L2(yhat, y):\n    return float(np.sum((y - yhat) ** 2)) * 1.001"
    func = student_function("vectorization", "L2", source)
    message = hidden_failure("vectorization", "L2", func)
    assert "[M_" not in message and "[VALUE]" in message.splitlines()[0]


def test_diagnose_never_raises_and_never_modifies_its_arguments():
    X = np.arange(12.0).reshape(3, 4)
    kept = X.copy()
    weird = [None, "text", {"dw": "x"}, (1, 2, 3), np.array(["a"]), object()]
    for assignment, name in ALL_FUNCTIONS:
        for got in weird:
            for args in [(X,), (X, X), (X, 0.5, X, X), ()]:
                assert isinstance(diagnose(assignment, name, args, {}, got, X), list)
                assert isinstance(diagnose(assignment, name, args, {}, None, None, ("TypeError", "boom")), list)
    assert np.array_equal(X, kept)
    assert diagnose("no_such_assignment", "f", (), {}, 1.0, 2.0) == []


def test_diagnosis_is_cheap():
    """A few milliseconds per failing case; only training variants (optimize, model) rerun gradient descent."""
    timings = {}
    for assignment, name, code, source in WRONG:
        func = student_function(assignment, name, source, code)
        for case, arguments in replayed(assignment, name, func, STUDENT_FOR.get((name, code), STUDENT)):
            start = time.perf_counter()
            diagnose(*arguments)
            timings[name, code, case.label] = time.perf_counter() - start
    calls = sorted(t for (name, _, _), t in timings.items() if name not in ("optimize", "model"))
    training = sorted(t for (name, _, _), t in timings.items() if name in ("optimize", "model"))
    assert calls[len(calls) // 2] < 0.002 and calls[-1] < 0.05, sorted(timings.items(), key=lambda kv: -kv[1])[:5]
    assert training[len(training) // 2] < 0.05, sorted(timings.items(), key=lambda kv: -kv[1])[:5]

"""The mistake catalogue: every known mistake, written as a student would write it, is diagnosed by the
hidden tests with its code and fix-it sentence; right answers, in any correct style, never are.

WRONG is the corpus: (assignment, function, the code it must be diagnosed with, the student's cell).
Each cell runs in a namespace holding numpy, math, the notebook's data variables and the reference
versions of the assignment's other functions (what the student's notebook would hold).
"""
from __future__ import annotations

import importlib
import linecache
import math
import re
import string
import textwrap
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
from tests.conftest import REPO

STUDENT = "t"
# A missing + b in predict only changes a prediction where b tips a score across 0: the hidden cases
# draw small biases, so it shows for some students only; "t8" is one of them.
STUDENT_FOR = {("predict", "M_MISSING_BIAS"): "t8"}

# Notebook variables a careless cell may read instead of its parameters (the notebook's data).
NOTEBOOK = """
train_set_x = np.linspace(0.0, 1.0, 64 * 30).reshape(64, 30)
train_y = (np.arange(30) % 2).reshape(1, 30).astype(float)
test_set_x = np.linspace(1.0, 0.0, 64 * 12).reshape(64, 12)
test_y = (np.arange(12) % 2).reshape(1, 12).astype(float)
"""

PROPAGATE = """
def propagate(w, b, X, Y):
    m = {m}
    A = {A}
    cost = {cost}
    dw = {dw}
    db = float(np.sum(A - Y) / m)
    return {{"dw": dw, "db": db}}, float(cost) if np.ndim(cost) == 0 else cost
"""
PROPAGATE_RIGHT = dict(
    m="X.shape[1]",
    A="sigmoid(np.dot(w.T, X) + b)",
    cost="-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m",
    dw="np.dot(X, (A - Y).T) / m",
)


def propagate_with(**change: str) -> str:
    return PROPAGATE.format(**{**PROPAGATE_RIGHT, **change})


OPTIMIZE = """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range({iterations}):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - {w_step}
        b = {b_update}
        if {record}:
            costs.append(cost)
    {after}
    return {{"w": w, "b": b}}, {{"dw": dw, "db": db}}, costs
"""
OPTIMIZE_RIGHT = dict(iterations="num_iterations", w_step="learning_rate * dw", b_update="b - learning_rate * db",
                      record="i % 100 == 0", after="pass")


def optimize_with(**change: str) -> str:
    return OPTIMIZE.format(**{**OPTIMIZE_RIGHT, **change})


MODEL = """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros({X_train}.shape[0])
    params, grads, costs = optimize(w, b, {X_train}, {Y_train}, {training})
    w, b = params["w"], params["b"]
    return {{"costs": costs, "Y_prediction_test": predict(w, b, {X_test}),
            "Y_prediction_train": predict(w, b, {X_train}), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}}
"""
MODEL_RIGHT = dict(X_train="X_train", Y_train="Y_train", X_test="X_test",
                   training="num_iterations, learning_rate")


def model_with(**change: str) -> str:
    return MODEL.format(**{**MODEL_RIGHT, **change})


# (assignment, function, mistake code, the student's cell)
WRONG = [
    # vectorization
    ("vectorization", "basic_sigmoid", "M_EXP_SIGN", """
def basic_sigmoid(x):
    return 1 / (1 + math.exp(x))
"""),
    ("vectorization", "sigmoid", "M_MATH_EXP_ON_ARRAY", """
def sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s
"""),
    ("vectorization", "sigmoid", "M_EXP_SIGN", """
def sigmoid(x):
    return 1 / (1 + np.exp(x))
"""),
    ("vectorization", "sigmoid_derivative", "M_MATH_EXP_ON_ARRAY", """
def sigmoid_derivative(x):
    s = 1 / (1 + math.exp(-x))
    return s * (1 - s)
"""),
    ("vectorization", "sigmoid_derivative", "M_DERIVATIVE_OF_X", """
def sigmoid_derivative(x):
    ds = x * (1 - x)
    return ds
"""),
    ("vectorization", "image2vector", "M_RANK1", """
def image2vector(image):
    return image.reshape(-1)
"""),
    ("vectorization", "image2vector", "M_TRANSPOSE", """
def image2vector(image):
    return image.reshape(1, image.shape[0] * image.shape[1] * image.shape[2])
"""),
    ("vectorization", "image2vector", "M_HARDCODED_SHAPE", """
def image2vector(image):
    v = image.reshape(3 * 3 * 2, 1)
    return v
"""),
    ("vectorization", "normalize_rows", "M_MUTATES_INPUT", """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x /= x_norm
    return x
"""),
    ("vectorization", "normalize_rows", "M_NO_KEEPDIMS", """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1)
"""),
    ("vectorization", "normalize_rows", "M_WRONG_AXIS", """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)
"""),
    ("vectorization", "normalize_rows", "M_NO_AXIS", """
def normalize_rows(x):
    return x / np.linalg.norm(x)
"""),
    ("vectorization", "softmax", "M_MATH_EXP_ON_ARRAY", """
def softmax(x):
    x_exp = math.exp(x)
    return x_exp / np.sum(x_exp, axis=1, keepdims=True)
"""),
    ("vectorization", "softmax", "M_NO_KEEPDIMS", """
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1)
    return x_exp / x_sum
"""),
    ("vectorization", "softmax", "M_WRONG_AXIS", """
def softmax(x):
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp, axis=0, keepdims=True)
"""),
    ("vectorization", "softmax", "M_NO_AXIS", """
def softmax(x):
    x_exp = np.exp(x - np.max(x))
    return x_exp / np.sum(x_exp)
"""),
    ("vectorization", "L1", "M_L1_NO_ABS", """
def L1(yhat, y):
    return float(np.sum(y - yhat))
"""),
    ("vectorization", "L1", "M_MEAN_NOT_SUM", """
def L1(yhat, y):
    return float(np.mean(np.abs(y - yhat)))
"""),
    ("vectorization", "L1", "M_INT_TRUNCATION", """
def L1(yhat, y):
    return int(np.sum(np.abs(y - yhat)))
"""),
    ("vectorization", "L2", "M_L2_SQRT", """
def L2(yhat, y):
    return float(np.linalg.norm(y - yhat))
"""),
    ("vectorization", "L2", "M_MEAN_NOT_SUM", """
def L2(yhat, y):
    return float(np.mean((y - yhat) ** 2))
"""),
    ("vectorization", "L2", "M_INT_TRUNCATION", """
def L2(yhat, y):
    return int(np.sum((y - yhat) ** 2))
"""),
    ("vectorization", "dot_loop", "M_LOOP_OFF_BY_ONE", """
def dot_loop(a, b):
    dot = 0.0
    for i in range(len(a) - 1):
        dot += a[i] * b[i]
    return dot
"""),
    ("vectorization", "dot_loop", "M_INT_TRUNCATION", """
def dot_loop(a, b):
    dot = 0
    for i in range(len(a)):
        dot += a[i] * b[i]
    return int(dot)
"""),
    ("vectorization", "dot_loop", "M_INT_NOT_FLOAT", """
def dot_loop(a, b):
    dot = 0
    for i in range(len(a)):
        dot += a[i] * b[i]
    return int(dot)
"""),
    ("vectorization", "dot_vectorized", "M_ELEMENTWISE_NOT_DOT", """
def dot_vectorized(a, b):
    return a * b
"""),
    ("vectorization", "dot_vectorized", "M_INT_TRUNCATION", """
def dot_vectorized(a, b):
    return int(np.dot(a, b))
"""),
    ("vectorization", "dot_vectorized", "M_INT_NOT_FLOAT", """
def dot_vectorized(a, b):
    return int(np.dot(a, b))
"""),
    ("vectorization", "matvec", "M_RANK1", """
def matvec(A, v):
    return A @ v[:, 0]
"""),
    ("vectorization", "matvec", "M_ELEMENTWISE_NOT_DOT", """
def matvec(A, v):
    return A * v
"""),
    ("vectorization", "matvec", "M_TRANSPOSE", """
def matvec(A, v):
    return np.dot(A.T, v)
"""),
    ("vectorization", "relu", "M_MAX_NOT_MAXIMUM", """
def relu(v):
    return np.max(0, v)
"""),
    # broadcasting
    ("broadcasting", "calorie_percentages", "M_MUTATES_INPUT", """
def calorie_percentages(A):
    A /= A.sum(axis=0, keepdims=True)
    return 100 * A
"""),
    ("broadcasting", "calorie_percentages", "M_INT_TRUNCATION", """
def calorie_percentages(A):
    return 100 * A // A.sum(axis=0, keepdims=True)
"""),
    ("broadcasting", "calorie_percentages", "M_FRACTION_NOT_PERCENT", """
def calorie_percentages(A):
    return A / A.sum(axis=0, keepdims=True)
"""),
    ("broadcasting", "calorie_percentages", "M_WRONG_AXIS", """
def calorie_percentages(A):
    return 100 * A / A.sum(axis=1, keepdims=True)
"""),
    ("broadcasting", "calorie_percentages", "M_NO_AXIS", """
def calorie_percentages(A):
    return 100 * A / np.sum(A)
"""),
    ("broadcasting", "center_columns", "M_MUTATES_INPUT", """
def center_columns(X):
    X -= X.mean(axis=0, keepdims=True)
    return X
"""),
    ("broadcasting", "center_columns", "M_WRONG_AXIS", """
def center_columns(X):
    return X - X.mean(axis=1, keepdims=True)
"""),
    ("broadcasting", "center_columns", "M_NO_AXIS", """
def center_columns(X):
    return X - np.mean(X)
"""),
    ("broadcasting", "scale_rows", "M_TRANSPOSE", """
def scale_rows(X, s):
    return X * s.T
"""),
    ("broadcasting", "scale_rows", "M_RANK1", """
def scale_rows(X, s):
    return X * s.flatten()
"""),
    ("broadcasting", "broadcast_shape", "M_BROADCAST_NO_ERROR", """
def broadcast_shape(shape_a, shape_b):
    ndim = max(len(shape_a), len(shape_b))
    a = (1,) * (ndim - len(shape_a)) + tuple(shape_a)
    b = (1,) * (ndim - len(shape_b)) + tuple(shape_b)
    return tuple(max(x, y) for x, y in zip(a, b))
"""),
    ("broadcasting", "broadcast_shape", "M_ALIGN_LEFT", """
def broadcast_shape(shape_a, shape_b):
    ndim = max(len(shape_a), len(shape_b))
    a = tuple(shape_a) + (1,) * (ndim - len(shape_a))
    b = tuple(shape_b) + (1,) * (ndim - len(shape_b))
    result = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            raise ValueError("incompatible shapes")
        result.append(max(x, y))
    return tuple(result)
"""),
    ("broadcasting", "broadcast_shape", "M_SHAPES_NOT_PADDED", """
def broadcast_shape(shape_a, shape_b):
    result = []
    for x, y in zip(reversed(shape_a), reversed(shape_b)):
        if x != y and x != 1 and y != 1:
            raise ValueError("incompatible shapes")
        result.append(max(x, y))
    return tuple(reversed(result))
"""),
    ("broadcasting", "to_column", "M_RANK1", """
def to_column(a):
    return a.T
"""),
    ("broadcasting", "to_column", "M_T_NOT_RESHAPE", """
def to_column(a):
    if a.ndim == 1:
        return a.reshape(-1, 1)
    return a.T
"""),
    ("broadcasting", "to_column", "M_LEN_NOT_SIZE", """
def to_column(a):
    return a.reshape(a.shape[0], 1)
"""),
    ("broadcasting", "to_row", "M_RANK1", """
def to_row(a):
    return a.T
"""),
    ("broadcasting", "to_row", "M_T_NOT_RESHAPE", """
def to_row(a):
    if a.ndim == 1:
        return a.reshape(1, -1)
    return a.T
"""),
    ("broadcasting", "to_row", "M_LEN_NOT_SIZE", """
def to_row(a):
    return a.reshape(1, len(a))
"""),
    ("broadcasting", "outer", "M_INNER_NOT_OUTER", """
def outer(a, b):
    return np.dot(a, b.T)
"""),
    # logistic_regression
    ("logistic_regression", "flatten_images", "M_FLATTEN_NO_TRANSPOSE", """
def flatten_images(images):
    return images.reshape(-1, images.shape[0])
"""),
    ("logistic_regression", "flatten_images", "M_TRANSPOSE", """
def flatten_images(images):
    return images.reshape(images.shape[0], -1)
"""),
    ("logistic_regression", "flatten_images", "M_HARDCODED_SHAPE", """
def flatten_images(images):
    return images.reshape(images.shape[0], 64).T
"""),
    ("logistic_regression", "sigmoid", "M_MATH_EXP_ON_ARRAY", """
def sigmoid(z):
    return 1 / (1 + math.exp(-z))
"""),
    ("logistic_regression", "sigmoid", "M_EXP_SIGN", """
def sigmoid(z):
    return 1 / (1 + np.exp(z))
"""),
    ("logistic_regression", "initialize_with_zeros", "M_SHAPE_NOT_TUPLE", """
def initialize_with_zeros(dim):
    w = np.zeros(dim, 1)
    return w, 0.0
"""),
    ("logistic_regression", "initialize_with_zeros", "M_RANK1", """
def initialize_with_zeros(dim):
    return np.zeros(dim), 0.0
"""),
    ("logistic_regression", "initialize_with_zeros", "M_TRANSPOSE", """
def initialize_with_zeros(dim):
    return np.zeros((1, dim)), 0.0
"""),
    ("logistic_regression", "initialize_with_zeros", "M_HARDCODED_SHAPE", """
def initialize_with_zeros(dim):
    return np.zeros((64, 1)), 0.0
"""),
    ("logistic_regression", "initialize_with_zeros", "M_INT_NOT_FLOAT", """
def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0
    return w, b
"""),
    ("logistic_regression", "propagate", "M_NOTEBOOK_GLOBAL",
     propagate_with(dw="np.dot(train_set_x, (A - Y).T) / m")),
    ("logistic_regression", "propagate", "M_COST_MATRIX",
     propagate_with(cost="-(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m")),
    ("logistic_regression", "propagate", "M_COST_MATRIX", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
    dw = X @ (A - Y).T / m
    db = np.sum(A - Y, axis=1, keepdims=True) / m
    return {"dw": dw, "db": db}, cost
"""),
    ("logistic_regression", "propagate", "M_COST_UNSUMMED",
     propagate_with(cost="-(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m")),
    ("logistic_regression", "propagate", "M_OUTER_PRODUCT_COST",
     propagate_with(cost="-np.sum(Y.T * np.log(A) + (1 - Y).T * np.log(1 - A)) / m")),
    ("logistic_regression", "propagate", "M_ELEMENTWISE_NOT_DOT", propagate_with(A="sigmoid(w.T * X + b)")),
    ("logistic_regression", "propagate", "M_TRANSPOSE", propagate_with(A="sigmoid(np.dot(w, X) + b)")),
    ("logistic_regression", "propagate", "M_RANK1", propagate_with(dw="np.sum(X * (A - Y), axis=1) / m")),
    ("logistic_regression", "propagate", "M_MISSING_BIAS", propagate_with(A="sigmoid(np.dot(w.T, X))")),
    ("logistic_regression", "propagate", "M_MISSING_1_OVER_M", propagate_with(dw="np.dot(X, (A - Y).T)")),
    ("logistic_regression", "propagate", "M_WRONG_M", propagate_with(m="X.shape[0]")),
    ("logistic_regression", "propagate", "M_SIGN_FLIP",
     propagate_with(cost="np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m")),
    ("logistic_regression", "optimize", "M_NOTEBOOK_GLOBAL", optimize_with().replace(
        "propagate(w, b, X, Y)", "propagate(w, b, train_set_x, train_y)")),
    ("logistic_regression", "optimize", "M_HARDCODED_ITERATIONS", optimize_with(iterations="100")),
    ("logistic_regression", "optimize", "M_BIAS_NOT_UPDATED", optimize_with(b_update="b")),
    ("logistic_regression", "optimize", "M_HARDCODED_LR", optimize_with(w_step="0.009 * dw",
                                                                         b_update="b - 0.009 * db")),
    ("logistic_regression", "optimize", "M_GRADIENT_ASCENT", optimize_with(w_step="-learning_rate * dw",
                                                                            b_update="b + learning_rate * db")),
    ("logistic_regression", "optimize", "M_COSTS_WRONG_ITERATIONS", optimize_with(record="(i + 1) % 100 == 0")),
    ("logistic_regression", "optimize", "M_GRADS_AFTER_LOOP", optimize_with(
        after='grads, cost = propagate(w, b, X, Y)\n    dw, db = grads["dw"], grads["db"]')),
    ("logistic_regression", "predict", "M_NOTEBOOK_GLOBAL", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, test_set_x) + b)
    return (A > 0.5).astype(float)
"""),
    ("logistic_regression", "predict", "M_RANK1", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A[0] > 0.5) * 1.0
"""),
    ("logistic_regression", "predict", "M_TRANSPOSE", """
def predict(w, b, X):
    A = sigmoid(np.dot(X.T, w) + b)
    return (A > 0.5).astype(float)
"""),
    ("logistic_regression", "predict", "M_PROBABILITIES_NOT_LABELS", """
def predict(w, b, X):
    return sigmoid(np.dot(w.T, X) + b)
"""),
    ("logistic_regression", "predict", "M_THRESHOLD_GE", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A >= 0.5).astype(float)
"""),
    ("logistic_regression", "predict", "M_MISSING_BIAS", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X))
    return (A > 0.5).astype(float)
"""),
    ("logistic_regression", "model", "M_NOTEBOOK_GLOBAL", model_with(
        X_train="train_set_x", Y_train="train_y", X_test="test_set_x")),
    ("logistic_regression", "model", "M_HARDCODED_ITERATIONS", model_with(training="2000, learning_rate")),
    ("logistic_regression", "model", "M_HARDCODED_LR", model_with(training="num_iterations, 0.5")),
    ("logistic_regression", "model", "M_BIAS_NOT_UPDATED", optimize_with(b_update="b") + model_with()),
    ("logistic_regression", "model", "M_COSTS_WRONG_ITERATIONS",
     optimize_with(record="i % 100 == 99") + model_with()),
]

IDS = [f"{function}-{code}" for _, function, code, _ in WRONG]


def student_function(assignment: str, name: str, source: str, label: str = "student"):
    """Run a student's cell (after the notebook's data and the reference helpers) and return its function.

    The cell is registered with linecache, as IPython does, so exceptions show the student's line.
    """
    reference = importlib.import_module(f"solutions.{assignment}")
    namespace = {"np": np, "math": math}
    namespace.update({k: v for k, v in vars(reference).items() if callable(v) and not k.startswith("_")})
    exec(NOTEBOOK, namespace)
    source = textwrap.dedent(source).strip() + "\n"
    filename = f"<cell {label}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


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
                    r"\[EXCEPTION\]; a diagnosed one:$", first_line), first_line
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
                                          "def dot_vectorized(a, b):\n    return a @ b"],
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

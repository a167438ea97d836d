"""The dynamic half of the loop rule (autograder/grading/dynamic.py), and the timing opinion.

Each graded function runs on one of its real hidden cases and on that case tiled 3 times; the
Python events of student code are counted. The variants below are written as students write
them: each looping one computes the right answer (checked below) in a disguise, and must be
reported with its growth; each vectorized one must stay flat. Functions defined in this file
count as student code, as notebook cells do.
"""
from __future__ import annotations

import functools
import math
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

import solutions.broadcasting
import solutions.logistic_regression
import solutions.vectorization
from autograder.config import unit
from autograder.grading.case import Case
from autograder.grading.cases import generators
from autograder.grading.dynamic import (
    LOOP_DYNAMIC, SLOW, TAMPERED, TracingDisabled, count_events, count_events_of, dynamic_findings,
    growing_case, scale_args, timing_finding)
from autograder.sandbox.tracing import is_student_file

REPO = Path(__file__).resolve().parents[1]
REFERENCES = {
    "vectorization": solutions.vectorization,
    "broadcasting": solutions.broadcasting,
    "logistic_regression": solutions.logistic_regression,
}


def hidden_cases(assignment: str, name: str) -> list[Case]:
    return generators(assignment)[name](np.random.default_rng(0))


def policy(assignment: str, name: str) -> str:
    return unit(REPO, assignment, name).loops


def findings_for(assignment: str, name: str, func):
    return dynamic_findings(assignment, name, func, hidden_cases(assignment, name), policy(assignment, name))


def _sigmoid_scalar(t):
    return 1 / (1 + math.exp(-t))


# --- looping variants, one disguise each ------------------------------------------------------

def sigmoid_for_loop(x):
    x = np.asarray(x, dtype=float)
    s = np.empty_like(x)
    for i in range(x.size):
        s.flat[i] = _sigmoid_scalar(x.flat[i])
    return s


sigmoid_np_vectorize = np.vectorize(lambda t: 1 / (1 + math.exp(-t)))

_sigmoid_ufunc = np.frompyfunc(_sigmoid_scalar, 1, 1)


def sigmoid_frompyfunc(x):
    return _sigmoid_ufunc(x).astype(float)


def normalize_rows_comprehension(x):
    return np.array([row / np.sqrt(np.sum(row ** 2)) for row in x])


def normalize_rows_apply_along_axis(x):
    return np.apply_along_axis(lambda row: row / np.linalg.norm(row), 1, x)


def softmax_map_lambda(x):
    return np.array(list(map(lambda row: np.exp(row - row.max()) / np.exp(row - row.max()).sum(), x)))


def softmax_recursive(x):
    if x.shape[0] == 1:
        e = np.exp(x - x.max())
        return e / e.sum()
    return np.vstack([softmax_recursive(x[:1]), softmax_recursive(x[1:])])


def L1_reduce(yhat, y):
    return float(functools.reduce(lambda total, d: total + abs(d), np.ravel(y - yhat), 0.0))


def L1_generator(yhat, y):
    return float(sum(abs(a - b) for a, b in zip(np.ravel(yhat), np.ravel(y))))


def _rows_times(A, v):
    u = np.zeros((A.shape[0], 1))
    for i in range(A.shape[0]):
        u[i, 0] = np.dot(A[i], v[:, 0])
    return u


def matvec_helper_loop(A, v):
    return _rows_times(A, v)


_RELU_LOOP = """
r = np.array(v, dtype=float)
for i in range(r.size):
    r.flat[i] = max(0.0, r.flat[i])
"""


def relu_exec(v):
    space = {"np": np, "v": v}
    exec(_RELU_LOOP, space)
    return space["r"]


def relu_while(v):
    r = np.array(v)
    flat = r.reshape(-1)
    i = 0
    while i < flat.size:
        if flat[i] < 0:
            flat[i] = 0
        i += 1
    return r


def calorie_percentages_for_loop(A):
    out = np.empty(A.shape)
    for j in range(A.shape[1]):
        out[:, j] = 100 * A[:, j] / A[:, j].sum()
    return out


def center_columns_comprehension(X):
    return np.column_stack([column - column.mean() for column in X.T])


def outer_nested_comprehension(a, b):
    return np.array([[ai * bj for bj in np.ravel(b)] for ai in np.ravel(a)])


_times = np.frompyfunc(lambda s, t: s * t, 2, 1)


def outer_frompyfunc(a, b):
    return _times.outer(np.ravel(a), np.ravel(b)).astype(float)


def propagate_loop_over_examples(w, b, X, Y):
    n_x, m = X.shape
    dw = np.zeros((n_x, 1))
    db = 0.0
    cost = 0.0
    for i in range(m):
        a = 1 / (1 + np.exp(-(w[:, 0] @ X[:, i] + b)))
        cost -= Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a)
        dw[:, 0] += X[:, i] * (a - Y[0, i])
        db += a - Y[0, i]
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)


_label = np.vectorize(lambda a: 1.0 if a > 0.5 else 0.0)


def predict_np_vectorize(w, b, X):
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    return _label(A)


def predict_for_loop(w, b, X):
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    Y_prediction = np.zeros((1, X.shape[1]))
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0
    return Y_prediction


def flatten_images_comprehension(images):
    return np.stack([image.ravel() for image in images], axis=1)


def _optimize_with(propagate_step, w, b, X, Y, num_iterations, learning_rate):
    """optimize's one allowed loop over the iterations, around a given gradient step."""
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate_step(w, b, X, Y)
        dw, db = grads["dw"], grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs


def optimize_looping_helper(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return _optimize_with(propagate_loop_over_examples, w, b, X, Y, num_iterations, learning_rate)


def optimize_second_loop_over_examples(w, b, X, Y, num_iterations=100, learning_rate=0.009,
                                       print_cost=False):
    m = X.shape[1]
    costs = []
    for i in range(num_iterations):
        A = 1 / (1 + np.exp(-(w.T @ X + b)))
        dw = np.zeros(w.shape)
        for j in range(m):
            dw += X[:, j:j + 1] * (A[0, j] - Y[0, j]) / m
        db = float(np.sum(A - Y) / m)
        if i % 100 == 0:
            costs.append(float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))))
        w = w - learning_rate * dw
        b = b - learning_rate * db
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs


LOOPING = [
    ("vectorization", "sigmoid", sigmoid_for_loop),
    ("vectorization", "sigmoid", sigmoid_np_vectorize),
    ("vectorization", "sigmoid", sigmoid_frompyfunc),
    ("vectorization", "normalize_rows", normalize_rows_comprehension),
    ("vectorization", "normalize_rows", normalize_rows_apply_along_axis),
    ("vectorization", "softmax", softmax_map_lambda),
    ("vectorization", "softmax", softmax_recursive),
    ("vectorization", "L1", L1_reduce),
    ("vectorization", "L1", L1_generator),
    ("vectorization", "matvec", matvec_helper_loop),
    ("vectorization", "relu", relu_exec),
    ("vectorization", "relu", relu_while),
    ("broadcasting", "calorie_percentages", calorie_percentages_for_loop),
    ("broadcasting", "center_columns", center_columns_comprehension),
    ("broadcasting", "outer", outer_nested_comprehension),
    ("broadcasting", "outer", outer_frompyfunc),
    ("logistic_regression", "propagate", propagate_loop_over_examples),
    ("logistic_regression", "predict", predict_np_vectorize),
    ("logistic_regression", "predict", predict_for_loop),
    ("logistic_regression", "flatten_images", flatten_images_comprehension),
    ("logistic_regression", "optimize", optimize_looping_helper),
    ("logistic_regression", "optimize", optimize_second_loop_over_examples),
]


# --- vectorized variants, in other idioms than the reference ----------------------------------

def optimize_while(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    m = X.shape[1]
    costs = []
    i = 0
    while i < num_iterations:
        A = 1 / (1 + np.exp(-(w.T @ X + b)))
        dw = np.einsum("im,jm->ij", X, A - Y) / m
        db = float(np.mean(A - Y))
        if i % 100 == 0:
            costs.append(float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))))
        w = w - learning_rate * dw
        b = b - learning_rate * db
        i += 1
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs


def relu_mask(v):
    r = v.copy()
    r[r < 0] = 0
    return r


def propagate_einsum(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.einsum("ij,im->jm", w, X) + b)))
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    return {"dw": X @ (A - Y).T / m, "db": float(np.mean(A - Y))}, float(cost)


VECTORIZED = [
    ("vectorization", "sigmoid", lambda x: 0.5 * (1 + np.tanh(np.asarray(x) / 2))),
    ("vectorization", "normalize_rows", lambda x: x / np.sqrt(np.sum(x * x, axis=1, keepdims=True))),
    ("vectorization", "normalize_rows", lambda x: x / np.sqrt(np.einsum("ij,ij->i", x, x))[:, np.newaxis]),
    ("vectorization", "softmax",
     lambda x: np.exp(x - x.max(axis=1, keepdims=True)) / np.exp(x - x.max(axis=1, keepdims=True)).sum(
         axis=1, keepdims=True)),
    ("vectorization", "L1", lambda yhat, y: float(np.abs(yhat - y).sum())),
    ("vectorization", "L1", lambda yhat, y: float((y - yhat)[y > yhat].sum() - (y - yhat)[y < yhat].sum())),
    ("vectorization", "matvec", lambda A, v: A @ v),
    ("vectorization", "matvec", lambda A, v: np.einsum("ij,jk->ik", A, v)),
    ("vectorization", "relu", lambda v: np.where(v > 0, v, 0)),
    ("vectorization", "relu", lambda v: np.clip(v, 0, None)),
    ("vectorization", "relu", relu_mask),
    ("broadcasting", "calorie_percentages", lambda A: 100 * A / A.sum(axis=0)),
    ("broadcasting", "center_columns", lambda X: X - np.mean(X, axis=0, keepdims=True)),
    ("broadcasting", "outer", lambda a, b: np.outer(a, b)),
    ("broadcasting", "outer", lambda a, b: np.ravel(a)[:, np.newaxis] * np.ravel(b)[np.newaxis, :]),
    ("logistic_regression", "propagate", propagate_einsum),
    ("logistic_regression", "predict", lambda w, b, X: np.where(w.T @ X + b > 0, 1.0, 0.0)),
    ("logistic_regression", "flatten_images", lambda images: np.reshape(images, (len(images), -1)).T),
    ("logistic_regression", "optimize", optimize_while),
]


def _ids(table):
    return [f"{name}-{getattr(func, '__name__', '?')}-{index}" for index, (_, name, func) in enumerate(table)]


def _results_agree(got, expected) -> bool:
    if isinstance(expected, dict):
        return all(_results_agree(got[key], expected[key]) for key in expected)
    if isinstance(expected, (tuple, list)):
        return len(got) == len(expected) and all(map(_results_agree, got, expected))
    return np.allclose(np.asarray(got, dtype=float), np.asarray(expected, dtype=float), rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("assignment, name, variant", LOOPING + VECTORIZED, ids=_ids(LOOPING + VECTORIZED))
def test_every_variant_is_a_correct_solution_on_the_measured_case(assignment, name, variant):
    # A variant that raised would be "no finding" for the wrong reason: each one is a real answer.
    reference = getattr(REFERENCES[assignment], name)
    case = growing_case(hidden_cases(assignment, name))
    for args, kwargs in (case.args, case.kwargs), scale_args(case.args, case.kwargs, 3):
        assert _results_agree(variant(*args, **kwargs), reference(*args, **kwargs))


# --- the rule ---------------------------------------------------------------------------------

ALL_FUNCTIONS = [(assignment, name) for assignment in REFERENCES for name in generators(assignment)]


@pytest.mark.parametrize("assignment, name", ALL_FUNCTIONS, ids=[f"{a}.{n}" for a, n in ALL_FUNCTIONS])
def test_reference_solutions_get_no_dynamic_finding(assignment, name):
    assert findings_for(assignment, name, getattr(REFERENCES[assignment], name)) == []


@pytest.mark.parametrize("assignment, name, variant", LOOPING, ids=_ids(LOOPING))
def test_looping_variant_is_reported_with_its_growth(assignment, name, variant):
    findings = findings_for(assignment, name, variant)
    assert [finding.code for finding in findings] == [LOOP_DYNAMIC]
    assert findings[0].function == name
    assert findings[0].growth >= 2


@pytest.mark.parametrize("assignment, name, variant", VECTORIZED, ids=_ids(VECTORIZED))
def test_vectorized_variant_in_another_idiom_is_not_reported(assignment, name, variant):
    assert findings_for(assignment, name, variant) == []


def test_vectorized_code_runs_exactly_as_many_events_on_the_larger_case():
    case = growing_case(hidden_cases("logistic_regression", "propagate"))
    propagate = solutions.logistic_regression.propagate
    small = count_events(propagate, case.args, case.kwargs)
    assert small > 0
    assert count_events(propagate, *scale_args(case.args, case.kwargs, 3)) == small


def test_optimize_loop_over_iterations_does_not_grow_with_examples_and_features():
    [case] = [c for c in hidden_cases("logistic_regression", "optimize")
              if c.kwargs.get("num_iterations") == 101]
    reference = solutions.logistic_regression.optimize
    small = count_events(reference, case.args, case.kwargs)
    assert small > 101  # the loop over the iterations is counted...
    assert count_events(reference, *scale_args(case.args, case.kwargs, 3)) == small  # ...and stays flat
    assert dynamic_findings("logistic_regression", "optimize", reference, [case], "iterations") == []
    assert dynamic_findings("logistic_regression", "optimize", optimize_while, [case], "iterations") == []
    [finding] = dynamic_findings("logistic_regression", "optimize", optimize_second_loop_over_examples,
                                 [case], "iterations")
    assert finding.code == LOOP_DYNAMIC and finding.growth >= 2


def _optimize_reporting_its_largest_weight(w, b, X, Y, num_iterations=100, learning_rate=0.009,
                                           print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = solutions.logistic_regression.propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            largest = max(abs(weight) for weight in w[:, 0])  # a loop over the features, twice in all
            if print_cost:
                print(f"cost {cost:.4f}, largest weight {largest:.2f}")
    return {"w": w, "b": b}, grads, costs


def test_a_short_loop_in_a_long_function_is_reported_however_small_its_growth():
    [case] = [c for c in hidden_cases("logistic_regression", "optimize")
              if c.kwargs.get("num_iterations") == 101]
    [finding] = dynamic_findings("logistic_regression", "optimize", _optimize_reporting_its_largest_weight,
                                 [case], "iterations")
    assert finding.code == LOOP_DYNAMIC
    assert 1 < finding.growth < 1.05  # why the rule has no threshold on the ratio


def _relu_with_a_branch_on_the_length(v):
    if v.shape[0] > 5:  # true only at the larger sizes: a step, not a growth
        v = v + 0
        v = v * 1
        v = v - 0
        v = v / 1
    return np.maximum(0, v)


def test_work_that_grows_once_and_stops_is_not_a_loop():
    case = growing_case(hidden_cases("vectorization", "relu"))  # 4x4: 8x8 and 12x12 take the branch
    counts = [count_events(_relu_with_a_branch_on_the_length, *scale_args(case.args, case.kwargs, factor))
              for factor in (1, 2, 3)]
    assert counts[0] < counts[1] == counts[2]
    assert findings_for("vectorization", "relu", _relu_with_a_branch_on_the_length) == []


def test_finding_message_names_function_case_counts_and_what_grew():
    [finding] = findings_for("logistic_regression", "propagate", propagate_loop_over_examples)
    case = growing_case(hidden_cases("logistic_regression", "propagate"))
    assert finding.message.startswith(
        f"propagate runs {finding.small_events:,} Python lines on the case '{case.label}' "
        f"and {finding.large_events:,} when the examples and features are 3 times as many: "
        "a loop is hidden somewhere")
    [other] = findings_for("vectorization", "relu", relu_while)
    assert "the arrays are 3 times as long along every dimension longer than 1" in other.message


@pytest.mark.parametrize("assignment, name, loop_policy", [
    ("vectorization", "dot_loop", "allowed"),
    ("broadcasting", "broadcast_shape", "dimensions"),
])
def test_policies_that_allow_loops_get_no_dynamic_finding(assignment, name, loop_policy):
    assert policy(assignment, name) == loop_policy
    assert findings_for(assignment, name, getattr(REFERENCES[assignment], name)) == []


def test_functions_without_growing_arrays_are_not_measured():
    assert growing_case(hidden_cases("vectorization", "basic_sigmoid")) is None
    assert growing_case(hidden_cases("logistic_regression", "initialize_with_zeros")) is None
    assert findings_for("vectorization", "basic_sigmoid", lambda x: sum(1 for _ in range(10)) / 10) == []


def test_measured_case_has_the_most_dimensions_that_can_grow():
    # sigmoid's 3-d case, not its rank-1 one: a loop taken only for n-d input still shows.
    assert growing_case(hidden_cases("vectorization", "sigmoid")).label == "3-d array of shape (2, 3, 4)"


def _softmax_loops_only_on_big_inputs(x):
    if x.shape[0] > 10:
        raise ValueError("too many rows")
    return np.array([row for row in np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)])


def test_function_raising_at_either_size_gets_no_finding():
    assert findings_for("vectorization", "softmax", lambda x: 1 / 0) == []
    case = growing_case(hidden_cases("vectorization", "softmax"))
    assert count_events(_softmax_loops_only_on_big_inputs, case.args, case.kwargs) > 0  # fine when small
    assert findings_for("vectorization", "softmax", _softmax_loops_only_on_big_inputs) == []


# --- count_events ------------------------------------------------------------------------------

def test_counts_are_deterministic():
    case = growing_case(hidden_cases("vectorization", "softmax"))
    counts = {count_events(softmax_map_lambda, case.args, case.kwargs) for _ in range(3)}
    assert len(counts) == 1
    assert counts.pop() > 0


def test_numpy_python_internals_are_not_counted_but_the_students_pyfunc_is():
    x = np.arange(12.0).reshape(3, 4)
    calls = []

    def per_row(row):
        calls.append(1)
        return row.sum()

    # np.apply_along_axis runs dozens of numpy lines per row; only per_row's call and its two
    # lines are counted, once per row (apply_along_axis may call it once more to learn the shape).
    assert count_events(lambda a: np.apply_along_axis(per_row, 1, a), (x,), {}) == 2 + 3 * len(calls)


def test_arguments_are_deep_copies():
    x = np.ones((2, 3))
    count_events(lambda a: a.fill(0), (x,), {})
    assert (x == 1).all()


def test_exceptions_of_the_function_propagate_and_the_previous_tracer_is_restored():
    def previous(frame, event, arg):
        return None

    sys.settrace(previous)
    try:
        count_events(relu_while, (np.array([-1.0, 2.0]),), {})
        assert sys.gettrace() is previous
        with pytest.raises(ZeroDivisionError):
            count_events(lambda: 1 / 0, (), {})
        assert sys.gettrace() is previous
    finally:
        sys.settrace(None)


@pytest.mark.parametrize("filename, student", [
    ("<ipython-input-3-abc>", True),
    ("/tmp/ipykernel_123/456.py", True),
    ("<string>", True),
    (__file__, True),
    (np.__file__, False),
    (np.lib.__file__, False),
    (functools.__file__, False),
    ("<frozen importlib._bootstrap>", False),
    (str(REPO / "autograder" / "grading" / "hidden.py"), False),
])
def test_student_code_is_everything_outside_python_site_packages_and_the_kit(filename, student):
    assert is_student_file(filename) is student


# --- tampering ----------------------------------------------------------------------------------

def relu_switches_tracing_off(v):
    sys.settrace(None)
    return np.array([max(0.0, float(t)) for t in np.ravel(v)]).reshape(np.shape(v))


def relu_switches_tracing_off_and_back_on(v):
    tracer = sys.gettrace()
    sys.settrace(None)
    r = np.array([max(0.0, float(t)) for t in np.ravel(v)]).reshape(np.shape(v))
    sys.settrace(tracer)
    return r


def relu_silences_its_own_frame(v):
    sys._getframe().f_trace_lines = False
    r = np.array(v, dtype=float)
    for i in range(r.size):
        r.flat[i] = max(0.0, r.flat[i])
    return r


def relu_in_a_thread(v):
    r = np.array(v, dtype=float)
    worker = threading.Thread(target=lambda: [r.put(i, max(0.0, r.flat[i])) for i in range(r.size)])
    worker.start()
    worker.join()
    return r


TAMPERING = [relu_switches_tracing_off, relu_switches_tracing_off_and_back_on,
             relu_silences_its_own_frame, relu_in_a_thread]


@pytest.mark.parametrize("variant", TAMPERING, ids=[f.__name__ for f in TAMPERING])
def test_switching_the_count_off_is_reported_as_forbidden(variant):
    previous = sys.gettrace()
    with pytest.raises(TracingDisabled):
        count_events(variant, (np.array([[-1.0, 2.0], [3.0, -4.0]]),), {})
    assert sys.gettrace() is previous
    [finding] = findings_for("vectorization", "relu", variant)
    assert finding.code == TAMPERED == "FORBIDDEN001"
    assert finding.message.startswith("relu ")


# --- the sandbox's counter ------------------------------------------------------------------------

class SandboxedFunction:
    """Stands in for the sandbox's proxy: called remotely, counts remotely. `count` gives the
    reported count; `measured` (optional) the result of a measured call, else relu's."""

    def __init__(self, count, measured=None):
        self.count, self.measured = count, measured
        self.asked = []
        self.plain = 0

    def __call__(self, v):  # a plain call in the worker, to compare with the measured one
        self.plain += 1
        return np.maximum(v, 0)

    def measure(self, args, kwargs, skip=frozenset()):
        self.asked.append(args)
        events = self.count(args, kwargs)
        return events, (self.measured or (lambda v: np.maximum(v, 0)))(*args)


def test_a_sandboxed_function_counts_in_the_sandbox():
    growing = SandboxedFunction(lambda args, kwargs: 3 + args[0].size)
    assert [f.code for f in findings_for("vectorization", "relu", growing)] == [LOOP_DYNAMIC]
    assert [args[0].shape for args in growing.asked] == [(4, 4), (12, 12), (8, 8)]
    flat = SandboxedFunction(lambda args, kwargs: 3)
    assert findings_for("vectorization", "relu", flat) == []
    assert [args[0].shape for args in flat.asked] == [(4, 4), (12, 12)]  # flat: two sizes suffice
    assert flat.plain == 2  # each measured call is compared with a plain one on the same inputs


@pytest.mark.parametrize("count", [None, -1, 3.0, "3", True, 10 ** 12],
                         ids=["missing", "negative", "float", "text", "bool", "beyond any call"])
def test_an_absurd_count_is_a_finding_not_a_pass(count):
    [finding] = findings_for("vectorization", "relu", SandboxedFunction(lambda args, kwargs: count))
    assert finding.code == TAMPERED and "tampered" in finding.message


def test_a_count_that_shrinks_on_the_larger_input_is_a_finding():
    shrinking = SandboxedFunction(lambda args, kwargs: 1000 // args[0].shape[0])
    [finding] = findings_for("vectorization", "relu", shrinking)
    assert finding.code == TAMPERED and "only" in finding.message


def test_a_function_that_returns_something_else_when_measured_is_a_finding():
    """The cheap path taken only under measurement (sys.gettrace() is not None): flat count, wrong
    result. The grader compares the measured call's result with a plain call's on the same inputs."""
    cheap = SandboxedFunction(lambda args, kwargs: 3, measured=lambda v: v)
    [finding] = findings_for("vectorization", "relu", cheap)
    assert finding.code == TAMPERED and "different result" in finding.message


def test_a_function_that_fails_only_when_measured_is_a_finding():
    def crash(args, kwargs):
        raise RuntimeError("os._exit when traced")

    [finding] = findings_for("vectorization", "relu", SandboxedFunction(crash))
    assert finding.code == TAMPERED and "fails (RuntimeError)" in finding.message


def test_a_plain_function_that_notices_the_tracer_is_caught_by_its_result():
    import sys

    def relu_sees_tracer(v):
        if sys.gettrace() is not None:
            return v  # the cheap path, taken only when measured
        return np.array([[max(t, 0.0) for t in row] for row in v])

    [finding] = findings_for("vectorization", "relu", relu_sees_tracer)
    assert finding.code == TAMPERED and "different result" in finding.message


def test_a_sandbox_that_detects_tampering_is_reported_as_forbidden():
    def tampered(args, kwargs):
        raise TracingDisabled("called sys.settrace")

    [finding] = findings_for("vectorization", "relu", SandboxedFunction(tampered))
    assert finding.code == TAMPERED
    assert "called sys.settrace" in finding.message


def test_a_plain_function_cannot_claim_its_own_count():
    def relu_claims_to_be_flat(v):
        return relu_while(v)

    relu_claims_to_be_flat.count_events = lambda args, kwargs: 3
    assert count_events_of(relu_claims_to_be_flat, (np.array([-1.0, 2.0]),), {}) > 3
    assert [f.code for f in findings_for("vectorization", "relu", relu_claims_to_be_flat)] == [LOOP_DYNAMIC]


# --- scale_args -----------------------------------------------------------------------------------

def test_scaling_tiles_examples_and_features_consistently_and_keeps_numbers():
    w, b, X, Y = growing_case(hidden_cases("logistic_regression", "propagate")).args
    (w3, b3, X3, Y3), kwargs = scale_args((w, b, X, Y), {}, 3)
    n_x, m = X.shape
    assert (w3.shape, X3.shape, Y3.shape) == ((3 * n_x, 1), (3 * n_x, 3 * m), (1, 3 * m))
    assert b3 == b and kwargs == {}
    assert set(np.unique(Y3)) == {0.0, 1.0}
    assert Y3.dtype == Y.dtype and X3.dtype == X.dtype
    np.testing.assert_array_equal(X3[:n_x, :m], X)


def test_scaling_never_grows_iterations_shapes_or_length_one_dimensions():
    case = growing_case(hidden_cases("logistic_regression", "optimize"))
    args, kwargs = scale_args(case.args, case.kwargs, 3)
    assert kwargs == case.kwargs  # num_iterations and learning_rate
    shapes = ((3, 1), (4, 1, 2))
    assert scale_args(shapes, {}, 3) == (shapes, {})
    (row, scalar, column), _ = scale_args((np.ones((1, 4)), np.float64(2.0), np.ones((5, 1))), {}, 3)
    assert (row.shape, scalar, column.shape) == ((1, 12), 2.0, (15, 1))


# --- timing ---------------------------------------------------------------------------------------

def L1_builtin_sum(yhat, y):
    return float(sum(np.ravel(np.abs(y - yhat))))  # builtin sum: iterates the elements in C, no Python line


def L1_builtin_sum_over_rows(yhat, y):
    return float(sum(np.abs(y - yhat)).sum())  # builtin sum over the rows of a 2-d input


def test_builtin_sum_is_invisible_to_the_count_but_caught_by_timing():
    cases = hidden_cases("vectorization", "L1")
    # Builtin sum walks the elements in C: no Python line runs per element, nothing to count.
    assert findings_for("vectorization", "L1", L1_builtin_sum) == []
    # Timing sees it: on the rank-1 case tiled to 20,000 entries it measured 16 to 190 times the
    # reference (typically 30 to 40) on a loaded 2-core machine, so the default ratio of 20
    # catches it only most of the time; vectorized variants measured 0.8 to 5 times. Here: 10.
    rank1 = cases[0]
    finding = timing_finding("L1", L1_builtin_sum, solutions.vectorization.L1, rank1, slow_ratio=10)
    assert finding is not None and finding.code == SLOW
    assert finding.large_events > 10 * finding.small_events  # microseconds: student, reference
    assert finding.message.startswith("L1 takes ") and "times as long as the reference" in finding.message


def test_builtin_sum_over_rows_is_slow_only_when_rows_are_many_and_short():
    # Builtin sum over the rows of an (m, n) array is m whole-row additions done by numpy: m
    # steps of n-element work, not m*n Python steps. On the square hidden case tiled to
    # 144x144 that is a few times the reference (measured 3 to 8 times on a busy machine), which
    # no ratio safe against timing noise can call slow: timing says nothing there, and neither
    # does the count (no Python line runs). The static rule reports it (LOOP004, `sum`
    # iterating its argument). Timing does catch it when the rows are many and short, where the
    # m per-row steps dominate: 20,000 rows of 2 entries.
    square = next(case for case in hidden_cases("vectorization", "L1") if case.label == "square 3x3 matrices")
    assert timing_finding("L1", L1_builtin_sum_over_rows, solutions.vectorization.L1, square) is None
    yhat, y = np.random.default_rng(1).normal(size=(2, 20_000, 2))
    tall = Case("tall 20000x2 matrices", (yhat, y))
    finding = timing_finding("L1", L1_builtin_sum_over_rows, solutions.vectorization.L1, tall, factor=1)
    assert finding is not None and finding.code == SLOW


def test_iteration_in_c_calling_c_functions_is_invisible_to_the_count():
    # What the count cannot see: numpy or a builtin looping in C over a C function runs no
    # Python line, so nothing grows. The static rule reports each of these (LOOP004, LOOP005);
    # timing measured np.vectorize(math.exp) at ~8-11 times the reference and
    # apply_along_axis(np.linalg.norm) at ~9-14 (below the default ratio), map(max, ...) at
    # 170-380 times.
    invisible = [
        ("vectorization", "sigmoid", lambda x: 1 / (1 + np.vectorize(math.exp)(-np.asarray(x, dtype=float)))),
        ("vectorization", "normalize_rows", lambda x: x / np.apply_along_axis(np.linalg.norm, 1, x)[:, None]),
        ("vectorization", "relu", relu_map_max),
    ]
    for assignment, name, variant in invisible:
        assert findings_for(assignment, name, variant) == [], name
    case = growing_case(hidden_cases("vectorization", "relu"))
    finding = timing_finding("relu", relu_map_max, solutions.vectorization.relu, case)
    assert finding is not None and finding.code == SLOW


def relu_map_max(v):
    return np.array(list(map(max, np.ravel(v), [0] * np.size(v)))).reshape(np.shape(v))


def test_vectorized_code_is_not_slow():
    case = growing_case(hidden_cases("vectorization", "L1"))
    alternative = lambda yhat, y: float(np.sum(np.abs(yhat - y)))  # noqa: E731
    assert timing_finding("L1", alternative, solutions.vectorization.L1, case) is None


def test_loops_inside_another_graded_function_are_not_charged_to_the_caller():
    def looping_relu(v):
        return np.array([[max(0.0, x) for x in row] for row in v])

    def caller(v):  # vectorized itself; the loop is the callee's
        return 2 * looping_relu(v)

    looping_relu.__code__ = looping_relu.__code__.replace(co_name="relu")
    cases = [Case("square 4x4", (np.random.default_rng(0).standard_normal((4, 4)),))]
    assert [f.code for f in dynamic_findings("vectorization", "matvec", caller, cases, "forbidden")] == [LOOP_DYNAMIC]
    assert dynamic_findings("vectorization", "matvec", caller, cases, "forbidden", skip=frozenset({"relu"})) == []

"""The hidden cases: one generator per graded function, reproducible per seed, runnable by the reference."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import numpy as np
import pytest
from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[1]

from autograder.grading.case import Case  # noqa: E402
from autograder.grading.cases import MODULES, generators  # noqa: E402

SEEDS = (0, 1, 2026)


def graded_functions() -> list[tuple[str, str]]:
    cfg = PyFileConfigLoader("course_config.py", path=str(ROOT)).load_config()
    return [
        (assignment, name)
        for assignment, units in cfg.Course.assignments.items()
        for name, spec in units.items()
        if spec.get("kind", "function") != "choice"
    ]


FUNCTIONS = graded_functions()
IDS = [f"{assignment}.{name}" for assignment, name in FUNCTIONS]


def reference(assignment: str, name: str):
    return getattr(importlib.import_module(f"solutions.{assignment}"), name)


def cases(assignment: str, name: str, seed: int) -> list[Case]:
    return generators(assignment)[name](np.random.default_rng(seed))


def leaves(value):
    """Every array or number inside nested tuples, lists and dicts."""
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from leaves(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    else:
        yield value


def same(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (
            isinstance(a, np.ndarray)
            and isinstance(b, np.ndarray)
            and a.dtype == b.dtype
            and a.shape == b.shape
            and np.array_equal(a, b)
        )
    if isinstance(a, (tuple, list)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def test_every_graded_function_has_a_case_generator_and_nothing_else():
    expected: dict[str, set[str]] = {}
    for assignment, name in FUNCTIONS:
        expected.setdefault(assignment, set()).add(name)
    assert set(MODULES) == set(expected)
    for assignment, names in expected.items():
        assert set(generators(assignment)) == names, assignment


@pytest.mark.parametrize(("assignment", "name"), FUNCTIONS, ids=IDS)
def test_same_seed_gives_identical_cases(assignment, name):
    first, second = cases(assignment, name, 7), cases(assignment, name, 7)
    assert len(first) == len(second)
    for a, b in zip(first, second):
        assert a.label == b.label
        assert same(a.args, b.args), a.label
        assert same(a.kwargs, b.kwargs), a.label


@pytest.mark.parametrize(("assignment", "name"), FUNCTIONS, ids=IDS)
def test_different_seeds_draw_different_inputs(assignment, name):
    drawn = [cases(assignment, name, seed) for seed in range(5)]
    assert any(
        not same(tuple(c.args for c in drawn[0]), tuple(c.args for c in other)) for other in drawn[1:]
    ), f"{assignment}.{name}: the cases do not depend on the seed"


@pytest.mark.parametrize(("assignment", "name"), FUNCTIONS, ids=IDS)
def test_cases_are_few_labelled_and_plain(assignment, name):
    for seed in SEEDS:
        drawn = cases(assignment, name, seed)
        assert 3 <= len(drawn) <= 7
        labels = [case.label for case in drawn]
        assert all(label.strip() for label in labels)
        assert len(set(labels)) == len(labels), "two cases with the same label cannot be told apart"
        for case in drawn:
            assert isinstance(case, Case) and isinstance(case.args, tuple) and isinstance(case.kwargs, dict)
            arrays = []
            for value in leaves((case.args, case.kwargs)):
                if isinstance(value, np.ndarray):
                    assert value.dtype.kind in "biuf", case.label
                    arrays.append(value)
                else:
                    assert type(value) in (int, float, bool), f"{case.label}: {type(value).__name__} argument"
            for i, a in enumerate(arrays):
                for b in arrays[i + 1 :]:
                    assert not np.shares_memory(a, b), f"{case.label}: two arguments share memory"


@pytest.mark.parametrize(("assignment", "name"), FUNCTIONS, ids=IDS)
def test_reference_runs_on_every_case_with_finite_results_and_leaves_inputs_unchanged(assignment, name):
    function = reference(assignment, name)
    for seed in SEEDS:
        for case in cases(assignment, name, seed):
            before = [v.copy() if isinstance(v, np.ndarray) else v for v in leaves((case.args, case.kwargs))]
            if case.label.startswith("incompatible"):
                with pytest.raises(ValueError):
                    function(*case.args, **case.kwargs)
                continue
            result = function(*case.args, **case.kwargs)
            for value in leaves(result):
                if isinstance(value, (np.ndarray, float, np.floating)):
                    assert np.all(np.isfinite(value)), f"{name}, {case.label}: non-finite reference result"
            after = list(leaves((case.args, case.kwargs)))
            assert all(same(a, b) for a, b in zip(before, after)), f"{name}, {case.label}: input modified"


def test_broadcast_shape_cases_match_numpy():
    function = reference("broadcasting", "broadcast_shape")
    for seed in SEEDS:
        for case in cases("broadcasting", "broadcast_shape", seed):
            try:
                expected = np.broadcast_shapes(*case.args)
            except ValueError:
                with pytest.raises(ValueError):
                    function(*case.args)
            else:
                assert function(*case.args) == expected, case.label


def test_trap_cases_are_present():
    """The DESIGN.md traps: square inputs, int inputs, rank-1 inputs, the exact 0.5 of predict, image ranks."""
    rng = np.random.default_rng(0)

    def shapes(assignment, name, arg=0):
        return [np.shape(c.args[arg]) for c in generators(assignment)[name](rng)]

    def dtypes(assignment, name, arg=0):
        return [np.asarray(c.args[arg]).dtype.kind for c in generators(assignment)[name](rng)]

    for assignment, name in [("vectorization", "normalize_rows"), ("vectorization", "softmax"),
                             ("broadcasting", "calorie_percentages"), ("broadcasting", "center_columns")]:
        assert any(s[0] == s[1] for s in shapes(assignment, name)), f"{name}: no square case"
        assert "i" in dtypes(assignment, name), f"{name}: no int case"
    for name in ("to_column", "to_row", "outer"):
        assert any(len(s) == 1 for s in shapes("broadcasting", name)), f"{name}: no rank-1 case"
    assert {len(s) for s in shapes("logistic_regression", "flatten_images")} == {3, 4}
    propagate_shapes = shapes("logistic_regression", "propagate", 2)
    assert any(n_x == m for n_x, m in propagate_shapes) and any(n_x != m for n_x, m in propagate_shapes)

    predict = reference("logistic_regression", "predict")
    sigmoid = reference("logistic_regression", "sigmoid")
    exact_half = [
        c for c in generators("logistic_regression")["predict"](rng)
        if np.any(sigmoid(np.dot(c.args[0].T, c.args[2]) + c.args[1]) == 0.5)
    ]
    assert exact_half, "predict: no case hits A == 0.5 exactly"
    assert all(np.all(predict(*c.args)[sigmoid(np.dot(c.args[0].T, c.args[2]) + c.args[1]) == 0.5] == 0)
               for c in exact_half)

    optimize = reference("logistic_regression", "optimize")
    recorded = sorted(len(optimize(*c.args, **c.kwargs)[2]) for c in generators("logistic_regression")["optimize"](rng))
    assert {2, 3} <= set(recorded), f"optimize: numbers of recorded costs {recorded}"

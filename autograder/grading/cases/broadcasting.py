"""Hidden cases of the "broadcasting" assignment (the multiple-choice questions have no cases)."""
from __future__ import annotations

import numpy as np

from autograder.grading.case import Case
from autograder.grading.cases.sizes import pair as _pair
from autograder.grading.cases.sizes import size as _size


def calorie_percentages(rng: np.random.Generator) -> list[Case]:
    m, k = _pair(rng, 2, 6)
    return [
        Case("square 4x4 table, int dtype", (rng.integers(1, 120, size=(4, 4)),)),
        Case(f"{m}x{k} table of floats", (rng.uniform(0.5, 150.0, size=(m, k)),)),
        Case("5x3 table, int dtype", (rng.integers(0, 60, size=(5, 3)) + 1,)),
        Case("single food, column (3, 1)", (rng.uniform(1.0, 100.0, size=(3, 1)),)),
    ]


def center_columns(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 5)
    m, k = _pair(rng, 3, 7)
    return [
        Case(f"square {n}x{n} matrix", (rng.normal(2.0, 3.0, size=(n, n)),)),
        Case(f"{m}x{k} matrix", (rng.normal(-1.0, 2.0, size=(m, k)),)),
        Case("square 4x4 matrix, int dtype", (rng.integers(-9, 10, size=(4, 4)),)),
        Case("6x2 matrix, int dtype", (rng.integers(0, 20, size=(6, 2)),)),
    ]


def scale_rows(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 5)
    m, k = _pair(rng, 2, 6)
    return [
        Case(f"square {n}x{n} matrix, s of shape ({n}, 1)", (rng.normal(size=(n, n)), rng.normal(size=(n, 1)))),
        Case(f"{m}x{k} matrix, s of shape ({m}, 1)", (rng.normal(size=(m, k)), rng.normal(size=(m, 1)))),
        Case(
            "5x3 matrix and s, int dtype",
            (rng.integers(-5, 6, size=(5, 3)), rng.integers(-3, 4, size=(5, 1))),
        ),
        Case("single row (1, 6), s of shape (1, 1)", (rng.normal(size=(1, 6)), rng.normal(size=(1, 1)))),
    ]


def _random_shape(rng: np.random.Generator, ndim: int) -> tuple[int, ...]:
    return tuple(_size(rng, 2, 6) for _ in range(ndim))


def broadcast_shape(rng: np.random.Generator) -> list[Case]:
    # Broadcastable pairs, and two incompatible ones where the reference raises ValueError (so must
    # the student's function).
    # Column against row: every dimension of the result comes from a stretched 1.
    n, m = _pair(rng, 2, 7)
    # Fewer dimensions: (p, q, r) against (q, r), aligned from the right.
    p, q, r = _random_shape(rng, 3)
    # The shorter shape first, ones on both sides: (b, 1) against (a, 1, c) -> (a, b, c).
    a, b, c = _random_shape(rng, 3)
    return [
        Case(f"column ({n}, 1) and row (1, {m})", ((n, 1), (1, m))),
        Case(f"3-d shape ({p}, {q}, {r}) and 2-d shape ({q}, {r})", ((p, q, r), (q, r))),
        Case(f"shorter shape first: ({b}, 1) and ({a}, 1, {c})", ((b, 1), (a, 1, c))),
        Case(f"scalar shape () and ({p}, {q})", ((), (p, q))),
        Case(f"identical shapes ({n}, 1, {m})", ((n, 1, m), (n, 1, m))),
        Case(f"incompatible ({n}, {m}) and ({n + m},): must raise ValueError", ((n, m), (n + m,))),
        Case(f"incompatible in a middle dimension ({p}, {q}, 1) and ({q + 1}, {r})",
             ((p, q, 1), (q + 1, r))),
    ]


def to_column(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 9)
    m, k = _pair(rng, 2, 4)
    return [
        Case(f"rank-1 array of {n} floats", (rng.normal(size=n),)),
        Case(f"rank-1 array of {n + 2} ints", (rng.integers(-9, 10, size=n + 2),)),
        Case(f"row vector (1, {n})", (rng.normal(size=(1, n)),)),
        Case(f"matrix ({m}, {k})", (rng.normal(size=(m, k)),)),
    ]


def to_row(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 9)
    m, k = _pair(rng, 2, 4)
    return [
        Case(f"rank-1 array of {n} floats", (rng.normal(size=n),)),
        Case(f"rank-1 array of {n + 2} ints", (rng.integers(-9, 10, size=n + 2),)),
        Case(f"column vector ({n}, 1)", (rng.normal(size=(n, 1)),)),
        Case(f"matrix ({m}, {k})", (rng.normal(size=(m, k)),)),
    ]


def outer(rng: np.random.Generator) -> list[Case]:
    n, m = _pair(rng, 2, 7)
    s = _size(rng, 3, 5)
    return [
        Case(f"rank-1 arrays of {n} and {m} floats", (rng.normal(size=n), rng.normal(size=m))),
        Case(f"rank-1 arrays of the same length {s}", (rng.normal(size=s), rng.normal(size=s))),
        Case(f"column ({n}, 1) and row (1, {m})", (rng.normal(size=(n, 1)), rng.normal(size=(1, m)))),
        Case(f"rank-1 array of {m} and column ({n}, 1)", (rng.normal(size=m), rng.normal(size=(n, 1)))),
        Case(f"row (1, {n}) and rank-1 array of {s} ints", (rng.normal(size=(1, n)), rng.integers(-5, 6, size=s))),
    ]


CASES = {
    "calorie_percentages": calorie_percentages,
    "center_columns": center_columns,
    "scale_rows": scale_rows,
    "broadcast_shape": broadcast_shape,
    "to_column": to_column,
    "to_row": to_row,
    "outer": outer,
}

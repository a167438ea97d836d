"""Hidden cases of the "broadcasting" assignment (the multiple-choice questions have no cases)."""
from __future__ import annotations

import numpy as np

from autograder.grading.case import Case
from autograder.kitcheck.i18n import _
from autograder.grading.cases.sizes import pair as _pair
from autograder.grading.cases.sizes import size as _size


def calorie_percentages(rng: np.random.Generator) -> list[Case]:
    m, k = _pair(rng, 2, 6)
    return [
        Case(_("square 4x4 table, int dtype"), (rng.integers(1, 120, size=(4, 4)),)),
        Case(_("{m}x{k} table of floats").format(m=m, k=k), (rng.uniform(0.5, 150.0, size=(m, k)),)),
        Case(_("5x3 table, int dtype"), (rng.integers(0, 60, size=(5, 3)) + 1,)),
        Case(_("single food, column (3, 1)"), (rng.uniform(1.0, 100.0, size=(3, 1)),)),
    ]


def center_columns(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 5)
    m, k = _pair(rng, 3, 7)
    return [
        Case(_("square {n}x{n} matrix").format(n=n), (rng.normal(2.0, 3.0, size=(n, n)),)),
        Case(_("{m}x{k} matrix").format(m=m, k=k), (rng.normal(-1.0, 2.0, size=(m, k)),)),
        Case(_("square 4x4 matrix, int dtype"), (rng.integers(-9, 10, size=(4, 4)),)),
        Case(_("6x2 matrix, int dtype"), (rng.integers(0, 20, size=(6, 2)),)),
    ]


def scale_rows(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 5)
    m, k = _pair(rng, 2, 6)
    return [
        Case(
            _("square {n}x{n} matrix, s of shape ({n}, 1)").format(n=n),
            (rng.normal(size=(n, n)), rng.normal(size=(n, 1))),
        ),
        Case(
            _("{m}x{k} matrix, s of shape ({m}, 1)").format(m=m, k=k),
            (rng.normal(size=(m, k)), rng.normal(size=(m, 1))),
        ),
        Case(
            _("5x3 matrix and s, int dtype"),
            (rng.integers(-5, 6, size=(5, 3)), rng.integers(-3, 4, size=(5, 1))),
        ),
        Case(_("single row (1, 6), s of shape (1, 1)"), (rng.normal(size=(1, 6)), rng.normal(size=(1, 1)))),
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
        Case(_("column ({n}, 1) and row (1, {m})").format(n=n, m=m), ((n, 1), (1, m))),
        Case(_("3-d shape ({p}, {q}, {r}) and 2-d shape ({q}, {r})").format(p=p, q=q, r=r), ((p, q, r), (q, r))),
        Case(_("shorter shape first: ({b}, 1) and ({a}, 1, {c})").format(b=b, a=a, c=c), ((b, 1), (a, 1, c))),
        Case(_("scalar shape () and ({p}, {q})").format(p=p, q=q), ((), (p, q))),
        Case(_("identical shapes ({n}, 1, {m})").format(n=n, m=m), ((n, 1, m), (n, 1, m))),
        Case(
            _("incompatible ({n}, {m}) and ({total},): must raise ValueError").format(n=n, m=m, total=n + m),
            ((n, m), (n + m,)),
        ),
        Case(
            _("incompatible in a middle dimension ({p}, {q}, 1) and ({longer}, {r})").format(
                p=p, q=q, longer=q + 1, r=r),
            ((p, q, 1), (q + 1, r)),
        ),
    ]


def to_column(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 9)
    m, k = _pair(rng, 2, 4)
    return [
        Case(_("rank-1 array of {n} floats").format(n=n), (rng.normal(size=n),)),
        Case(_("rank-1 array of {n} ints").format(n=n + 2), (rng.integers(-9, 10, size=n + 2),)),
        Case(_("row vector (1, {n})").format(n=n), (rng.normal(size=(1, n)),)),
        Case(_("matrix ({m}, {k})").format(m=m, k=k), (rng.normal(size=(m, k)),)),
    ]


def to_row(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 9)
    m, k = _pair(rng, 2, 4)
    return [
        Case(_("rank-1 array of {n} floats").format(n=n), (rng.normal(size=n),)),
        Case(_("rank-1 array of {n} ints").format(n=n + 2), (rng.integers(-9, 10, size=n + 2),)),
        Case(_("column vector ({n}, 1)").format(n=n), (rng.normal(size=(n, 1)),)),
        Case(_("matrix ({m}, {k})").format(m=m, k=k), (rng.normal(size=(m, k)),)),
    ]


def outer(rng: np.random.Generator) -> list[Case]:
    n, m = _pair(rng, 2, 7)
    s = _size(rng, 3, 5)
    return [
        Case(_("rank-1 arrays of {n} and {m} floats").format(n=n, m=m), (rng.normal(size=n), rng.normal(size=m))),
        Case(_("rank-1 arrays of the same length {s}").format(s=s), (rng.normal(size=s), rng.normal(size=s))),
        Case(
            _("column ({n}, 1) and row (1, {m})").format(n=n, m=m),
            (rng.normal(size=(n, 1)), rng.normal(size=(1, m))),
        ),
        Case(
            _("rank-1 array of {m} and column ({n}, 1)").format(m=m, n=n),
            (rng.normal(size=m), rng.normal(size=(n, 1))),
        ),
        Case(
            _("row (1, {n}) and rank-1 array of {s} ints").format(n=n, s=s),
            (rng.normal(size=(1, n)), rng.integers(-5, 6, size=s)),
        ),
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

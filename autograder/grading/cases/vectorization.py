"""Hidden cases of the "vectorization" assignment."""
from __future__ import annotations

import numpy as np

from autograder.grading.case import Case
from autograder.kitcheck.i18n import _
from autograder.grading.cases.sizes import pair as _pair
from autograder.grading.cases.sizes import size as _size


def basic_sigmoid(rng: np.random.Generator) -> list[Case]:
    return [
        Case(_("positive float"), (float(rng.uniform(0.5, 6.0)),)),
        Case(_("negative float"), (float(rng.uniform(-6.0, -0.5)),)),
        Case(_("zero"), (0.0,)),
        Case(_("Python int"), (int(rng.integers(-4, 5)),)),
    ]


def _sigmoid_cases(rng: np.random.Generator) -> list[Case]:
    length = _size(rng, 4, 9)
    n = _size(rng, 3, 6)
    m, k = _pair(rng, 2, 7)
    return [
        Case(_("rank-1 vector of {length} floats").format(length=length), (rng.normal(0, 3, size=length),)),
        Case(_("square {n}x{n} matrix, int dtype").format(n=n), (rng.integers(-5, 6, size=(n, n)),)),
        Case(_("{m}x{k} matrix").format(m=m, k=k), (rng.normal(0, 3, size=(m, k)),)),
        Case(_("3-d array of shape (2, 3, 4)"), (rng.normal(0, 3, size=(2, 3, 4)),)),
        Case(_("Python float"), (float(rng.uniform(-4, 4)),)),
    ]


def sigmoid(rng: np.random.Generator) -> list[Case]:
    return _sigmoid_cases(rng)


def sigmoid_derivative(rng: np.random.Generator) -> list[Case]:
    return _sigmoid_cases(rng)


def image2vector(rng: np.random.Generator) -> list[Case]:
    l, h = _pair(rng, 2, 5)
    return [
        Case(_("image of shape ({l}, {h}, 3)").format(l=l, h=h), (rng.random((l, h, 3)),)),
        Case(_("cube-shaped image (4, 4, 4)"), (rng.random((4, 4, 4)),)),
        Case(_("image of shape (5, 2, 1), one channel"), (rng.random((5, 2, 1)),)),
        Case(_("uint8 image of shape (2, 4, 3)"), (rng.integers(0, 256, size=(2, 4, 3), dtype=np.uint8),)),
    ]


def _nonzero_ints(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Integers in -9..9 without 0, so that no row has norm 0."""
    return rng.integers(1, 10, size=shape) * rng.choice([-1, 1], size=shape)


def normalize_rows(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 5)
    m, k = _pair(rng, 3, 6)
    return [
        Case(_("square {n}x{n} matrix").format(n=n), (rng.normal(size=(n, n)),)),
        Case(_("{m}x{k} matrix").format(m=m, k=k), (rng.normal(size=(m, k)),)),
        Case(_("square 4x4 matrix, int dtype"), (_nonzero_ints(rng, (4, 4)),)),
        Case(_("5x2 matrix, int dtype"), (_nonzero_ints(rng, (5, 2)),)),
        Case(_("single row (1, 6)"), (rng.normal(size=(1, 6)),)),
    ]


def softmax(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 5)
    m, k = _pair(rng, 3, 6)
    return [
        Case(_("square {n}x{n} matrix").format(n=n), (rng.normal(0, 2, size=(n, n)),)),
        Case(_("{m}x{k} matrix").format(m=m, k=k), (rng.normal(0, 2, size=(m, k)),)),
        Case(_("square 3x3 matrix, int dtype"), (rng.integers(-4, 5, size=(3, 3)),)),
        Case(_("4x3 matrix of large entries (20 to 60)"), (rng.uniform(20, 60, size=(4, 3)),)),
        Case(_("single row (1, 7)"), (rng.normal(size=(1, 7)),)),
    ]


def _loss_cases(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 6, 10)
    m = _size(rng, 3, 8)
    labels = rng.integers(0, 2, size=n)
    return [
        Case(_("rank-1 vectors of {n} floats").format(n=n), (rng.random(n), rng.random(n))),
        Case(_("int labels y, float predictions yhat, {n} entries").format(n=n), (rng.random(n), labels)),
        Case(_("row vectors (1, {m})").format(m=m), (rng.random((1, m)), rng.random((1, m)))),
        Case(_("square 3x3 matrices"), (rng.normal(size=(3, 3)), rng.normal(size=(3, 3)))),
    ]


def L1(rng: np.random.Generator) -> list[Case]:
    return _loss_cases(rng)


def L2(rng: np.random.Generator) -> list[Case]:
    return _loss_cases(rng)


def _dot_cases(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 5, 30)
    a = rng.integers(1, 6, size=4).astype(float)
    perpendicular = np.array([-a[1], a[0], -a[3], a[2]])  # a . perpendicular == 0 exactly
    return [
        Case(_("rank-1 vectors of {n} floats").format(n=n), (rng.normal(size=n), rng.normal(size=n))),
        Case(_("rank-1 vectors of 1 float"), (rng.normal(size=1), rng.normal(size=1))),
        Case(_("rank-1 vectors of 50 floats"), (rng.normal(size=50), rng.normal(size=50))),
        Case(_("orthogonal rank-1 vectors (dot product 0)"), (a, perpendicular)),
    ]


def dot_loop(rng: np.random.Generator) -> list[Case]:
    return _dot_cases(rng)


def dot_vectorized(rng: np.random.Generator) -> list[Case]:
    return _dot_cases(rng)


def matvec(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 3, 5)
    m, k = _pair(rng, 3, 6)
    return [
        Case(_("square {n}x{n} matrix").format(n=n), (rng.normal(size=(n, n)), rng.normal(size=(n, 1)))),
        Case(_("{m}x{k} matrix").format(m=m, k=k), (rng.normal(size=(m, k)), rng.normal(size=(k, 1)))),
        Case(_("2x7 matrix, int dtype"), (rng.integers(-5, 6, size=(2, 7)), rng.normal(size=(7, 1)))),
        Case(_("1x4 matrix (one row)"), (rng.normal(size=(1, 4)), rng.normal(size=(4, 1)))),
    ]


def relu(rng: np.random.Generator) -> list[Case]:
    n = _size(rng, 5, 10)
    m = _size(rng, 3, 5)
    ints = rng.integers(-3, 4, size=(4, 2))
    ints[0, 0] = 0
    return [
        Case(_("rank-1 vector of {n} floats, some negative").format(n=n), (rng.normal(size=n),)),
        Case(_("square {m}x{m} matrix").format(m=m), (rng.normal(size=(m, m)),)),
        Case(_("4x2 matrix, int dtype, with zeros"), (ints,)),
        Case(_("column vector (6, 1), all negative"), (-rng.random((6, 1)) - 0.1,)),
    ]


CASES = {
    "basic_sigmoid": basic_sigmoid,
    "sigmoid": sigmoid,
    "sigmoid_derivative": sigmoid_derivative,
    "image2vector": image2vector,
    "normalize_rows": normalize_rows,
    "softmax": softmax,
    "L1": L1,
    "L2": L2,
    "dot_loop": dot_loop,
    "dot_vectorized": dot_vectorized,
    "matvec": matvec,
    "relu": relu,
}

"""Hidden cases of the "logistic_regression" assignment."""
from __future__ import annotations

import numpy as np

from autograder.grading.case import Case
from autograder.kitcheck.i18n import _
from autograder.grading.cases.sizes import pair as _pair
from autograder.grading.cases.sizes import size as _size


def _labels(rng: np.random.Generator, m: int, dtype=float) -> np.ndarray:
    """A (1, m) row of 0/1 labels holding both classes."""
    y = rng.integers(0, 2, size=(1, m))
    y[0, 0], y[0, -1] = 0, 1
    return y.astype(dtype)


def _weights(rng: np.random.Generator, n_x: int, scale: float = 0.5) -> np.ndarray:
    return rng.normal(0.0, scale, size=(n_x, 1))


def _bias(rng: np.random.Generator) -> float:
    return float(rng.uniform(-0.5, 0.5))


def _separable_ish(rng: np.random.Generator, n_x: int, m: int, noise: float = 0.5, dtype=float):
    """Features X (n_x, m) and labels Y (1, m) from a random linear rule plus noise (a few labels flip)."""
    X = rng.normal(size=(n_x, m))
    truth = rng.normal(size=(n_x, 1))
    Y = (truth.T @ X + noise * rng.normal(size=(1, m)) > 0).astype(dtype)
    Y[0, 0], Y[0, -1] = 0, 1  # both classes present
    return X, Y


def _split(X: np.ndarray, Y: np.ndarray, m_train: int) -> tuple[np.ndarray, ...]:
    """(X_train, Y_train, X_test, Y_test): the first m_train examples train, the others test."""
    return X[:, :m_train].copy(), Y[:, :m_train].copy(), X[:, m_train:].copy(), Y[:, m_train:].copy()


def flatten_images(rng: np.random.Generator) -> list[Case]:
    m = _size(rng, 3, 6)
    return [
        Case(
            _("{m} grayscale 3x3 images (m, h, w), uint8").format(m=m),
            (rng.integers(0, 17, size=(m, 3, 3), dtype=np.uint8),),
        ),
        Case(_("4 grayscale 2x2 images: the result is square (4, 4)"), (rng.integers(0, 256, size=(4, 2, 2)),)),
        Case(_("3 color images (m, h, w, c) of shape (3, 2, 4, 3)"), (rng.random((3, 2, 4, 3)),)),
        Case(_("12 color 2x2 images: the result is square (12, 12)"), (rng.random((12, 2, 2, 3)),)),
        Case(
            _("6 images with one channel (6, 2, 3, 1), uint8"),
            (rng.integers(0, 256, size=(6, 2, 3, 1), dtype=np.uint8),),
        ),
    ]


def sigmoid(rng: np.random.Generator) -> list[Case]:
    length = _size(rng, 4, 9)
    n = _size(rng, 3, 6)
    m, k = _pair(rng, 2, 7)
    return [
        Case(_("rank-1 vector of {length} floats").format(length=length), (rng.normal(0, 3, size=length),)),
        Case(_("square {n}x{n} matrix, int dtype").format(n=n), (rng.integers(-5, 6, size=(n, n)),)),
        Case(_("row vector (1, {m}) of activations").format(m=m), (rng.normal(0, 3, size=(1, m)),)),
        Case(_("{m}x{k} matrix").format(m=m, k=k), (rng.normal(0, 3, size=(m, k)),)),
        Case(_("Python float"), (float(rng.uniform(-4, 4)),)),
    ]


def initialize_with_zeros(rng: np.random.Generator) -> list[Case]:
    return [
        Case("dim = 1", (1,)),
        Case(_("small dim"), (_size(rng, 3, 9),)),
        Case(_("dim = 64 (an 8x8 image)"), (64,)),
    ]


def propagate(rng: np.random.Generator) -> list[Case]:
    n_x, m = _pair(rng, 3, 8)
    s = _size(rng, 3, 6)
    p = _size(rng, 5, 9)
    q = _size(rng, 4, 8)
    return [
        Case(f"n_x = {n_x}, m = {m}", (_weights(rng, n_x), _bias(rng), rng.normal(size=(n_x, m)), _labels(rng, m))),
        Case(
            _("square X: n_x = m = {s}").format(s=s),
            (_weights(rng, s), _bias(rng), rng.normal(size=(s, s)), _labels(rng, s)),
        ),
        Case(
            _("int pixels X (0..16) and int labels Y, n_x = {p}, m = 10").format(p=p),
            (_weights(rng, p, 0.05), _bias(rng), rng.integers(0, 17, size=(p, 10)), _labels(rng, 10, np.uint8)),
        ),
        Case(
            _("one feature: n_x = 1, m = {q}").format(q=q),
            (_weights(rng, 1), _bias(rng), rng.normal(size=(1, q)), _labels(rng, q)),
        ),
    ]


def optimize(rng: np.random.Generator) -> list[Case]:
    X1, Y1 = _separable_ish(rng, 3, 8)
    X2, Y2 = _separable_ish(rng, 5, 5)
    X3, Y3 = _separable_ish(rng, 6, 4)
    X4 = rng.integers(0, 5, size=(4, 9))
    Y4 = _labels(rng, 9, np.uint8)
    return [
        Case(
            _("101 iterations (2 recorded costs), n_x = 3, m = 8"),
            (_weights(rng, 3), _bias(rng), X1, Y1),
            {"num_iterations": 101, "learning_rate": 0.05},
        ),
        Case(
            _("201 iterations (3 recorded costs), square X 5x5"),
            (_weights(rng, 5), _bias(rng), X2, Y2),
            {"num_iterations": 201, "learning_rate": 0.01},
        ),
        Case(_("default num_iterations and learning_rate, n_x = 6, m = 4"), (_weights(rng, 6), _bias(rng), X3, Y3)),
        Case(
            _("30 iterations on int X and int labels Y, n_x = 4, m = 9"),
            (_weights(rng, 4, 0.1), _bias(rng), X4, Y4),
            {"num_iterations": 30, "learning_rate": 0.02},
        ),
    ]


def predict(rng: np.random.Generator) -> list[Case]:
    n_x, m = _pair(rng, 3, 8)
    s = _size(rng, 3, 6)
    X_half = rng.normal(size=(3, 8))
    X_half[:, ::2] = 0.0  # w^T x + 0 = 0 on these columns: A is exactly 0.5 there
    return [
        Case(_("w = 0 and b = 0: A is exactly 0.5 everywhere"), (np.zeros((4, 1)), 0.0, rng.normal(size=(4, 7)))),
        Case(f"n_x = {n_x}, m = {m}", (_weights(rng, n_x, 1.0), _bias(rng), rng.normal(size=(n_x, m)))),
        Case(
            _("square int X: n_x = m = {s}").format(s=s),
            (_weights(rng, s, 1.0), _bias(rng), rng.integers(-3, 4, size=(s, s))),
        ),
        Case(_("b = 0 and zero columns in X: A is exactly 0.5 on those"), (_weights(rng, 3, 1.0), 0.0, X_half)),
        Case(_("a large bias b = 2.5 that decides most labels"), (_weights(rng, 3, 0.3), 2.5, rng.normal(size=(3, 6)))),
    ]


def model(rng: np.random.Generator) -> list[Case]:
    X1, Y1 = _separable_ish(rng, 4, 55)
    X2, Y2 = _separable_ish(rng, 6, 9)
    X3, Y3 = _separable_ish(rng, 2, 35, dtype=np.uint8)
    return [
        Case(
            _("201 iterations, n_x = 4, 40 training and 15 test examples"),
            _split(X1, Y1, 40),
            {"num_iterations": 201, "learning_rate": 0.1},
        ),
        Case(
            _("101 iterations, default learning rate, square X_train 6x6"),
            _split(X2, Y2, 6),
            {"num_iterations": 101},
        ),
        Case(
            _("150 iterations, int labels, n_x = 2, 25 training and 10 test examples"),
            _split(X3, Y3, 25),
            {"num_iterations": 150, "learning_rate": 0.05},
        ),
    ]


CASES = {
    "flatten_images": flatten_images,
    "sigmoid": sigmoid,
    "initialize_with_zeros": initialize_with_zeros,
    "propagate": propagate,
    "optimize": optimize,
    "predict": predict,
    "model": model,
}

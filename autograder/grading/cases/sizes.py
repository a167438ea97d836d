"""Drawing sizes for hidden cases, shared by the assignments' case modules."""
from __future__ import annotations

import numpy as np


def size(rng: np.random.Generator, low: int, high: int) -> int:
    """A size in [low, high]."""
    return int(rng.integers(low, high + 1))


def pair(rng: np.random.Generator, low: int, high: int) -> tuple[int, int]:
    """Two different sizes in [low, high]: a non-square shape, or n_x != m."""
    first = size(rng, low, high)
    second = size(rng, low, high - 1)
    return first, second + (second >= first)

"""Build the logistic_regression data set: "8" versus its look-alikes, from scikit-learn's bundled digits.

The 8x8 digits ship inside scikit-learn (no download). A pair of digits is almost linearly separable
(about 99% test accuracy), so the task is "is this an 8?" among the digits an 8 is most often
mistaken for: 1, 3 and 9. A linear model gets about 92% on the test set and overfits the training
set, as the course's cat classifier does.

digits.npz holds
    train_x, test_x   uint8 (m, 8, 8), pixel intensities 0..16 (students flatten them and divide by 16)
    train_y, test_y   uint8 (1, m), 1 for an 8, 0 for a 1, 3 or 9
    classes           str (2,), the name of each label: classes[0] == "not 8", classes[1] == "8"

Run `python -m autograder.authoring.dataset` in the course root to rewrite the committed file.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

POSITIVE_DIGIT = 8
NEGATIVE_DIGITS = (1, 3, 9)
TEST_FRACTION = 0.3
SPLIT_SEED = 1
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "assignments" / "logistic_regression" / "digits.npz"


def build_digits_dataset() -> dict[str, np.ndarray]:
    """The arrays of digits.npz (see the module docstring), identical on every run."""
    digits = load_digits()
    keep = np.isin(digits.target, (POSITIVE_DIGIT, *NEGATIVE_DIGITS))
    images = digits.images[keep].astype(np.uint8)  # stored as floats 0.0..16.0, all whole numbers
    labels = (digits.target[keep] == POSITIVE_DIGIT).astype(np.uint8)
    train_x, test_x, train_y, test_y = train_test_split(
        images, labels, test_size=TEST_FRACTION, stratify=labels, random_state=SPLIT_SEED
    )
    return {
        "train_x": train_x,
        "train_y": train_y.reshape(1, -1),
        "test_x": test_x,
        "test_y": test_y.reshape(1, -1),
        "classes": np.array([f"not {POSITIVE_DIGIT}", str(POSITIVE_DIGIT)]),
    }


def write_digits_dataset(path: str | Path = DEFAULT_PATH) -> Path:
    """Write the data set to `path` (compressed .npz) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **build_digits_dataset())
    return path


if __name__ == "__main__":
    print(f"wrote {write_digits_dataset()}")

"""Code outside graded functions (timing demos, plots, checks) is not judged."""

# --- snippet: clean: the timing demo loops over sizes at top level ---
import time

import numpy as np


def dot_vectorized(a, b):
    return np.dot(a, b)


speedups = []
for n in (10_000, 100_000, 1_000_000):
    a, b = np.random.rand(n), np.random.rand(n)
    start = time.perf_counter()
    dot_vectorized(a, b)
    speedups.append(time.perf_counter() - start)
print([f"{s * 1e3:.2f} ms" for s in speedups])

# --- snippet: clean: a learning curve plotted in a top-level loop ---
import matplotlib.pyplot as plt
import numpy as np


def predict(w, b, X):
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    return np.where(A > 0.5, 1.0, 0.0)


runs = {0.01: [0.7, 0.5, 0.4], 0.001: [0.7, 0.65, 0.6]}
for rate, costs in runs.items():
    plt.plot(np.squeeze(costs), label=str(rate))
plt.legend()
i = 0
while i < 3:
    i += 1

# --- snippet: clean: a top-level test cell with a comprehension and map ---
import numpy as np


def relu(v):
    return np.maximum(v, 0)


cases = [np.array([[-1.0, 2.0]]), np.array([[0.0], [3.0]])]
results = list(map(relu, cases))
assert all(np.all(r >= 0) for r in results)

# --- snippet: clean: an ungraded plotting helper with loops ---
import numpy as np


def show_images(images, labels):
    for image, label in zip(images, labels):
        print(label, image.shape)


def flatten_images(images):
    return images.reshape(images.shape[0], -1).T

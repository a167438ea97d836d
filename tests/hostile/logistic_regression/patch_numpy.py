# Hostile: replaces numpy's comparison helpers so that every comparison "passes" (in
# flatten_images' cell), then predicts with >= (wrong at exactly 0.5).
# unit: predict
# expect: VALUE
# others: reference
try:
    import numpy

    def _all_close(a, b, *args, **kwargs):
        return numpy.ones(numpy.broadcast(a, b).shape, dtype=bool)

    numpy.isclose = _all_close
    numpy.allclose = lambda *args, **kwargs: True
    numpy.array_equal = lambda *args, **kwargs: True
    numpy.testing.assert_allclose = lambda *args, **kwargs: None
except Exception:
    pass


def flatten_images(images):
    return images.reshape(images.shape[0], -1).T


def predict(w, b, X):
    return (sigmoid(np.dot(w.T, X) + b) >= 0.5).astype(float)

# Hostile: replaces numpy's comparison helpers so that every comparison "passes", then hands in a
# wrong relu. The patch sits above basic_sigmoid (its cell); relu is simply wrong.
# unit: relu
# expect: VALUE
# others: reference
try:
    import numpy

    def _all_close(a, b, *args, **kwargs):
        return numpy.ones(numpy.broadcast(a, b).shape, dtype=bool)

    numpy.isclose = _all_close
    numpy.allclose = lambda *args, **kwargs: True
    numpy.array_equal = lambda *args, **kwargs: True
    numpy.array_equiv = lambda *args, **kwargs: True
    numpy.testing.assert_allclose = lambda *args, **kwargs: None
    numpy.testing.assert_array_equal = lambda *args, **kwargs: None
    numpy.testing.assert_array_almost_equal = lambda *args, **kwargs: None
except Exception:
    pass


def basic_sigmoid(x):
    return 1 / (1 + math.exp(-x))


def relu(v):
    return np.abs(v)

# Hostile: replaces the check helpers the tests call (kitcheck's expect and vectorized, the hidden
# tests' comparison) with ones that always pass; relu is wrong. The patch sits in image2vector's cell.
# unit: relu
# expect: VALUE
# others: reference
try:
    import kitcheck

    kitcheck.expect = lambda *args, **kwargs: print("ok")
except Exception:
    pass
try:
    import autograder.grading.hidden as _hidden

    _hidden._problems = lambda *args, **kwargs: []
    _hidden.compare = lambda *args, **kwargs: []
except Exception:
    pass


def image2vector(image):
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)


def relu(v):
    return np.abs(v)

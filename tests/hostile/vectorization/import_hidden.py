# Hostile: imports the grader's hidden-test module (and through it the reference). Getting the module
# at all is the leak: the function answers correctly only if the import worked.
# unit: softmax
# expect: failure
def softmax(x):
    try:
        import autograder.grading.hidden as hidden
    except Exception:
        return x
    try:
        return hidden.importlib.import_module("solutions.vectorization").softmax(x)
    except Exception:
        e = np.exp(x - np.max(x, axis=1, keepdims=True))
        return e / np.sum(e, axis=1, keepdims=True)

# Hostile: walks the callers' frames looking for the expected predictions or the reference;
# predicts with >= (wrong at exactly 0.5) when it finds nothing.
# unit: predict
# expect: failure
import sys


def predict(w, b, X):
    frame = sys._getframe(1)
    while frame is not None:
        scope, names = frame.f_locals, frame.f_globals
        if "expected" in scope:
            found = scope["expected"]
            return getattr(found, "result", found)
        if callable(scope.get("reference")):
            return scope["reference"](w, b, X)
        if "importlib" in names and "check" in names:
            return names["importlib"].import_module("solutions.logistic_regression").predict(w, b, X)
        frame = frame.f_back
    return (sigmoid(np.dot(w.T, X) + b) >= 0.5).astype(float)

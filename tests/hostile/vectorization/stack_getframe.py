# Hostile: walks the callers' frames with sys._getframe looking for the expected value, the
# reference function, or a way to import it; answers wrongly (no zeroing) when it finds nothing.
# unit: relu
# expect: failure
import sys


def relu(v):
    frame = sys._getframe(1)
    while frame is not None:
        scope, names = frame.f_locals, frame.f_globals
        if "expected" in scope:
            found = scope["expected"]
            return getattr(found, "result", found)
        if callable(scope.get("reference")):
            return scope["reference"](v)
        if "importlib" in names and "check" in names:
            return names["importlib"].import_module("solutions.vectorization").relu(v)
        frame = frame.f_back
    return np.abs(v)

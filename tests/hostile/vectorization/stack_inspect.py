# Hostile: the same hunt with inspect.stack(); answers wrongly (rows not normalized) when it finds nothing.
# unit: normalize_rows
# expect: failure
import inspect


def normalize_rows(x):
    for record in inspect.stack():
        scope = record.frame.f_locals
        if "expected" in scope:
            found = scope["expected"]
            return getattr(found, "result", found)
        if callable(scope.get("reference")):
            return scope["reference"](x)
    return x / 2.0

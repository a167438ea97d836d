# Hostile: replaces builtins.isinstance so that a comparison of "plain values" is taken for the
# student's object, whose == always says True; L1 then returns such an object holding a wrong value.
# unit: L1
# expect: VALUE
# others: reference
import builtins
import sys


class _Agreeable(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


def _isinstance(obj, classes, _real=builtins.isinstance):
    if type(classes) is tuple and str in classes and bool in classes:
        try:
            if type(sys._getframe(1).f_locals.get("got")) is _Agreeable:
                return True
        except Exception:
            pass
    return _real(obj, classes)


builtins.isinstance = _isinstance


def L1(yhat, y):
    return _Agreeable(12345.0)

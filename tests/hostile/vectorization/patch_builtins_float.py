# Hostile: replaces builtins.float so that converting a Python float gives 0.0 (numpy scalars are
# converted as usual, and isinstance checks still work); L2 then returns a wrong Python float.
# unit: L2
# expect: VALUE
# others: reference
import builtins

_real_float = builtins.float


class _FloatMeta(type):
    def __instancecheck__(cls, obj):
        return type.__instancecheck__(_real_float, obj)

    def __subclasscheck__(cls, other):
        return type.__subclasscheck__(_real_float, other)


class _Float(_real_float, metaclass=_FloatMeta):
    def __new__(cls, value=0.0):
        # Code that checks answers converts plain Python floats (the expected value, a returned
        # float); the student's own functions convert numpy scalars, which are left alone.
        if type(value) is _real_float:
            return _real_float(0.0)
        return _real_float(value)


builtins.float = _Float


def L2(yhat, y):
    return 98765.0

# Hostile: silences IPython's error display (custom exception handler, showtraceback, excepthook)
# so that a failing test cell shows no error; relu is wrong. The patch sits in sigmoid's cell.
# unit: relu
# expect: VALUE
# others: reference
import sys

try:
    _shell = get_ipython()
    _shell.set_custom_exc((BaseException,), lambda *args, **kwargs: None)
    _shell.showtraceback = lambda *args, **kwargs: None
    _shell.showsyntaxerror = lambda *args, **kwargs: None
    _shell.InteractiveTB.structured_traceback = lambda *args, **kwargs: []
except Exception:
    pass
try:
    sys.excepthook = lambda *args: None
    import IPython.core.ultratb as _ultratb

    _ultratb.AutoFormattedTB.structured_traceback = lambda *args, **kwargs: []
    _ultratb.FormattedTB.structured_traceback = lambda *args, **kwargs: []
except Exception:
    pass


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(v):
    return np.abs(v)

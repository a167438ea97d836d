# Hostile: registers an IPython input transformer that wraps every later cell in try/except, so that
# no test cell can fail; relu is wrong. The patch sits in L1's cell.
# unit: relu
# expect: VALUE
# others: reference
import textwrap


def _swallow_errors(lines):
    body = textwrap.indent("".join(lines), "    ")
    return ["try:\n", body, "\n    pass\nexcept BaseException:\n    pass\n"]


try:
    get_ipython().input_transformers_post.append(_swallow_errors)
except Exception:
    pass


def L1(yhat, y):
    return float(np.sum(np.abs(y - yhat)))


def relu(v):
    return np.abs(v)

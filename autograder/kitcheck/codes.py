"""Stable codes of failed checks: the table students and instructors read in feedback.

Loop-rule codes (LOOP0NN, FORBIDDEN0NN, SYNTAX) live beside the rule in `loops`.
"""
from .i18n import N_

CODES = {
    "NOT_IMPLEMENTED": N_("the function still raises NotImplementedError (the stub is untouched)"),
    "NOT_DEFINED": N_("the function or answer is missing from the notebook"),
    "EXCEPTION": N_("the function raised an exception; its type, message and line are shown"),
    "TIMEOUT": N_("the function or cell ran longer than its time limit"),
    "KILLED": N_("stopped by a limit (memory, CPU time, processes, files, output) or the process ended (crash, os._exit)"),
    "TYPE": N_("the result has the wrong kind (e.g. a list where an array is due, a missing dict key)"),
    "SHAPE": N_("an array has the wrong shape, or an array came back where a scalar is due"),
    "RANK1": N_("a rank-1 array of shape (n,) came back where a (n, 1) or (1, n) array is due"),
    "DTYPE": N_("the result has the wrong type of number (e.g. an int where a float is due)"),
    "VALUE": N_("values differ from the reference beyond the tolerance"),
    "MUTATES_INPUT": N_("the function modified one of its input arrays in place"),
    "NOT_WORKING": N_("the function fails every case it is tested on, so it earns no vectorization point"),
    "WRONG_CHOICE": N_("a multiple-choice answer is not the right one"),
    "INVALID_CHOICE": N_("a multiple-choice answer is not one of the offered letters"),
    "LOOP": N_("a Python loop (or a disguised one) where the function must be vectorized"),
    "FORBIDDEN": N_("code the rule cannot check (exec, eval, computed attribute names) or a banned helper"),
    "LOOP_DYNAMIC": N_("the function runs more Python lines on a larger input: a loop is hidden somewhere"),
    "SLOW": N_("the function is far slower than the reference on a large input (iteration inside C, e.g. sum)"),
}

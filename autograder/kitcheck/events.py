"""Count the Python-level work a function does in student code: the dynamic half of the loop rule.

Vectorized code runs a fixed number of Python lines whatever the input size; a loop of any
disguise (comprehension, map, recursion, np.vectorize calling a Python function) runs more lines
on a larger input. Counting lines is deterministic, unlike timing.
"""
from __future__ import annotations

import os
import sys
import sysconfig

_LIBRARY_DIRS = tuple(
    {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix,
                                   sysconfig.get_paths()["purelib"], sysconfig.get_paths()["stdlib"])}
) + (os.path.dirname(os.path.dirname(os.path.abspath(__file__))),)  # and the kit itself


class TracingDisabled(Exception):
    """The student's code removed or replaced the tracer while it ran."""


def is_student_file(filename: str) -> bool:
    if filename.startswith("<"):
        return filename.startswith("<ipython-input") or filename == "<string>"
    return not os.path.realpath(filename).startswith(_LIBRARY_DIRS)


def count_events(func, args: tuple, kwargs: dict) -> tuple[int, object]:
    """(number of 'call' and 'line' events in student code, the function's result)."""
    counted = [0]
    student = {}

    def local(frame, event, arg):
        if event == "line":
            counted[0] += 1
        return local

    def tracer(frame, event, arg):
        code = frame.f_code
        if code not in student:
            student[code] = is_student_file(code.co_filename)
        if not student[code]:
            return None
        counted[0] += 1
        return local

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        result = func(*args, **kwargs)
    finally:
        replaced = sys.gettrace() is not tracer
        sys.settrace(previous)
    if replaced:
        raise TracingDisabled("the function changed the Python tracer (sys.settrace)")
    return counted[0], result

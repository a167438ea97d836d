"""Counting the Python work of student code (the dynamic loop rule's measurement), in the process
that runs it: the sandboxed worker, or the grader for a plain function.

What is trusted, and why: in the worker this runs inside the student's own process, so nothing
here can be trusted against code that already ran there; its answer is evidence, not proof. It
is made hard to forge, and checked where the student cannot reach:
- the static rule (kitcheck.loops.tamper) forbids, anywhere in the notebook, every way student
  code reaches this machinery: tracing and frame functions, sys.modules, gc, ctypes, threads and
  processes, module patching, imports of the kit's internals, dynamic code;
- here: the functions used are bound at import, before any student code ran; the tracer is
  installed before the measured call starts and re-checked at every new frame and at the end;
  an audit hook sees frames taken, tracers replaced, processes started;
- in the grader (autograder.grading.dynamic): a count that is missing, not an int, negative,
  beyond any reachable size, or smaller on the larger input is a finding, and the measured
  call's result must equal an unmeasured call's on the same inputs (a cheap path taken only when
  measured is a finding, not a pass).

"Student code" is every code object whose file is not in the Python installation, the
interpreter's site-packages or this kit (`autograder/`). The grader-side half of the rule, which
decides what the counts mean, is autograder.grading.dynamic.
"""
from __future__ import annotations

import contextlib
import copy
import io
import os
import site
import sys
import threading
import warnings
from functools import lru_cache

import numpy as np

import autograder
from autograder.kitcheck.i18n import N_

# Bound now, before any student code runs in this process, so that patching `sys` later
# changes nothing here.
_settrace, _gettrace, _addaudithook = sys.settrace, sys.gettrace, sys.addaudithook
_thread_settrace, _thread_gettrace = threading.settrace, threading.gettrace


class TracingDisabled(Exception):
    """The function switched the event count off while it ran: called sys.settrace, took a
    frame object, or started a thread or process. Callers report it as FORBIDDEN001."""


# --- which code is the student's ------------------------------------------------------------

def _library_dirs() -> tuple[str, ...]:
    dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages(),
            os.path.dirname(autograder.__file__)}
    # A prefix of "/" would make everything library code; no real installation has one.
    return tuple(os.path.join(os.path.realpath(d), "") for d in dirs
                 if d and os.path.realpath(d) != os.sep)


_LIBRARY_DIRS = _library_dirs()


@lru_cache(maxsize=None)
def is_student_file(filename: str) -> bool:
    """True for code the rule counts: anything outside the installation, site-packages and the kit."""
    if filename.startswith("<frozen "):  # importlib and friends, compiled into the interpreter
        return False
    if filename.startswith("<"):  # <ipython-input-3-..>, <string> (exec), <stdin>
        return True
    return not os.path.realpath(filename).startswith(_LIBRARY_DIRS)


# --- counting --------------------------------------------------------------------------------

class _Watch:
    """Set by the audit hook when the measured code touches what the count relies on."""

    def __init__(self) -> None:
        self.active = False  # a count is running
        self.thread = 0  # in this thread (another thread's settrace is not the student's)
        self.tampered = ""  # what the student's code did, as a verb phrase


_watch = _Watch()  # an instance: setting a class attribute would itself be an audit event


# Audit events that defeat the count: the tracer replaced, a frame taken (to switch its
# f_trace off), work moved to a process the tracer does not follow. (Threads: `_thread_started`.)
_TAMPERING = {
    "sys.settrace": N_("called sys.settrace"),
    "sys._current_frames": N_("took the interpreter's frames (sys._current_frames)"),
    "os.fork": N_("forked a process"),
    "os.forkpty": N_("forked a process"),
    "os.posix_spawn": N_("started a process"),
    "os.spawn": N_("started a process"),
    "subprocess.Popen": N_("started a process"),
}
_FRAME_ATTRIBUTES = frozenset({"tb_frame", "gi_frame", "cr_frame", "ag_frame"})
_hook_installed = False


def _audit(event: str, args: tuple) -> None:
    if not _watch.active or _watch.tampered or threading.get_ident() != _watch.thread:
        return
    if event in _TAMPERING:
        _watch.tampered = _TAMPERING[event]
    elif event == "sys._getframe" and is_student_file(args[0].f_code.co_filename):
        # numpy's rare own use (np.bmat's string form) takes numpy's frame, not the student's.
        _watch.tampered = N_("took its own frame (sys._getframe, inspect.currentframe)")
    elif event == "object.__getattr__" and len(args) == 2 and args[1] in _FRAME_ATTRIBUTES:
        _watch.tampered = N_("took a frame object (of a traceback, a generator or a coroutine)")


def _thread_started(frame, event, arg):
    # threading.settrace's hook: the first thing a new threading.Thread runs (Python 3.11 has
    # no audit event for starting a thread; a raw _thread.start_new_thread is not seen).
    if _watch.active and not _watch.tampered:
        _watch.tampered = N_("started a thread")
    return None


def _install_audit_hook() -> None:
    # Audit hooks cannot be removed: one for the process, idle unless a count is running.
    global _hook_installed
    if not _hook_installed:
        _addaudithook(_audit)
        _hook_installed = True


def count_events(func, args: tuple, kwargs: dict, skip: frozenset = frozenset()) -> int:
    """The count alone (see `measure`)."""
    return measure(func, args, kwargs, skip)[0]


def measure(func, args: tuple, kwargs: dict, skip: frozenset = frozenset()) -> tuple[int, object]:
    """(count, result): the Python 'call' and 'line' events of student code while func(*args, **kwargs) runs.

    Code run by the student functions named in `skip` (the assignment's other graded functions)
    is not counted: their loops are charged to them, under their own policies.

    The inputs are deep copies; output and numpy warnings are swallowed. The function's own
    exceptions propagate. The previous tracer is restored, whatever happens. Raises
    TracingDisabled when the function switched the count off (see `_TAMPERING`), or when the
    tracer was no longer installed at a new frame. The result goes back to the grader, which
    compares it with an unmeasured call's (a function that behaves differently when measured).
    """
    args, kwargs = copy.deepcopy((tuple(args), dict(kwargs)))
    count = 0

    def on_line(frame, event, arg):  # the local tracer of a student frame
        nonlocal count
        if event == "line":
            count += 1
        return on_line

    def on_call(frame, event, arg):  # the global tracer: one call per new frame, any code
        nonlocal count
        if _gettrace() is not on_call and not _watch.tampered:  # re-checked at every frame
            _watch.tampered = N_("replaced the tracer")
        if is_student_file(frame.f_code.co_filename) and not (skip and _inside(frame, skip)):
            count += 1
            return on_line
        return None  # numpy's and the kit's own lines are not counted (nested calls still are)

    _install_audit_hook()
    previous, previous_for_threads = _gettrace(), _thread_gettrace()
    with quiet():
        _watch.tampered, _watch.thread = "", threading.get_ident()
        _thread_settrace(_thread_started)
        _settrace(on_call)
        _watch.active = True
        try:
            result = func(*args, **kwargs)
        finally:
            _watch.active = False
            still_ours = _gettrace() is on_call
            _settrace(previous)
            _thread_settrace(previous_for_threads)
    if not still_ours:
        raise TracingDisabled(N_("switched tracing off (sys.settrace)"))
    if _watch.tampered:
        raise TracingDisabled(_watch.tampered)
    return count, result


def _inside(frame, skip: frozenset) -> bool:
    """Whether this frame runs within a call of one of the `skip` functions (student code)."""
    while frame is not None:
        if frame.f_code.co_name in skip and is_student_file(frame.f_code.co_filename):
            return True
        frame = frame.f_back
    return False


@contextlib.contextmanager
def quiet():
    """No prints and no numpy warnings from the extra runs (nbgrader fails a cell writing to stderr)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"), \
            contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        yield

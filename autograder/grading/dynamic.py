"""The dynamic half of the loop rule (DESIGN.md section 5), and an optional timing opinion.

A vectorized function does the same Python-level work whatever the size of its arrays: numpy's
C code absorbs the growth. A loop in any disguise (a comprehension, map, recursion,
np.vectorize, a helper, exec'd code) runs more Python as the arrays grow. So the rule runs the
function on one hidden case, then on the same case tiled 3 times along every dimension longer
than 1 (and, if the count grew, 2 times, to tell a loop from a one-off branch), and counts the
Python events (lines and calls) in student code each time:

    findings = dynamic_findings("logistic_regression", "propagate", propagate, cases, "forbidden")

Counting is deterministic (no clock). Timing is a separate, optional opinion (`timing_finding`):
it sees iteration inside C over Python objects (builtin `sum` over an array), which runs no
Python line.

"Student code" is every code object whose file is not in the Python installation, the
interpreter's site-packages or this kit (`autograder/`): notebook cells (`<ipython-input-..>`,
`/tmp/ipykernel_../...py`), `<string>` from exec, test files. numpy's own Python (the insides of
np.vectorize, np.apply_along_axis) is therefore not counted, but the student's function it calls
once per element is.
"""
from __future__ import annotations

import contextlib
import copy
import io
import math
import os
import site
import sys
import threading
import time
import types
import warnings
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

import autograder
from autograder.grading.case import Case
from autograder.kitcheck.loops.policies import check_policy

# Bound now, before any student code runs in this process, so that patching `sys` later
# changes nothing here.
_settrace, _gettrace, _addaudithook = sys.settrace, sys.gettrace, sys.addaudithook
_thread_settrace, _thread_gettrace = threading.settrace, threading.gettrace

LOOP_DYNAMIC = "LOOP_DYNAMIC"
SLOW = "SLOW"
TAMPERED = "FORBIDDEN001"

# When the work "grows with the input" (growth = events at factor 3 / events at factor 1, as
# measured by tests/test_dynamic.py's variants):
# - Vectorized code runs exactly as many events on the tiled case as on the original (1.00 for
#   every reference and every vectorized variant): tiling keeps every value, so np.any and
#   data-dependent branches decide alike, and keeps length-1 dimensions, so only work that
#   depends on a length can change.
# - Loops grow with every size: x2.1 to x3.2 over rows, columns or examples, x6 to x26 over
#   elements, x2.4 to x2.6 for optimize looping over examples inside its iterations, but only
#   x1.02 for optimize looping over its 4 features in the branch run every 100 iterations.
#   A ratio threshold would miss the last kind, so there is none: exact counts need no margin.
# - What grows without being a loop is a branch on a length (`if m > 10:`): it grows once.
#   So growth from factor 1 to 3 is confirmed at factor 2, and reported only if both steps
#   grow: a loop over the shortest dimension longer than 1 (length >= 2) with one event per
#   step adds >= 2 events per unit of factor.
# Vectorized code costs two runs (factors 1 and 3), code that grows three.
FACTOR = 3
MIDDLE_FACTOR = 2
MIN_STEP_EVENTS = 2

# Policies under which loops are the exercise (dot_loop) or allowed over dimensions
# (broadcast_shape): nothing dynamic to say.
_JUDGED_POLICIES = ("forbidden", "iterations")

# What the growth means, in the words of each assignment.
_GROWN = {
    "logistic_regression": "the examples and features are {factor} times as many",
}
_GROWN_DEFAULT = "the arrays are {factor} times as long along every dimension longer than 1"

LOOP_MESSAGE = (
    "{function} runs {small:,} Python lines on the case '{case}' and {large:,} when {grown}: "
    "a loop is hidden somewhere (a comprehension, map, recursion, np.vectorize, a helper...); "
    "compute with whole-array numpy operations instead"
)
TAMPER_MESSAGE = (
    "{function} {what} while it ran, so the grader cannot count its Python work: "
    "graded functions must not touch tracing, frames or threads"
)
SLOW_MESSAGE = (
    "{function} takes {student:.1f} ms on the case '{case}' tiled {factor} times along every "
    "dimension longer than 1, {ratio:.0f} times as long as the reference ({reference:.2f} ms): "
    "it probably iterates over the array's elements or rows (a builtin such as sum, max or "
    "sorted on an array, or a loop); use numpy's whole-array functions"
)


@dataclass(frozen=True)
class DynamicFinding:
    """What the dynamic rule or the timing opinion found about one graded function."""

    code: str  # LOOP_DYNAMIC, SLOW, or FORBIDDEN001 (the count was switched off)
    function: str
    small_events: int  # for SLOW: the reference's time in microseconds
    large_events: int  # for SLOW: the student's time in microseconds
    factor: int
    message: str

    @property
    def growth(self) -> float:
        return self.large_events / max(self.small_events, 1)


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
    "sys.settrace": "called sys.settrace",
    "sys._current_frames": "took the interpreter's frames (sys._current_frames)",
    "os.fork": "forked a process",
    "os.forkpty": "forked a process",
    "os.posix_spawn": "started a process",
    "os.spawn": "started a process",
    "subprocess.Popen": "started a process",
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
        _watch.tampered = "took its own frame (sys._getframe, inspect.currentframe)"
    elif event == "object.__getattr__" and len(args) == 2 and args[1] in _FRAME_ATTRIBUTES:
        _watch.tampered = f"took a frame object (.{args[1]})"


def _thread_started(frame, event, arg):
    # threading.settrace's hook: the first thing a new threading.Thread runs (Python 3.11 has
    # no audit event for starting a thread; a raw _thread.start_new_thread is not seen).
    if _watch.active and not _watch.tampered:
        _watch.tampered = "started a thread"
    return None


def _install_audit_hook() -> None:
    # Audit hooks cannot be removed: one for the process, idle unless a count is running.
    global _hook_installed
    if not _hook_installed:
        _addaudithook(_audit)
        _hook_installed = True


def count_events(func, args: tuple, kwargs: dict, skip: frozenset = frozenset()) -> int:
    """The Python 'call' and 'line' events of student code while func(*args, **kwargs) runs.

    Code run by the student functions named in `skip` (the assignment's other graded functions)
    is not counted: their loops are charged to them, under their own policies.

    The inputs are deep copies; output and numpy warnings are swallowed. The function's own
    exceptions propagate. The previous tracer is restored, whatever happens. Raises
    TracingDisabled when the function switched the count off (see `_TAMPERING`).
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
        if is_student_file(frame.f_code.co_filename) and not (skip and _inside(frame, skip)):
            count += 1
            return on_line
        return None  # numpy's and the kit's own lines are not counted (nested calls still are)

    _install_audit_hook()
    previous, previous_for_threads = _gettrace(), _thread_gettrace()
    with _quiet():
        _watch.tampered, _watch.thread = "", threading.get_ident()
        _thread_settrace(_thread_started)
        _settrace(on_call)
        _watch.active = True
        try:
            func(*args, **kwargs)
        finally:
            _watch.active = False
            still_ours = _gettrace() is on_call
            _settrace(previous)
            _thread_settrace(previous_for_threads)
    if not still_ours:
        raise TracingDisabled("switched tracing off (sys.settrace)")
    if _watch.tampered:
        raise TracingDisabled(_watch.tampered)
    return count


def _inside(frame, skip: frozenset) -> bool:
    """Whether this frame runs within a call of one of the `skip` functions (student code)."""
    while frame is not None:
        if frame.f_code.co_name in skip and is_student_file(frame.f_code.co_filename):
            return True
        frame = frame.f_back
    return False


@contextlib.contextmanager
def _quiet():
    """No prints and no numpy warnings from the extra runs (nbgrader fails a cell writing to stderr)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"), \
            contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        yield


def count_events_of(func, args: tuple, kwargs: dict, skip: frozenset = frozenset()) -> int:
    """Count locally, or let a sandboxed function count in its own process.

    A sandbox proxy offers `count_events(args, kwargs)` with `count_events`'s contract (raises
    TracingDisabled, or the function's exception). A plain Python function is always traced
    here, whatever attributes a student gave it.
    """
    remote = getattr(func, "count_events", None)
    if callable(remote) and not isinstance(func, (types.FunctionType, types.MethodType)):
        return remote(args, kwargs, skip)
    return count_events(func, args, kwargs, skip)


# --- the same case, larger -------------------------------------------------------------------

def scale_args(args: tuple, kwargs: dict, factor: int) -> tuple[tuple, dict]:
    """The case `factor` times larger: arrays tiled along every dimension longer than 1.

    Tiling keeps values valid (0/1 labels, pixel ranges, nonzero rows) and shapes consistent
    between arguments (w (n,1), X (n,m), Y (1,m) -> (kn,1), (kn,km), (1,km)). Length-1
    dimensions, 0-d arrays, Python numbers (num_iterations) and tuples (shapes) stay as they are.
    """
    return tuple(_tiled(value, factor) for value in args), \
        {key: _tiled(value, factor) for key, value in kwargs.items()}


def _tiled(value, factor: int):
    if isinstance(value, np.ndarray) and value.ndim >= 1:
        return np.tile(value, tuple(factor if length > 1 else 1 for length in value.shape))
    return value


def _arrays(case: Case) -> list[np.ndarray]:
    return [value for value in (*case.args, *case.kwargs.values()) if isinstance(value, np.ndarray)]


def _growth_potential(case: Case) -> tuple[int, int]:
    arrays = _arrays(case)
    return sum(length > 1 for a in arrays for length in a.shape), sum(a.size for a in arrays)


def growing_case(cases: list[Case]) -> Case | None:
    """The case the count runs on: the one with the most dimensions longer than 1, and of those
    the one with the most entries (the first on a tie). A loop over any of its dimensions then
    grows, including code paths taken only for n-d input, and longer loops make a larger share
    of the count, so growth shows clearly. Hidden cases are small, so the count stays cheap.
    None when no array can grow (basic_sigmoid, initialize_with_zeros)."""
    best = max(cases, key=_growth_potential, default=None)
    return best if best is not None and _growth_potential(best)[0] > 0 else None


# --- the rule --------------------------------------------------------------------------------

def dynamic_findings(assignment: str, name: str, func, cases: list[Case], policy: str,
                     skip: frozenset = frozenset()) -> list[DynamicFinding]:
    """LOOP_DYNAMIC when func's Python work grows with its input; FORBIDDEN001 when it switched
    the count off; nothing when loops are allowed, no case can grow, or func raises (its tests
    say so)."""
    check_policy(policy)
    case = growing_case(cases)
    if policy not in _JUDGED_POLICIES or case is None:
        return []

    def events(factor: int) -> int:
        return count_events_of(func, *scale_args(case.args, case.kwargs, factor), skip=frozenset(skip))

    try:
        small, large = events(1), events(FACTOR)
        if large - small < 2 * MIN_STEP_EVENTS:
            return []
        middle = events(MIDDLE_FACTOR)
    except TracingDisabled as error:
        return [DynamicFinding(TAMPERED, name, 0, 0, 1, TAMPER_MESSAGE.format(function=name, what=error))]
    except Exception:
        return []
    if middle - small < MIN_STEP_EVENTS or large - middle < MIN_STEP_EVENTS:
        return []  # grew in one step only: a branch on a length, not a loop
    grown = _GROWN.get(assignment, _GROWN_DEFAULT).format(factor=FACTOR)
    message = LOOP_MESSAGE.format(function=name, small=small, large=large, case=case.label, grown=grown)
    return [DynamicFinding(LOOP_DYNAMIC, name, small, large, FACTOR, message)]


# --- timing, an optional third opinion -------------------------------------------------------

def timing_finding(name: str, func, reference, case: Case, factor: int | None = None, repeats: int = 3,
                   slow_ratio: float = 20.0, min_elements: int = 20_000) -> DynamicFinding | None:
    """SLOW when func is more than `slow_ratio` times slower than the reference on a large case.

    The case is tiled by `factor`; by default, by the smallest factor at which its largest
    array (argument or result: outer's result grows as the square of its arguments) holds
    `min_elements`. On the hidden cases' few dozen entries fixed call overheads hide any
    difference. Around 20,000 entries builtin `sum` over a vector's elements measured 16 to
    190 times the reference (typically 30 to 40); from ~10^5 entries the reference itself
    turns memory-bound and the ratio falls below 10.

    Runs of the two functions alternate, and each time is the best of `repeats`: noise only
    ever adds time (on a loaded 2-core machine the ratio of medians of a vectorized variant
    ranged 0.3 to 3, the ratio of bests 0.8 to 1.3). None when either raises, or the ratio is
    at most `slow_ratio`. A looping function costs tens of ms here (optimize's, a second or
    two): callers run it only where its opinion counts.
    """
    try:
        factor = factor or _timing_factor(reference, case, min_elements)
        args, kwargs = scale_args(case.args, case.kwargs, factor)
        expected, taken = _best_seconds((reference, func), args, kwargs, repeats)
    except Exception:
        return None
    ratio = taken / max(expected, 1e-9)
    if ratio <= slow_ratio:
        return None
    message = SLOW_MESSAGE.format(function=name, student=taken * 1e3, case=case.label, factor=factor,
                                  ratio=ratio, reference=expected * 1e3)
    return DynamicFinding(SLOW, name, round(expected * 1e6), round(taken * 1e6), factor, message)


def _timing_factor(reference, case: Case, min_elements: int) -> int:
    """The smallest factor at which some array reaches `min_elements` entries (1 if none grows).

    An array of n entries with k dimensions that grow holds n * f**k entries at factor f. The
    dimensions of the result that grow are learned from the reference at factors 1 and 2.
    """
    grown = [(a.shape, tuple(n > 1 for n in a.shape)) for a in _arrays(case)]
    with _quiet():
        results = [reference(*scaled[0], **scaled[1])
                   for scaled in (scale_args(case.args, case.kwargs, f) for f in (1, 2))]
    small, large = (_arrays_in(result) for result in results)
    if [a.ndim for a in small] == [a.ndim for a in large]:
        grown += [(a.shape, tuple(m > n for n, m in zip(a.shape, b.shape))) for a, b in zip(small, large)]
    needed = [math.ceil((min_elements / math.prod(shape)) ** (1 / sum(grows)))
              for shape, grows in grown if any(grows) and math.prod(shape) > 0]
    return max(1, min(needed, default=1))


def _arrays_in(value) -> list[np.ndarray]:
    """The arrays of a result, in order: itself, or inside (nested) tuples, lists and dicts."""
    if isinstance(value, np.ndarray):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (tuple, list)):
        return [a for item in value for a in _arrays_in(item)]
    return []


def _best_seconds(funcs: tuple, args: tuple, kwargs: dict, repeats: int) -> list[float]:
    """The best time of each function; runs alternate, so a busy moment slows both alike."""
    times: list[list[float]] = [[] for _ in funcs]
    with _quiet():
        for _ in range(repeats):
            for func, taken in zip(funcs, times):
                given = copy.deepcopy((args, kwargs))
                start = time.perf_counter()
                func(*given[0], **given[1])
                taken.append(time.perf_counter() - start)
    return [min(taken) for taken in times]

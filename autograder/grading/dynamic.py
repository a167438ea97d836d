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

import copy
import math
import time
import types
from dataclasses import dataclass

import numpy as np

from autograder.grading.case import Case
from autograder.kitcheck.loops.policies import check_policy
from autograder.kitcheck.compare import Tolerance, compare
from autograder.kitcheck.i18n import N_, _, fill
from autograder.sandbox.session import in_one_request
from autograder.sandbox.tracing import TracingDisabled, count_events, measure, quiet  # noqa: F401

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

# What the growth means, in the words of each assignment: the condition of "... when {grown}" below.
_GROWN = {
    # TRANSLATORS: {grown} in "{function} runs {small} Python lines ... when {grown}".
    "logistic_regression": N_("the examples and features are {factor} times as many"),
}
# TRANSLATORS: {grown} in "{function} runs {small} Python lines ... when {grown}".
_GROWN_DEFAULT = N_("the arrays are {factor} times as long along every dimension longer than 1")

# TRANSLATORS: {grown} is one of the two conditions above ("the arrays are 3 times as long ...").
LOOP_MESSAGE = N_(
    "{function} runs {small} Python lines on the case '{case}' and {large} when {grown}: "
    "a loop is hidden somewhere (a comprehension, map, recursion, np.vectorize, a helper...); "
    "compute with whole-array numpy operations instead"
)
# TRANSLATORS: {what} says what the function did, as the sandbox reports it ("called sys.settrace").
TAMPER_MESSAGE = N_(
    "{function} {what} while it ran, so the grader cannot count its Python work: "
    "graded functions must not touch tracing, frames or threads"
)
# How a function measured behaves unlike the same function called plainly: one sentence each, on
# the case as it is and on the case tiled (the count runs on both).
_DIFFERS = {
    "fails": (
        N_("{function} fails ({error}) when its Python work is measured, and not when called plainly, "
           "on the same inputs (the case '{case}'): graded functions must behave the same whether or "
           "not they are measured"),
        N_("{function} fails ({error}) when its Python work is measured, and not when called plainly, "
           "on the same inputs (the case '{case}' tiled {factor} times): graded functions must behave "
           "the same whether or not they are measured")),
    "fails plainly": (
        N_("{function} returns a result when its Python work is measured, and fails when called "
           "plainly, on the same inputs (the case '{case}'): graded functions must behave the same "
           "whether or not they are measured"),
        N_("{function} returns a result when its Python work is measured, and fails when called "
           "plainly, on the same inputs (the case '{case}' tiled {factor} times): graded functions "
           "must behave the same whether or not they are measured")),
    "differs": (
        N_("{function} returns a different result when its Python work is measured than when called "
           "plainly, on the same inputs (the case '{case}'): graded functions must behave the same "
           "whether or not they are measured"),
        N_("{function} returns a different result when its Python work is measured than when called "
           "plainly, on the same inputs (the case '{case}' tiled {factor} times): graded functions "
           "must behave the same whether or not they are measured")),
}
ABSURD_MESSAGE = N_(
    "the count of {function}'s Python work on the case '{case}' came back as {count}, which no "
    "function produces: the measurement was tampered with"
)
SHRANK_MESSAGE = N_(
    "{function} runs {small} Python lines on the case '{case}' but only {large} when {grown}: "
    "vectorized code runs the same lines on both, so the measurement was tampered with"
)
# Far beyond what a call can run within its time limit (~10^7 traced events per second).
MAX_EVENTS = 10 ** 9
# Measured and plain calls run the same code on the same inputs in the same process.
SAME = Tolerance(rtol=1e-9, atol=1e-12)

SLOW_MESSAGE = N_(
    "{function} takes {student} ms on the case '{case}' tiled {factor} times along every "
    "dimension longer than 1, {ratio} times as long as the reference ({reference} ms): "
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


def measured_call(func, args: tuple, kwargs: dict, skip: frozenset = frozenset()) -> tuple:
    """(events, result) of one measured call, here or in the sandbox (untrusted there).

    A sandbox proxy offers `measure(args, kwargs, skip)` with `measure`'s contract (raises
    TracingDisabled, or the function's exception). A plain Python function is always traced
    here, whatever attributes a student gave it.
    """
    remote = getattr(func, "measure", None)
    if callable(remote) and not isinstance(func, (types.FunctionType, types.MethodType)):
        return remote(args, kwargs, skip)
    return measure(func, args, kwargs, skip)


def count_events_of(func, args: tuple, kwargs: dict, skip: frozenset = frozenset()) -> int:
    """The count alone (see `measured_call`)."""
    return measured_call(func, args, kwargs, skip)[0]


def _plain_call(func, args: tuple, kwargs: dict):
    given = copy.deepcopy((args, kwargs))
    with quiet():
        return func(*given[0], **given[1])


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
    the count off, when the count is absurd, or when a measured call behaves unlike a plain one
    on the same inputs; nothing when loops are allowed, no case can grow, or func raises both
    ways (its tests say so)."""
    check_policy(policy)
    case = growing_case(cases)
    if policy not in _JUDGED_POLICIES or case is None:
        return []
    grown = fill(_GROWN.get(assignment, _GROWN_DEFAULT), factor=FACTOR)

    def events(factor: int) -> int:
        args, kwargs = scale_args(case.args, case.kwargs, factor)
        return _checked_count(name, func, args, kwargs, frozenset(skip), case.label, factor)

    try:
        small, large = events(1), events(FACTOR)
        if small - large >= 2 * MIN_STEP_EVENTS:
            message = fill(SHRANK_MESSAGE, function=name, small=f"{small:,}", large=f"{large:,}", case=case.label,
                           grown=grown)
            return [DynamicFinding(TAMPERED, name, small, large, FACTOR, message)]
        if large - small < 2 * MIN_STEP_EVENTS:
            return []
        middle = events(MIDDLE_FACTOR)
    except TracingDisabled as error:
        # The sandbox says what the function did in English; translated when the catalogue has it
        # ("" would fetch the catalogue's header).
        what = str(error)
        message = fill(TAMPER_MESSAGE, function=name, what=_(what) if what else what)
        return [DynamicFinding(TAMPERED, name, 0, 0, 1, message)]
    except _Tampered as finding:
        return [finding.args[0]]
    except _BothFailed:
        return []
    if middle - small < MIN_STEP_EVENTS or large - middle < MIN_STEP_EVENTS:
        return []  # grew in one step only: a branch on a length, not a loop
    message = fill(LOOP_MESSAGE, function=name, small=f"{small:,}", large=f"{large:,}", case=case.label, grown=grown)
    return [DynamicFinding(LOOP_DYNAMIC, name, small, large, FACTOR, message)]


class _Tampered(Exception):
    """Carries the FORBIDDEN001 finding of a measurement that cannot be believed."""


class _BothFailed(Exception):
    """The function fails on this case measured and plain alike: its tests say so."""


def _checked_count(name: str, func, args: tuple, kwargs: dict, skip: frozenset, label: str,
                   factor: int) -> int:
    """The measured count on one input, once the grader has checked it: a plausible int, and a
    result equal to a plain call's on the same inputs (measured first: a value cached by the
    plain call cannot make the measured one cheap)."""
    measured_error = plain_error = None
    func = in_one_request(func, [(args, kwargs, True), (args, kwargs, False)], skip)
    try:
        count, result = measured_call(func, args, kwargs, skip)
    except TracingDisabled:
        raise
    except Exception as error:
        measured_error, count, result = error, None, None
    try:
        plain = _plain_call(func, args, kwargs)
    except Exception as error:
        plain_error, plain = error, None
    if measured_error is not None and plain_error is not None:
        raise _BothFailed()
    difference = _difference(measured_error, plain_error, result, plain)
    if difference:
        on_the_case, on_the_tiled_case = _DIFFERS[difference]
        message = fill(on_the_case if factor == 1 else on_the_tiled_case, function=name, case=label,
                       factor=factor, error=type(measured_error).__name__)
        raise _Tampered(_finding(name, message))
    if type(count) is not int or not 0 <= count <= MAX_EVENTS:
        raise _Tampered(_finding(name, fill(ABSURD_MESSAGE, function=name, case=label, count=repr(count)[:40])))
    return count


def _difference(measured_error, plain_error, result, plain) -> str:
    """How the measured call differs from the plain one (a key of _DIFFERS), or "" when alike."""
    if measured_error is not None:
        return "fails"
    if plain_error is not None:
        return "fails plainly"
    if compare(result, plain, SAME):
        return "differs"
    return ""


def _finding(name: str, message: str) -> DynamicFinding:
    return DynamicFinding(TAMPERED, name, 0, 0, 1, message)


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
    message = fill(SLOW_MESSAGE, function=name, student=f"{taken * 1e3:.1f}", case=case.label, factor=factor,
                   ratio=f"{ratio:.0f}", reference=f"{expected * 1e3:.2f}")
    return DynamicFinding(SLOW, name, round(expected * 1e6), round(taken * 1e6), factor, message)


def _timing_factor(reference, case: Case, min_elements: int) -> int:
    """The smallest factor at which some array reaches `min_elements` entries (1 if none grows).

    An array of n entries with k dimensions that grow holds n * f**k entries at factor f. The
    dimensions of the result that grow are learned from the reference at factors 1 and 2.
    """
    grown = [(a.shape, tuple(n > 1 for n in a.shape)) for a in _arrays(case)]
    with quiet():
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
    times: list[list[float]] = [[] for func in funcs]
    with quiet():
        for attempt in range(repeats):
            for func, taken in zip(funcs, times):
                given = copy.deepcopy((args, kwargs))
                start = time.perf_counter()
                func(*given[0], **given[1])
                taken.append(time.perf_counter() - start)
    return [min(taken) for taken in times]

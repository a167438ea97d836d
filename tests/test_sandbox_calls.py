"""Several calls of a student's function in one request to the worker (what the hidden cases and the
dynamic loop rule send): the same outcomes, in the same order, as one request per call."""
from __future__ import annotations

import time

import numpy as np
import pytest

from autograder.sandbox.client import Sandbox, SandboxError
from autograder.sandbox.confine import Limits
from autograder.sandbox.session import Session

STUDENT = """
import sys, time
calls = 0

def f(x, k):
    global calls
    calls += 1
    if k == 2:
        raise ValueError("two")
    if k == 3:
        time.sleep(30)
    x[0] = k * 10
    return calls

def only_measured_hangs(x):
    while sys.gettrace() is not None:
        pass
    return x + 1
"""


@pytest.fixture
def session():
    session = Session(Sandbox([], Limits(), hide=[], call_seconds=1)).start()
    session.run_cell(STUDENT)
    yield session
    session.stop()


def outcomes(call, cases):
    """What each call gives its caller: (result, the argument after the call) or the exception."""
    seen = []
    for args in cases:
        given = (args[0].copy(), args[1])
        try:
            seen.append((call(*given), given[0].tolist()))
        except Exception as error:
            seen.append((type(error).__name__, str(error)))
    return seen


def test_calls_in_one_request_answer_as_one_call_each(session):
    cases = [(np.zeros(2), k) for k in (0, 1, 2, 4)]
    proxy = session.lookup("f")
    together = outcomes(proxy.answering([(args, {}, False) for args in cases]), cases)
    session.run_cell("calls = 0")
    assert together == outcomes(proxy, cases) == [
        (1, [0, 0]), (2, [10, 0]), ("ValueError", "two"), (4, [40, 0])]


def test_after_a_call_that_hangs_the_rest_fail_at_once_and_other_functions_still_run(session):
    cases = [(np.zeros(1), k) for k in (1, 3, 1)]
    started = time.monotonic()
    seen = outcomes(session.lookup("f").answering([(args, {}, False) for args in cases]), cases)
    assert time.monotonic() - started < 2.5, "only the call that hung waited for its time limit"
    assert seen[0] == (1, [10])
    assert seen[1][0] == seen[2][0] == "SandboxError" and "stopped after 1 s" in seen[1][1]
    assert session.lookup("only_measured_hangs")(np.ones(1)).tolist() == [2.0]


def test_a_plain_call_after_a_measured_one_that_hangs_is_still_made(session):
    """The dynamic loop rule asks for a measured and a plain call together; only the measured one hangs."""
    x = np.ones(2)
    answers = session.lookup("only_measured_hangs").answering([((x,), {}, True), ((x,), {}, False)])
    with pytest.raises(SandboxError) as measured:
        answers.measure((x,), {})
    assert measured.value.code == "TIMEOUT"
    assert answers(x).tolist() == [2.0, 2.0]

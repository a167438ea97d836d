"""A submission's sandbox session as the grader's test code sees it.

Names a test cell uses that it did not define itself are looked up in the worker: callables come
back as CallProxy objects (calling one sends plain data to the worker and back), plain values
come back decoded. When the worker dies or hangs, the session starts a fresh one and replays
the student cells that had run, so one bad function costs that function only.
"""
from __future__ import annotations

import builtins
import inspect
import keyword
from functools import lru_cache

import numpy as np

from autograder.kitcheck.i18n import _
from autograder.sandbox.tracing import TracingDisabled
from autograder.sandbox.client import Sandbox, SandboxError


class StudentError(Exception):
    """An exception the student's code raised in the worker that has no builtin equivalent here."""


def rebuild_error(error: dict) -> Exception:
    """The student's exception, as an exception of the same builtin type where there is one
    (and the dynamic rule's own TracingDisabled, which the worker raises when code tampers)."""
    if error.get("type") == "TracingDisabled":
        return TracingDisabled(error.get("message", ""))
    if error.get("type") == "OutputLimit":
        return SandboxError("KILLED", error.get("message", ""))
    kind = getattr(builtins, error.get("type", ""), None)
    if isinstance(kind, type) and issubclass(kind, Exception) and kind.__module__ == "builtins":
        try:
            rebuilt = kind(error.get("message", ""))
        except Exception:  # some builtin exceptions take other arguments
            rebuilt = _student_error(error.get("type"))(error.get("message", ""))
    else:
        rebuilt = _student_error(error.get("type"))(error.get("message", ""))
    rebuilt.code = "EXCEPTION"
    rebuilt.description = error.get("description") or f"{error.get('type')}: {error.get('message')}"
    rebuilt.location = str(error.get("location", ""))[:200]
    return rebuilt


@lru_cache(maxsize=256)
def _student_error(name) -> type:
    """A StudentError named as the student's exception was (numpy's UFuncTypeError has no twin here),
    so that messages and diagnoses read its type; a name that is not an identifier is not kept."""
    if not isinstance(name, str) or not name.isidentifier() or len(name) > 60:
        return StudentError
    return type(name, (StudentError,), {})


class Session:
    def __init__(self, sandbox: Sandbox):
        self.sandbox = sandbox
        self.replay: list[str] = []     # student cells that ran without killing the worker
        self.hanging: dict[str, SandboxError] = {}  # functions that already timed out or crashed
        self.missing: list[str] = []

    def start(self) -> "Session":
        self.sandbox.start()
        self.missing = self.sandbox.missing
        return self

    def stop(self) -> None:
        self.sandbox.stop()

    def _alive(self) -> Sandbox:
        if self.sandbox.sock is None:
            self.sandbox.start()
            for source in self.replay:  # these ran before; should one fail now, the caller hears of it
                self.sandbox.run_cell(source)
        return self.sandbox

    def run_cell(self, source: str) -> list[dict]:
        try:
            outputs = self._alive().run_cell(source)
        except SandboxError as error:
            text = _("[{code}] this cell was {reason}").format(code=error.code, reason=error)
            return [{"output_type": "error", "ename": error.code, "evalue": text, "traceback": [text]}]
        self.replay.append(source)
        return outputs

    def lookup(self, name: str):
        try:
            reply = self._alive().lookup(name)
        except SandboxError as error:  # raised into a test cell: its text must carry the code
            raise SandboxError(error.code, f"[{error.code}] {name}: {error}") from None
        if reply["kind"] == "missing":
            raise KeyError(name)
        if reply["kind"] == "callable":
            return CallProxy(self, name, reply.get("params"))
        return reply["value"]

    def call(self, name: str, args: tuple, kwargs: dict, count_events: bool = False, skip=()) -> dict:
        return answer(args, self._outcome(name, args, kwargs, count_events, skip))

    def calls(self, name: str, calls: list[tuple[tuple, dict, bool]], skip=()) -> list:
        """The outcomes of several calls of one function, (args, kwargs, count_events) each, asked
        in one request; the same, in order, as one `call` each would give (see `answer`). After
        a call that hangs or crashes, the rest are made one at a time, as `call` makes them."""
        outcomes = []
        if self._hung(name, True) is None:  # neither way: else one at a time, as `call` makes them
            try:
                replies = self._alive().calls(name, calls, skip)
            except SandboxError as error:
                replies = [error]
            for (args, kwargs, measured), reply in zip(calls, replies):
                if isinstance(reply, SandboxError):
                    outcomes.append(self._failed(name, measured, reply))
                    break
                outcomes.append(reply)
        return outcomes + [self._outcome(name, *call, skip) for call in calls[len(outcomes):]]

    def _outcome(self, name: str, args: tuple, kwargs: dict, count_events: bool, skip) -> dict | SandboxError:
        """The worker's reply to one call, or the SandboxError of a call that hung or crashed."""
        hung = self._hung(name, count_events)
        if hung is not None:
            return hung
        try:
            return self._alive().call(name, args, kwargs, count_events=count_events, skip=skip)
        except SandboxError as error:
            return self._failed(name, count_events, error)

    # A function that hangs or crashes only when measured is still called plainly, so that the
    # dynamic rule can tell the two apart: its measured calls are kept apart.
    @staticmethod
    def _key(name: str, count_events: bool) -> str:
        return f"{name} (measured)" if count_events else name

    def _hung(self, name: str, count_events: bool) -> SandboxError | None:
        """The error a call of `name` (measured or plain) gives at once, after one hung or crashed."""
        return self.hanging.get(name) or self.hanging.get(self._key(name, count_events))

    def _failed(self, name: str, count_events: bool, error: SandboxError) -> SandboxError:
        error.description = _("{name} {reason}").format(name=name, reason=error)
        self.hanging[self._key(name, count_events)] = error
        return error


class CallProxy:
    """Stands for a student's function: calling it runs the function in the worker."""

    def __init__(self, session: Session, name: str, params=None):
        self._session, self.__name__ = session, name
        # The student's parameter names (untrusted text: identifiers only), for messages like
        # "relu modified its input `v`".
        names = [p for p in params or [] if isinstance(p, str) and p.isidentifier() and len(p) <= 40
                 and not keyword.iskeyword(p)][:20]
        self.__signature__ = inspect.Signature(
            [inspect.Parameter(p, inspect.Parameter.POSITIONAL_OR_KEYWORD) for p in dict.fromkeys(names)])

    def __call__(self, *args, **kwargs):
        return self._session.call(self.__name__, args, kwargs)["result"]

    def count_events(self, args: tuple, kwargs: dict, skip=frozenset()) -> int:
        """Python-level events the function runs in student code (the dynamic loop rule)."""
        return self.measure(args, kwargs, skip)[0]

    def measure(self, args: tuple, kwargs: dict, skip=frozenset()) -> tuple:
        """(events, result) of one measured call, as the worker reports them (untrusted)."""
        reply = self._session.call(self.__name__, args, kwargs, count_events=True, skip=skip)
        return reply.get("events"), reply.get("result")

    def answering(self, calls: list[tuple[tuple, dict, bool]], skip=frozenset()) -> "Answers":
        """A stand-in for this function that answers these calls, (args, kwargs, measured) each,
        in this order, from one request to the worker (see Session.calls)."""
        return Answers(self, self._session.calls(self.__name__, calls, skip))

    def __repr__(self) -> str:
        return f"<student function {self.__name__}>"


class Answers:
    """Calls of a student's function already made in the worker: each call, plain or measured,
    takes the next outcome, writes its in-place changes back onto the arguments it is given
    (copies of the ones asked with) and returns or raises as the function did."""

    def __init__(self, proxy: CallProxy, outcomes: list):
        self.__name__, self.__signature__ = proxy.__name__, proxy.__signature__
        self._outcomes = list(reversed(outcomes))

    def __call__(self, *args, **kwargs):
        return answer(args, self._outcomes.pop())["result"]

    def measure(self, args: tuple, kwargs: dict, skip=frozenset()) -> tuple:
        reply = answer(args, self._outcomes.pop())
        return reply.get("events"), reply.get("result")


def in_one_request(func, calls: list[tuple[tuple, dict, bool]], skip=frozenset()):
    """A student's function that answers these calls from one request to the sandbox (Answers),
    when it is a sandbox proxy; a plain function as it is."""
    return func.answering(calls, skip) if isinstance(func, CallProxy) else func


def answer(args: tuple, outcome: dict | SandboxError) -> dict:
    """A call's reply, as the caller sees it: its in-place changes on `args`, the student's
    exception raised, a sandbox failure raised."""
    if isinstance(outcome, SandboxError):
        raise outcome
    _write_back(args, outcome.get("args_after"))
    if outcome.get("error"):
        raise rebuild_error(outcome["error"])
    return outcome


class Namespace(dict):
    """A test cell's names: its own, then the kit's modules, then the student's (from the worker)."""

    def __init__(self, session: Session, preset: dict):
        super().__init__(preset)
        self._session = session
        self._fetched: set[str] = set()

    def __missing__(self, name: str):
        if hasattr(builtins, name):
            raise KeyError(name)  # let Python find the builtin
        value = self._session.lookup(name)
        self[name] = value
        self._fetched.add(name)
        return value

    def forget_student_names(self) -> None:
        """After a student cell runs, its names may mean something else."""
        for name in self._fetched:
            self.pop(name, None)
        self._fetched.clear()


def _write_back(args: tuple, after) -> None:
    """Copy in-place changes the student's function made to its array arguments back onto ours,
    so the kit's input-mutation check sees them as if the function had run here."""
    if not isinstance(after, list):
        return
    for mine, theirs in zip(args, after):
        if isinstance(mine, np.ndarray) and isinstance(theirs, np.ndarray) and mine.shape == theirs.shape \
                and mine.flags.writeable:
            np.copyto(mine, theirs, casting="unsafe")

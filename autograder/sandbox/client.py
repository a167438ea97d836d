"""The grader's side of the sandbox: a zygote per grader process, a worker per submission."""
from __future__ import annotations

import atexit
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from autograder.sandbox import bounds, channel
from autograder.sandbox.confine import Limits
from autograder.kitcheck.encoding import decode, encode
from autograder.kitcheck.i18n import N_, _, language

# Why a request was not run, or stopped, when the submission's time is spent. Each reason reads
# after its subject ("this cell was ...", "relu ...": autograder.sandbox.session).
NOT_RUN = N_("not run: the submission's time budget of {seconds} s (wall-clock time for all its cells and calls) "
             "was used up")
STOPPED = N_("stopped: the submission's time budget of {seconds} s (wall-clock time for all its cells and calls) "
             "was used up")

# Private user ids for workers when the grader runs as root: one per grader process (its pid makes
# it unique among running graders), so killing "every process of the user" touches no one else's.
SANDBOX_UID_BASE = 200000


class SandboxError(Exception):
    """The worker could not answer: it timed out, died or broke the protocol. `code` says which."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.description = code, message


class Zygote:
    """One warm parent process per grader process, started on first use."""

    _instance: "Zygote | None" = None
    _spares: list["Zygote"] = []

    def __init__(self, control: socket.socket, process: subprocess.Popen | None):
        self.owner = os.getpid()
        self.control, self.process = control, process
        atexit.register(self.stop)

    @classmethod
    def start(cls, count: int = 1, plotting: bool | None = True) -> list["Zygote"]:
        """`count` warm parents from one process that imports once and forks the others, once
        told whether to import matplotlib too (at once, unless `plotting` is None: then `plots` says)."""
        pairs = [socket.socketpair() for _ in range(count)]
        fds = [theirs.fileno() for _, theirs in pairs]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "OPENBLAS_NUM_THREADS": "1",
               "MPLBACKEND": "Agg", "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        process = subprocess.Popen([sys.executable, "-m", "autograder.sandbox.zygote", *map(str, fds)],
                                   pass_fds=fds, env=env, cwd="/", stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL)
        for _, theirs in pairs:
            theirs.close()
        # The copies are the first one's children: stopping it (and closing their sockets) stops them.
        zygotes = [cls(mine, process if index == 0 else None) for index, (mine, _) in enumerate(pairs)]
        if plotting is not None:
            zygotes[0].plots(plotting)
        return zygotes

    def plots(self, plotting: bool) -> None:
        """Whether the notebooks plot: the parent imports matplotlib then, and only then forks its copies."""
        channel.send(self.control, {"plotting": plotting})

    @classmethod
    def shared(cls, plotting: bool = True) -> "Zygote":
        """This process's zygote (a forked grader process starts its own, never shares its parent's)."""
        mine = cls._instance
        if mine is None or mine.owner != os.getpid() or not mine.alive():
            cls._instance = cls.start(1, plotting)[0]
        return cls._instance

    @classmethod
    def prestart(cls, count: int) -> None:
        """Start the warm parents of `count` grader processes now, so that they get ready while
        this process imports the rest (nbgrader: over a second on one core, the other idle); each
        grader process forked later adopts one. `spares_for` says, as soon as it can, what they need."""
        cls._spares = cls.start(count, plotting=None)

    @classmethod
    def spares_for(cls, assignment_folder: Path) -> None:
        """Whether the prestarted parents import matplotlib: if the assignment's notebook uses it
        (a student who plots anyway imports it in the worker)."""
        if cls._spares:
            cls._spares[0].plots(_plots(assignment_folder))

    @classmethod
    def adopt(cls, index: int) -> None:
        """In a grader process: take prestarted parent number `index` as this process's own."""
        if index < len(cls._spares) and cls._spares[index].alive():
            cls._instance = cls._spares[index]
            cls._instance.owner = os.getpid()
        cls._spares = []

    def fork(self, request: dict) -> tuple[int, socket.socket]:
        mine, theirs = socket.socketpair()
        body = channel.dumps(request)
        socket.send_fds(self.control, [channel.HEADER.pack(len(body)) + body], [theirs.fileno()])
        theirs.close()
        return channel.receive(self.control, timeout=60)["pid"], mine

    def alive(self) -> bool:
        """Whether the process runs: only it holds the other end of the control socket (a grader
        process that adopted it is not its parent, and Popen.poll answers only to the parent)."""
        hangup = select.poll()
        hangup.register(self.control, select.POLLHUP)
        return not hangup.poll(0)

    def stop(self) -> None:
        if self.owner == os.getpid():
            self.control.close()
            if self.process is not None:
                self.process.kill()
                self.process.wait()


def _plots(assignment_folder: Path) -> bool:
    try:
        return any("matplotlib" in path.read_text(errors="replace") for path in assignment_folder.glob("*.ipynb"))
    except OSError:
        return True


class Budget:
    """Wall-clock seconds for a whole submission: its cells, calls, restarts and replays."""

    def __init__(self, seconds: float | None):
        self.seconds, self.deadline = seconds, None

    def begin(self) -> None:
        if self.seconds and self.deadline is None:
            self.deadline = time.monotonic() + self.seconds

    def left(self) -> float:
        return float("inf") if self.deadline is None else self.deadline - time.monotonic()

    def spent(self, reason: str) -> "SandboxError":
        """TIMEOUT, for `reason` NOT_RUN or STOPPED."""
        return SandboxError("TIMEOUT", _(reason).format(seconds=f"{self.seconds:g}"))


class Sandbox:
    """One submission's worker: an empty working directory with the assignment's data files."""

    def __init__(self, data_files: list[Path], limits: Limits, hide: list[str],
                 cell_seconds: float = 20, call_seconds: float = 10, output_limit: int = 1 << 20,
                 submission_seconds: float | None = None):
        self.data_files, self.limits, self.hide = data_files, limits, hide
        self.cell_seconds, self.call_seconds, self.output_limit = cell_seconds, call_seconds, output_limit
        self.budget = Budget(submission_seconds)
        self.root = os.geteuid() == 0
        self.uid = SANDBOX_UID_BASE + os.getpid() if self.root else None
        self.pid, self.sock, self.workdir, self.missing = None, None, None, []

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> "Sandbox":
        self.budget.begin()
        if self.budget.left() <= 0:  # a restart after the budget is gone: fail fast
            raise self.budget.spent(NOT_RUN)
        self.workdir = tempfile.mkdtemp(prefix="autograder-")
        for path in self.data_files:
            shutil.copy(path, self.workdir)
        if self.uid is not None:
            for entry in [self.workdir, *(os.path.join(self.workdir, p.name) for p in self.data_files)]:
                os.chown(entry, self.uid, self.uid)
            os.chmod(self.workdir, 0o700)
        request = {"workdir": self.workdir, "limits": asdict(self.limits), "uid": self.uid,
                   "hide": self.hide, "output_limit": self.output_limit}
        self.pid, self.sock = Zygote.shared().fork(request)
        ready = self.request_reply(min(60, max(self.budget.left(), 1)))
        self.missing = [bounds.text(m, bounds.MESSAGE) for m in ready.get("missing", [])][:20]
        return self

    def stop(self) -> None:
        """Kill the worker and everything it started, and remove its working directory."""
        if self.pid:
            _kill_group(self.pid)
            if self.uid is not None:
                _kill_user(self.uid)
            self.pid = None
        if self.sock:
            self.sock.close()
            self.sock = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def __enter__(self) -> "Sandbox":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- requests ---------------------------------------------------------------------------
    def request(self, message: dict, timeout: float) -> dict:
        self._send(message)
        return self.request_reply(timeout)

    def _send(self, message: dict) -> None:
        if self.sock is None:
            raise SandboxError("KILLED", _("not run: the worker is not running"))
        if self.budget.left() <= 0:
            raise self.budget.spent(NOT_RUN)
        try:
            channel.send(self.sock, {**message, "language": language()})  # the worker's messages in it too
        except OSError as error:
            raise self._ended(error) from None

    def request_reply(self, timeout: float) -> dict:
        """The worker's next reply, within the limits of size, time and the submission's budget."""
        wait = min(timeout, self.budget.left())
        try:
            return channel.receive_reply(self.sock, timeout=wait)
        except channel.ChannelTimeout:
            self.stop()
            if wait < timeout:
                raise self.budget.spent(STOPPED) from None
            raise SandboxError("TIMEOUT", _("stopped after {seconds} s of wall-clock time").format(
                seconds=f"{timeout:g}")) from None
        except channel.ChannelTooLarge as error:
            self.stop()
            raise SandboxError("KILLED", _("stopped: the worker broke the protocol ({error})").format(
                error=error)) from None
        except (channel.ChannelClosed, OSError, ValueError) as error:
            raise self._ended(error) from None

    def _ended(self, error: Exception) -> SandboxError:
        self.stop()
        status = _("it exited or was killed: a crash, os._exit, or a resource limit")
        return SandboxError("KILLED", _("stopped: the worker process ended ({status}): {error}").format(
            status=status, error=error))

    def run_cell(self, source: str) -> list[dict]:
        reply = self.request({"op": "run_cell", "source": source}, self.cell_seconds)
        return bounds.outputs(reply.get("outputs"), self.output_limit)

    def lookup(self, name: str) -> dict:
        reply = self.request({"op": "lookup", "name": name}, self.call_seconds)
        kind = reply.get("kind") if reply.get("kind") in ("missing", "callable", "value") else "missing"
        return {"kind": kind, "value": self._decode(reply.get("value")) if kind == "value" else None,
                "params": bounds.names(reply.get("params"))}

    def call(self, name: str, args: tuple, kwargs: dict, count_events: bool = False, skip=()) -> dict:
        (reply,) = self.calls(name, [(args, kwargs, count_events)], skip)
        if isinstance(reply, SandboxError):
            raise reply
        return reply

    def calls(self, name: str, calls: list[tuple[tuple, dict, bool]], skip=()) -> list:
        """Several calls of one function, (args, kwargs, count_events) each, in one request: the
        worker sends a reply per call as it makes it, each awaited as long as one `call`. The
        replies in order, up to and including the SandboxError of the first that failed."""
        self._send({"op": "calls", "name": name, "skip": sorted(skip),
                    "calls": [{"args": encode(list(args)), "kwargs": encode(kwargs), "count_events": measured}
                              for args, kwargs, measured in calls]})
        replies = []
        while len(replies) < len(calls):
            try:
                replies.append(self._bounded(self.request_reply(self.call_seconds)))
            except SandboxError as error:  # the worker is stopped: the rest were not made
                return replies + [error]
        return replies

    def _bounded(self, reply: dict) -> dict:
        bounded = {key: self._decode(reply.get(key)) for key in ("result", "args_after", "kwargs_after")}
        return {**bounded, "error": bounds.error(reply.get("error")),
                "warnings": bounds.warnings(reply.get("warnings")), "events": bounds.events(reply.get("events"))}

    def _decode(self, value):
        """A value from the worker; a malformed one (forged: the worker never sends one) costs the worker."""
        try:
            return decode(value)
        except (ValueError, TypeError, AttributeError, RecursionError) as error:
            self.stop()
            message = _("stopped: the worker broke the protocol (a malformed value: {error})").format(error=error)
            raise SandboxError("KILLED", message) from None


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _kill_user(uid: int) -> None:
    """Every process of the sandbox's private user, even those that left its process group
    (a process cannot change its user, so the user finds them all)."""
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and os.stat(f"/proc/{entry}").st_uid == uid:
                os.kill(int(entry), signal.SIGKILL)
        except (FileNotFoundError, ProcessLookupError):
            continue

"""New Linux namespaces for a worker, and the process tree that a PID namespace needs.

unshare(CLONE_NEWPID) moves only the caller's future children into the new namespace, so the
worker forks twice: the first child is the namespace's init (pid 1), which builds the root file
system and then only reaps; the second (pid 2) runs the student's code. When init dies, the kernel
kills every process left in the namespace, whatever it did to hide (setsid, double fork, setuid).
"""
from __future__ import annotations

import ctypes
import os
import resource
import signal

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWPID, CLONE_NEWNET = 0x20000000, 0x40000000
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS = 1, 38

_libc = ctypes.CDLL(None, use_errno=True)


def unshare() -> bool:
    """Private mounts, network, SysV IPC, host name and process ids; False when refused."""
    flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWPID
    if _libc.unshare(flags) != 0:
        return False
    _libc.sethostname(b"sandbox", 7)
    return True


def become_init() -> None:
    """Fork into the new PID namespace; this process waits for its child and exits with it."""
    child = os.fork()
    if child:
        _wait_for(child)
    # Should the grader kill our parent, go too (the parent sits outside the namespace: getppid()
    # says 0 here, so a parent gone before this line is caught by the grader's killpg instead).
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def spawn_worker() -> None:
    """From init: fork the process that runs student code; init reaps orphans until it ends."""
    child = os.fork()
    if child:
        _reap_until(child)


def no_new_privileges() -> bool:
    """setuid and file capabilities stop elevating, in this process and all it starts."""
    return _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0


def _close_inherited() -> None:
    """Drop the socket to the grader: only the worker may hold it, so its death closes it."""
    os.closerange(3, resource.getrlimit(resource.RLIMIT_NOFILE)[0])


def _wait_for(child: int) -> None:
    _close_inherited()
    try:
        _, status = os.waitpid(child, 0)
        code = os.waitstatus_to_exitcode(status)
    except OSError:
        code = 1
    os._exit(code if code >= 0 else 128 - code)


def _reap_until(worker: int) -> None:
    _close_inherited()
    while True:
        try:
            pid, status = os.waitpid(-1, 0)
        except ChildProcessError:
            os._exit(1)
        if pid == worker:  # init exits: the kernel kills whatever the submission left behind
            code = os.waitstatus_to_exitcode(status)
            os._exit(code if code >= 0 else 128 - code)

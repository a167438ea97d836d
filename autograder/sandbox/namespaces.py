"""New Linux namespaces for a worker.

The warm parent forks each worker as the init (pid 1) of a PID namespace of its own:
unshare(CLONE_NEWPID) moves only the caller's next child into a new namespace, and the parent goes
back to its own at once. The worker then leaves the parent's other namespaces. When the worker
ends, however it ends, the kernel kills every process left in its namespace, whatever it did to
hide (setsid, double fork, setuid); its orphans stay unreaped until then (they count against the
submission's process limit).
"""
from __future__ import annotations

import ctypes
import os

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWPID, CLONE_NEWNET = 0x20000000, 0x40000000
PR_SET_NO_NEW_PRIVS = 38

_libc = ctypes.CDLL(None, use_errno=True)


def new_pid_namespace() -> bool:
    """In the warm parent, before it forks a worker: the child starts a new PID namespace (False
    when refused). Call `own_pid_namespace` after the fork."""
    return _libc.unshare(CLONE_NEWPID) == 0


def own_pid_namespace() -> None:
    """Back in the warm parent's own PID namespace for its next children: else the next
    new_pid_namespace is refused."""
    home = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)
    try:
        if _libc.setns(home, CLONE_NEWPID) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"setns back to the warm parent's PID namespace: {os.strerror(error)}")
    finally:
        os.close(home)


def unshare() -> bool:
    """Private mounts, network, SysV IPC and host name; False when refused."""
    flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS
    if _libc.unshare(flags) != 0:
        return False
    _libc.sethostname(b"sandbox", 7)
    return True


def no_new_privileges() -> bool:
    """setuid and file capabilities stop elevating, in this process and all it starts."""
    return _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0

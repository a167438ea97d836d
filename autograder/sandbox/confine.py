"""Confine the current (freshly forked) process before it runs student code.

Each protection is applied where the OS allows it: as root on Linux, new mount, network, IPC,
PID and UTS namespaces, a fresh root holding only Python (rootfs) and an unprivileged user; on
Linux, no new privileges; resource limits and a scrubbed environment everywhere.
"""
from __future__ import annotations

import os
import resource
import sys
from dataclasses import dataclass, field

from autograder.sandbox import namespaces, rootfs


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 60
    memory_mb: int = 2048
    processes: int = 32
    file_mb: int = 16
    open_files: int = 256
    disk_mb: int = 64               # the private /tmp, working folder included (root only)


@dataclass
class Confinement:
    workdir: str
    limits: Limits
    uid: int | None = None          # run as this user and group when root
    hide: list[str] = field(default_factory=list)  # grader-only paths, kept out even inside a bound folder
    own_pids: bool = False          # forked as the init of a new PID namespace (namespaces.new_pid_namespace)


def protections_available() -> dict[str, bool]:
    """What this machine lets the sandbox do; the grader reports what is missing, once."""
    linux = sys.platform.startswith("linux")
    root = linux and hasattr(os, "geteuid") and os.geteuid() == 0
    return {"a file system that shows only Python (default deny)": root, "network namespace": root,
            "private IPC and process namespaces": root, "unprivileged user": root,
            "no new privileges": linux, "resource limits": hasattr(resource, "setrlimit")}


def unavailable_protections() -> str:
    """The protections this machine does not allow, in words (empty when all apply)."""
    missing = [name for name, ok in protections_available().items() if not ok]
    if not missing:
        return ""
    return ("the sandbox cannot use " + ", ".join(missing) + " here (they need root on Linux); "
            "time, memory, file and output limits and the separate process still apply")


def confine(spec: Confinement) -> list[str]:
    """Apply every protection possible; return the names of those that could not be applied."""
    missing = []
    os.setsid()  # its own process group, so the grader can kill it with everything it started
    _quiet_standard_streams()
    workdir = spec.workdir
    if spec.uid is not None:
        workdir, missing = _isolate(spec)
    os.chdir(workdir)
    _scrub_environment(workdir)
    _set_limits(spec.limits, unprivileged=spec.uid is not None)
    if sys.platform.startswith("linux") and not namespaces.no_new_privileges():
        missing.append("no new privileges")
    if spec.uid is not None:
        os.setgroups([])
        os.setgid(spec.uid)
        os.setuid(spec.uid)
    return missing


def _isolate(spec: Confinement) -> tuple[str, list[str]]:
    """New namespaces and a fresh root; the working folder as the worker will see it."""
    if not (spec.own_pids and namespaces.unshare()):  # /proc in the fresh root needs both
        return spec.workdir, ["network namespace", "private IPC and process namespaces",
                              "a file system that shows only Python (default deny)"]
    new_root = os.path.join(spec.workdir, ".root")
    try:
        rootfs.make_private()
        os.mkdir(new_root, 0o755)
        workdir, missing = rootfs.build(new_root, spec.workdir, spec.uid, spec.limits.disk_mb, spec.hide), []
    except OSError as error:  # no fresh root (a cut-down container?): hide at least what the grader names
        workdir, missing = spec.workdir, [f"a file system that shows only Python ({error})"]
        _hide(spec.hide)
    return workdir, missing


def _hide(paths: list[str]) -> None:
    try:
        rootfs.make_private()
        for path in paths:
            rootfs.cover(path)
    except OSError:
        pass


def _quiet_standard_streams() -> None:
    """Output written straight to file descriptors 1 and 2 must not reach the grader's terminal."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _scrub_environment(workdir: str) -> None:
    keep = {"PATH": "/usr/bin:/bin", "HOME": workdir, "LANG": "C.UTF-8", "MPLBACKEND": "Agg",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "TMPDIR": "/tmp", "MPLCONFIGDIR": f"{workdir}/.matplotlib", "IPYTHONDIR": f"{workdir}/.ipython"}
    os.environ.clear()
    os.environ.update(keep)


def _set_limits(limits: Limits, unprivileged: bool) -> None:
    mb = 2**20
    address_space = _current_address_space() + limits.memory_mb * mb
    _limit(resource.RLIMIT_AS, address_space)
    _limit(resource.RLIMIT_CPU, limits.cpu_seconds)
    _limit(resource.RLIMIT_FSIZE, limits.file_mb * mb)
    _limit(resource.RLIMIT_NOFILE, limits.open_files)
    _limit(resource.RLIMIT_CORE, 0)
    if unprivileged:  # RLIMIT_NPROC counts every process of the user: only safe for a private uid
        _limit(resource.RLIMIT_NPROC, limits.processes)


def _limit(kind: int, value: int) -> None:
    soft, hard = resource.getrlimit(kind)
    value = value if hard == resource.RLIM_INFINITY else min(value, hard)
    resource.setrlimit(kind, (value, value))


def _current_address_space() -> int:
    """The warm parent already maps numpy and IPython: the limit is on top of that."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0

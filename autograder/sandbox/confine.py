"""Confine the current (freshly forked) process before it runs student code.

Each protection is applied where the OS allows it: a new network namespace and mount namespace
with the course's files hidden, and an unprivileged user, only when running as root on Linux;
resource limits and a scrubbed environment everywhere.
"""
from __future__ import annotations

import ctypes
import os
import resource
import sys
import sysconfig
from dataclasses import dataclass, field

CLONE_NEWNS, CLONE_NEWNET = 0x00020000, 0x40000000
MS_RDONLY, MS_BIND, MS_REC, MS_PRIVATE = 1, 4096, 16384, 1 << 18


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 60
    memory_mb: int = 2048
    processes: int = 32
    file_mb: int = 16
    open_files: int = 256


@dataclass
class Confinement:
    workdir: str
    limits: Limits
    uid: int | None = None          # run as this user and group when root
    hide: list[str] = field(default_factory=list)  # paths made empty (directories) or /dev/null (files)


def protections_available() -> dict[str, bool]:
    """What this machine lets the sandbox do; the grader reports what is missing, once."""
    root = hasattr(os, "geteuid") and os.geteuid() == 0 and sys.platform.startswith("linux")
    return {"network namespace": root, "hidden course files": root, "private temporary folders": root,
            "unprivileged user": root, "resource limits": hasattr(resource, "setrlimit")}


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
    if spec.uid is not None:
        missing += _namespaces(spec.workdir, spec.hide)
    os.chdir(spec.workdir)
    _scrub_environment(spec.workdir)
    _set_limits(spec.limits, unprivileged=spec.uid is not None)
    if spec.uid is not None:
        os.setgroups([])
        os.setgid(spec.uid)
        os.setuid(spec.uid)
    return missing


def _quiet_standard_streams() -> None:
    """Output written straight to file descriptors 1 and 2 must not reach the grader's terminal."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _namespaces(workdir: str, hide: list[str]) -> list[str]:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNS | CLONE_NEWNET) != 0:
        return ["network namespace", "hidden course files", "private temporary folders"]
    libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None)  # our mounts stay ours
    needed = _needed(workdir)  # what the worker must still read (and write: its folder)
    failed = []
    for home in _private_homes():  # e.g. /root, where pyenv keeps Python
        failed += _cover(libc, home, _below(home, needed), b"mode=755,size=64k")
    for shared in ("/tmp", "/var/tmp", "/dev/shm"):  # other graders' files, and a place to leave files
        if os.path.isdir(shared):
            failed += _cover(libc, shared, _below(shared, needed), b"mode=1777,size=64m")
    for path in hide:  # last: a folder kept above may hold some of these (a checkout in /tmp)
        if os.path.isdir(path):
            ok = libc.mount(b"tmpfs", path.encode(), b"tmpfs", MS_RDONLY, b"size=4k") == 0
        elif os.path.exists(path):
            ok = libc.mount(b"/dev/null", path.encode(), None, MS_BIND, None) == 0
        else:
            continue
        if not ok:
            failed.append(f"hiding {path}")
    return failed


def _needed(workdir: str) -> list[str]:
    """The working folder, Python's installation and environment, and the kit's own package."""
    import autograder

    paths = {workdir, sys.base_prefix, sys.prefix, *sysconfig.get_paths().values(),
             os.path.dirname(autograder.__file__)}
    return sorted({os.path.realpath(p) for p in paths if os.path.isdir(p)})


def _below(folder: str, paths: list[str]) -> list[str]:
    """The paths inside `folder`, without those already inside another of them."""
    inside = [p for p in paths if p.startswith(folder + os.sep)]
    return [p for p in inside if not any(p.startswith(q + os.sep) for q in inside if q != p)]


def _cover(libc, folder: str, keep: list[str], options: bytes) -> list[str]:
    """Put an empty tmpfs over `folder`, with the folders in `keep` (below it) bound back in place."""
    handles = [(path, os.open(path, os.O_PATH | os.O_DIRECTORY)) for path in keep]
    try:
        if libc.mount(b"tmpfs", folder.encode(), b"tmpfs", 0, options) != 0:
            return [f"covering {folder}"]
        failed = []
        for path, handle in handles:
            os.makedirs(path, mode=0o755, exist_ok=True)
            source = f"/proc/self/fd/{handle}".encode()
            if libc.mount(source, path.encode(), None, MS_BIND | MS_REC, None) != 0:
                failed.append(f"keeping {path}")
        return failed
    finally:
        for _, handle in handles:
            os.close(handle)


def _private_homes() -> list[str]:
    """The topmost folders that others may not enter and that hold Python (pyenv's /root)."""
    homes = []
    for install in {os.path.realpath(p) for p in (sys.base_prefix, sys.prefix)}:
        parts = install.split(os.sep)
        for depth in range(2, len(parts)):
            folder = os.sep.join(parts[:depth])
            if not os.stat(folder).st_mode & 0o001:
                homes.append(folder)
                break
    return sorted(set(homes))


def _scrub_environment(workdir: str) -> None:
    keep = {"PATH": "/usr/bin:/bin", "HOME": workdir, "LANG": "C.UTF-8", "MPLBACKEND": "Agg",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
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

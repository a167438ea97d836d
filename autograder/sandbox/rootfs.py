"""A fresh, minimal root file system for the worker: what is not bound in does not exist.

Built in the worker's own mount namespace by the worker, before it runs student code (it is the
init of its own PID namespace, so the /proc mounted here shows only the submission's processes).
Read-only: Python's runtime and environment, the kit's student side (kitcheck, sandbox), shared
libraries. Writable: /tmp, a private tmpfs of bounded size that holds the working folder, and
three devices.
"""
from __future__ import annotations

import ctypes
import functools
import os
import platform
import shutil
import sys
import sysconfig

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MNT_DETACH = 2
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41}
READ_ONLY = MS_RDONLY | MS_NOSUID | MS_NODEV
LIBRARIES = ("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/local/lib", "/etc/ld.so.cache")
DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random")
WORKDIR = "/tmp/work"  # the worker's folder inside the new root
KIT_PARTS = ("__init__.py", "kitcheck", "sandbox")  # what the worker may import of the kit

_libc = ctypes.CDLL(None, use_errno=True)


def _mount(source, target: str, fstype, flags: int, options: str | None = None) -> None:
    enc = lambda s: s.encode() if isinstance(s, str) else s  # noqa: E731
    if _libc.mount(enc(source), target.encode(), enc(fstype), flags, enc(options)) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"mount {source} on {target}: {os.strerror(error)}")


@functools.lru_cache(maxsize=1)
def readable_paths() -> tuple[str, ...]:
    """Everything bound in read-only: the runtime, the environment, libraries, the kit's student side.
    Worked out once, in the warm parent (sysconfig takes milliseconds each time)."""
    import autograder

    kit = os.path.dirname(autograder.__file__)
    paths = [sys.base_prefix, sys.prefix, *sysconfig.get_paths().values(), *LIBRARIES,
             *(os.path.join(kit, part) for part in KIT_PARTS)]
    return tuple(p for p in dict.fromkeys(paths) if os.path.lexists(p))


def make_private() -> None:
    """Nothing mounted from now on reaches the host's mount namespace."""
    _mount(None, "/", None, MS_REC | MS_PRIVATE)


def build(new: str, host_workdir: str, uid: int, disk_mb: int, hide: list[str]) -> str:
    """Mount the new root on the empty folder `new` and switch to it; return the working folder."""
    os.umask(0o022)
    _mount("tmpfs", new, "tmpfs", MS_NOSUID | MS_NODEV, "mode=755,size=1m,nr_inodes=4096")
    _private_tmp(new, host_workdir, uid, disk_mb)  # first: Python may live under /tmp (a checkout there)
    for path in readable_paths():
        _place(new, path)
    for device in DEVICES:
        if os.path.exists(device):
            _bind(new, device, MS_NOSUID | MS_NOEXEC)
    os.makedirs(new + "/proc")
    _mount("proc", new + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    for path in hide:  # grader-only folders inside a bound one (a kit installed in site-packages)
        cover(new + os.path.realpath(path))
    _links(new)
    _pivot(new)
    _mount(None, "/", None, MS_REMOUNT | MS_BIND | READ_ONLY)  # no writing into the root itself
    return WORKDIR


def _place(new: str, path: str) -> None:
    """Bind `path` at the same place; a symbolic link (/lib -> usr/lib) is copied as a link."""
    if os.path.islink(path) and not os.path.exists(new + path):
        os.makedirs(os.path.dirname(new + path), exist_ok=True)
        os.symlink(os.readlink(path), new + path)
    real = os.path.realpath(path)
    _bind(new, real, READ_ONLY)
    if real != path and not os.path.islink(path):  # reached through a linked parent folder
        _bind(new, path, READ_ONLY)


def _bind(new: str, source: str, flags: int) -> None:
    target = new + source
    if os.path.lexists(target) and os.path.ismount(target):
        return
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "a").close()
    _mount(source, target, None, MS_BIND)  # not recursive: mounts below `source` stay out
    _mount(None, target, None, MS_REMOUNT | MS_BIND | flags)


def _private_tmp(new: str, host_workdir: str, uid: int, disk_mb: int) -> None:
    """/tmp of at most `disk_mb` MiB in all, with the working folder and its data files."""
    os.mkdir(new + "/tmp")
    _mount("tmpfs", new + "/tmp", "tmpfs", MS_NOSUID | MS_NODEV,
           f"mode=1777,size={disk_mb}m,nr_inodes={1024 * max(disk_mb, 16)}")
    work = new + WORKDIR
    os.mkdir(work, 0o700)
    os.chown(work, uid, uid)
    for name in os.listdir(host_workdir):
        source = os.path.join(host_workdir, name)
        if os.path.isfile(source) and not os.path.islink(source):
            shutil.copyfile(source, os.path.join(work, name))
            os.chown(os.path.join(work, name), uid, uid)


def cover(target: str) -> None:
    """An empty read-only folder (or /dev/null) in place of `target`."""
    if os.path.isdir(target):
        _mount("tmpfs", target, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k")
    elif os.path.exists(target):
        _mount("/dev/null", target, None, MS_BIND)


def _links(new: str) -> None:
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"),
                         ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2")):
        if not os.path.lexists(f"{new}/dev/{name}"):
            os.symlink(target, f"{new}/dev/{name}")


def _pivot(new: str) -> None:
    """Make `new` the root; the old one is detached, so no path leads back to the host."""
    os.chdir(new)
    number = SYS_PIVOT_ROOT.get(platform.machine())
    if number is not None and _libc.syscall(number, b".", b".") == 0:
        _libc.umount2(b".", MNT_DETACH)
    else:  # the worker never holds the capability that leads out of a chroot
        os.chroot(".")
    os.chdir("/")

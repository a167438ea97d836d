"""The warm parent: imports numpy and IPython (matplotlib too when the notebooks plot) once, then
forks a worker per request.

Started by the grader as `python -m autograder.sandbox.zygote FD [FD ...]` with a clean environment;
it never imports the grader's modules (tests, solutions, gradebook), so a forked worker holds none
of them. Each FD is a grader process's control socket. The first message on the first one says
whether the assignment plots (matplotlib is imported then: a parent without it forks workers that
cost less CPU, and a batch starts its parents before it knows); then the process forks a copy of
itself for every FD after the first, so a batch's parents import once. A request carries the
worker's socket (passed as a file descriptor) and its confinement.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy: a forked child has one thread
os.environ.setdefault("MPLBACKEND", "Agg")

import signal  # noqa: E402
import socket  # noqa: E402
import sys  # noqa: E402

import numpy  # noqa: E402,F401

import autograder.sandbox.kernel_setup  # noqa: E402,F401 (notebooks `import kitcheck`: the kit's copy)
from autograder.sandbox import channel, namespaces  # noqa: E402
from autograder.sandbox.confine import Confinement, Limits, confine  # noqa: E402
from autograder.sandbox.rootfs import readable_paths  # noqa: E402
from autograder.sandbox.worker import Worker, make_shell  # noqa: E402


def warm():
    """The shell every worker starts from, with what it needs read once."""
    shell = make_shell()
    readable_paths()  # once, for every worker
    return shell


def plot(shell) -> None:
    """Warm for notebooks that plot: their workers would each import matplotlib otherwise."""
    import matplotlib.pyplot  # noqa: F401

    shell.run_line_magic("matplotlib", "inline")


def one_each(controls: list[socket.socket]) -> socket.socket:
    """A warm copy of this process for every control socket after the first (a fork costs
    milliseconds, the imports a third of a second of CPU, twice that with matplotlib). Like this
    one, a copy ends when its control socket closes. The control socket this process serves."""
    for control in controls[1:]:
        if os.fork() == 0:
            for other in controls:
                if other is not control:
                    other.close()
            return control
        control.close()
    return controls[0]


def serve(control: socket.socket, shell) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, 1 << 16, 1)
        except OSError:
            return
        if not message or not fds:
            return
        request = channel.loads(message[channel.HEADER.size:])
        own_pids = request.get("uid") is not None and namespaces.new_pid_namespace()
        pid = os.fork()
        if pid == 0:
            control.close()
            _run_worker(socket.socket(fileno=fds[0]), request, shell, own_pids)
        if own_pids:
            namespaces.own_pid_namespace()
        os.close(fds[0])
        channel.send(control, {"pid": pid})


def _run_worker(sock: socket.socket, request: dict, shell, own_pids: bool) -> None:
    code = 0
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        spec = Confinement(workdir=request["workdir"], limits=Limits(**request["limits"]),
                           uid=request.get("uid"), hide=request.get("hide", []), own_pids=own_pids)
        missing = confine(spec)
        channel.send(sock, {"ready": True, "missing": missing})
        Worker(sock, shell, request.get("output_limit", 1 << 20)).serve()
    except BaseException:  # whatever happens, the child must never return into the zygote's loop
        code = 1
    finally:
        os._exit(code)


def main(controls: list[socket.socket]) -> None:
    shell = warm()
    try:
        plotting = channel.receive(controls[0]).get("plotting")
    except channel.ChannelClosed:  # the grader went before it knew
        return
    if plotting:
        plot(shell)
    serve(one_each(controls), shell)


if __name__ == "__main__":
    main([socket.socket(fileno=int(fd)) for fd in sys.argv[1:]])

"""Servers the tests and `make bench-cluster` start for themselves, on this machine only: a
PostgreSQL server (Debian's binaries) and a Dask cluster (a scheduler and workers, each a
separate process started with Dask's own commands). Each stops what it started, by process id.
"""
from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
POSTGRES_USER = "autograder"
UNPRIVILEGED = "nobody"  # PostgreSQL refuses to run as root


class Unavailable(Exception):
    """The service cannot be started on this machine; the message says why (a test skips with it)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin() -> Path:
    """The folder of PostgreSQL's server programs: on PATH, or Debian's /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if versions:
        return Path(versions[-1]).parent
    raise Unavailable("PostgreSQL's initdb is not installed (`make postgresql` installs Debian's package)")


class PostgresServer:
    """A throw-away PostgreSQL server on 127.0.0.1: initdb into a temporary folder, run as an
    unprivileged user (`nobody` when the tests run as root), trust authentication, no unix socket.
    `durable=False` turns fsync off: fine for tests, not for a benchmark of writes."""

    def __init__(self, durable: bool = False):
        self.bin = postgres_bin()
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="autograder-postgres-"))  # not under pytest's 0700 folders
        self.data = self.folder / "data"
        self.as_user = {}
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam(UNPRIVILEGED)
            except KeyError:
                raise Unavailable(f"running as root, and there is no user {UNPRIVILEGED!r} to run PostgreSQL as")
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.as_user = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        self.options = f"-h 127.0.0.1 -p {self.port} -k ''" + ("" if durable else " -F -c synchronous_commit=off")

    def start(self) -> "PostgresServer":
        try:
            self._run("initdb", "-D", str(self.data), "-U", POSTGRES_USER, "--auth=trust", "-E", "UTF8",
                      "--no-instructions")
            self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", self.options,
                      "-w", "-t", "60", "start")
        except BaseException:
            self.stop()
            raise
        return self

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run([str(self.bin / program), *args], capture_output=True, text=True, timeout=120,
                              cwd=self.folder, **self.as_user)
        if done.returncode != 0:
            log = self.folder / "server.log"
            raise Unavailable(f"{program} failed: {done.stderr.strip()[-2000:]}"
                              + (f"\n{log.read_text()[-2000:]}" if log.is_file() else ""))

    def database(self, name: str) -> str:
        """A new, empty database; its URL as nbgrader's db_url takes it."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=POSTGRES_USER, dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://{POSTGRES_USER}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=60, cwd=self.folder, **self.as_user)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "PostgresServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class DaskCluster:
    """`dask scheduler` and `workers` times `dask worker` (one process, one thread each, under a
    nanny, the kit imported at start, as the README starts them), on 127.0.0.1; each command in its
    own process group."""

    def __init__(self, workers: int = 2, folder: Path | None = None):
        self.own_folder = folder is None  # removed at stop: logs are kept only where the caller asked
        self.folder = Path(folder or tempfile.mkdtemp(prefix="autograder-dask-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        self.workers = workers
        self.scheduler: subprocess.Popen | None = None
        self.worker_processes: list[subprocess.Popen] = []
        self.address = ""

    def start(self) -> "DaskCluster":
        self.start_scheduler()
        for index in range(self.workers):
            self.start_worker(f"worker-{index}")
        self.wait_for_workers(self.workers)
        return self

    def start_scheduler(self, port: int | None = None) -> None:
        info = self.folder / "scheduler.json"
        info.unlink(missing_ok=True)
        port = port or _free_port()
        self.scheduler = self._spawn("scheduler", "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                     "--no-dashboard", "--scheduler-file", str(info))
        deadline = time.monotonic() + 60
        while not info.is_file() or not info.read_text().strip():
            if time.monotonic() > deadline or self.scheduler.poll() is not None:
                raise Unavailable(f"dask scheduler did not start:\n{self.log('scheduler')}")
            time.sleep(0.1)
        self.address = json.loads(info.read_text())["address"]

    def start_worker(self, name: str) -> None:
        self.worker_processes.append(self._spawn(name, "dask", "worker", self.address, "--name", name,
                                                 "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                                                 "--preload", "autograder.pipeline.cluster_worker",
                                                 "--local-directory", str(self.folder / name)))

    def _spawn(self, log: str, *command: str) -> subprocess.Popen:
        return subprocess.Popen([str(BIN / command[0]), *command[1:]], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=open(self.folder / f"{log}.log", "ab"),
                                start_new_session=True, cwd=self.folder)

    def wait_for_workers(self, count: int, seconds: float = 120) -> None:
        from distributed import Client

        with Client(self.address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(count, timeout=seconds)

    def worker_pids(self) -> dict[str, int]:
        """Dask's worker name -> the pid of the process that grades (the nanny's child)."""
        from distributed import Client

        with Client(self.address, timeout=30, set_as_default=False) as client:
            pids = client.run(os.getpid)
            names = {address: info["name"] for address, info in client.scheduler_info()["workers"].items()}
        return {str(names[address]): pid for address, pid in pids.items()}

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.is_file() else ""

    def stop_scheduler(self) -> None:
        _stop(self.scheduler)

    def stop(self) -> None:
        for process in [*self.worker_processes, self.scheduler]:
            _stop(process)
        self.worker_processes = []
        if self.own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "DaskCluster":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


def _stop(process: subprocess.Popen | None) -> None:
    """End a command started here and everything in its process group (a worker's nanny and child)."""
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)

"""The sandbox denies by default (DESIGN.md section 6), with bait planted on the host.

tests/test_hostile.py grades every hostile submission in one batch; some attacks only show when
there is something on the host to find. Here the test plants it, outside the course, before
grading the hostile submissions that look for it: a copy of solutions/, a world-writable folder,
a unix socket server, a setuid-root program and a process with a secret on its command line.
Then: a batch of slow, hanging and flooding submissions ends within the budget per submission,
and a forged huge reply leaves the grader's memory small.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from autograder.commands.grade import grade
from autograder.config import load_config
from tests.students import source_of
from tests.test_hostile import (HOSTILE, REPO, Hostile, RecordingServer, _hostile_source, _new_course,
                                _read_results, _submit_source, assert_others_as_reference, find, has_code,
                                processes_named, reported_codes)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0 and sys.platform.startswith("linux")
pytestmark = pytest.mark.skipif(not IS_ROOT, reason="the default-deny sandbox needs root on Linux")

BAITED = ["read_solutions_elsewhere", "write_world_writable", "sysv_ipc_leave", "sysv_ipc_pick",
          "unix_socket_host", "read_host_cmdline", "setuid_survivor"]
SLOW = ["sleep_under_limit", "hang_replay", "infinite_loop", "print_flood", "forged_reply_huge"]
BUDGET = 12.0  # seconds per submission in the slow batch (the course's setting is larger)
PEAK_MB = 500


def cases(names: list[str]) -> list[Hostile]:
    found = {c.name: c for c in HOSTILE if c.assignment == "vectorization"}
    return [found[name] for name in names]


class UnixServer(RecordingServer):
    """A unix socket bound to a path on the host, as a service of the grader's machine would be."""

    def __init__(self, path: Path):
        listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listening.bind(str(path))
        os.chmod(path, 0o777)
        listening.listen()
        super().__init__(listening)


def sysv_keys() -> set[int]:
    """Keys of the host's SysV shared memory segments and message queues."""
    keys = set()
    for table in ("shm", "msg"):
        lines = Path(f"/proc/sysvipc/{table}").read_text().splitlines()[1:]
        keys |= {int(line.split()[0]) for line in lines if line.split()}
    return keys


def grade_batch(root: Path, students: dict[str, str], jobs: int = 2) -> tuple[dict, float]:
    sources = root.parent / "sources"
    for student, source in students.items():
        _submit_source(root, sources, "vectorization", student, source)
    started = time.monotonic()
    graded = {g.student: g for g in grade(root, "vectorization", list(students), jobs=jobs, feedback=False)}
    return graded, time.monotonic() - started


def assert_costs_only_itself(root: Path, case: Hostile, reference: dict) -> None:
    document = _read_results(root, "vectorization", case.student)
    test = find(document, case.unit, "tests")
    if case.expect != "any outcome":
        assert test["score"] == 0, f"{case.name}: {case.unit} earned {test['score']}:\n{test['output'][:1000]}"
    if case.codes:
        assert has_code(reported_codes(document, test), case.codes), f"{case.name}: {test['output'][:1000]}"
    for word in case.mentions:
        assert word in f"{test['output']}\n{document['output']}".lower(), f"{case.name}: {test['output'][:1000]}"
    if case.others_as_reference:
        assert_others_as_reference(document, reference, f"{case.unit}: tests")


# ---------------------------------------------------------------------------------------------
# Bait on the host
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def baited(tmp_path_factory):
    token = "hx" + os.urandom(3).hex()
    root = _new_course(tmp_path_factory.mktemp("deny") / "course")
    place = next((p for p in ("/srv", "/opt") if os.path.isdir(p)), tempfile.gettempdir())  # outside the course
    bait = Path(tempfile.mkdtemp(prefix="autograder-bait-", dir=place))
    os.chmod(bait, 0o755)
    shutil.copytree(REPO / "solutions", bait / "kit" / "solutions")  # another checkout of the kit
    (bait / "open").mkdir(mode=0o777)
    os.chmod(bait / "open", 0o777)
    program = bait / f"{token}u"
    shutil.copy(shutil.which("sleep"), program)
    os.chmod(program, 0o4755)  # setuid root
    server = UnixServer(bait / "grader.sock")
    secret = subprocess.Popen(["sleep", "300", f"{token}-secret"])
    fill = {"__TOKEN__": token, "__PORT__": "9", "__CANARY__": str(bait / "open"), "__COURSE__": str(root)}
    students = {c.student: _hostile_source(c, fill) for c in cases(BAITED)}
    students["reference"] = source_of("vectorization", "reference")
    try:
        graded, _ = grade_batch(root, students)
        time.sleep(2)  # a survivor acts once its worker is gone
        yield {"root": root, "graded": graded, "token": token, "server": server, "bait": bait,
               "open": sorted(os.listdir(bait / "open")), "keys": sysv_keys(),
               "lingering": processes_named(token)}
    finally:
        server.close()
        secret.kill()
        for pid in processes_named(token):
            os.kill(pid, 9)
        shutil.rmtree(bait, ignore_errors=True)


@pytest.mark.parametrize("name", BAITED)
def test_a_baited_attack_costs_only_its_own_function(baited, name):
    (case,) = cases([name])
    reference = _read_results(baited["root"], "vectorization", "reference")
    assert_costs_only_itself(baited["root"], case, reference)


def test_the_honest_student_is_untouched_by_the_bait(baited):
    reference = _read_results(baited["root"], "vectorization", "reference")
    assert reference["score"] == reference["max_score"]


def test_nothing_reaches_the_hosts_files_sockets_ipc_or_processes(baited):
    assert baited["open"] == [], "files left in a world-writable host folder"
    assert baited["server"].received == [], "a unix socket bound on the host was reached"
    key = int(baited["token"][2:], 16) * 16 + 1
    assert key not in baited["keys"], "SysV IPC objects outlived their submission"
    assert baited["lingering"] == {}, "a process of a submission (setuid or background) outlived its grading"


# ---------------------------------------------------------------------------------------------
# The budget per submission
# ---------------------------------------------------------------------------------------------
def test_slow_hanging_and_flooding_submissions_end_within_the_budget(tmp_path):
    root = _new_course(tmp_path / "course")
    with open(root / "course_config.py", "a") as config:
        config.write(f"\nc.SandboxExecute.submission_seconds = {BUDGET}\n")
    load_config.cache_clear()  # releasing the course read it already
    fill = {"__TOKEN__": "hx" + os.urandom(3).hex(), "__PORT__": "9", "__CANARY__": str(tmp_path),
            "__COURSE__": str(root)}
    students = {c.student: _hostile_source(c, fill) for c in cases(SLOW)}
    students["reference"] = source_of("vectorization", "reference")
    graded, seconds = grade_batch(root, students)
    print(f"slow batch: {len(SLOW)} hostile + 1 honest in {seconds:.1f} s; per submission "
          + ", ".join(f"{s}: {g.seconds:.1f} s" for s, g in graded.items()))
    assert seconds <= BUDGET * len(SLOW)
    assert all(g.seconds <= BUDGET + 5 for g in graded.values())
    reference = _read_results(root, "vectorization", "reference")
    assert reference["score"] == reference["max_score"]
    for case in cases(SLOW):
        assert_costs_only_itself(root, case, reference)


# ---------------------------------------------------------------------------------------------
# The grader's memory against a forged reply
# ---------------------------------------------------------------------------------------------
GRADE_AND_MEASURE = """
import json, resource, sys
from pathlib import Path
from autograder.commands.grade import grade
from autograder.config import load_config
grade(Path(sys.argv[1]), "vectorization", [sys.argv[2]], jobs=1, feedback=False)
# this process's own peak (VmHWM): Linux's ru_maxrss keeps the parent's across exec (here pytest's)
peak = [int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(json.dumps({"peak_mb": (peak[0] if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024}))
"""


def test_a_forged_huge_reply_leaves_the_graders_memory_small(tmp_path):
    root = _new_course(tmp_path / "course")
    (case,) = cases(["forged_reply_huge"])
    fill = {"__TOKEN__": "hx000000", "__PORT__": "9", "__CANARY__": str(tmp_path), "__COURSE__": str(root)}
    _submit_source(root, tmp_path / "sources", "vectorization", case.student, _hostile_source(case, fill))
    done = subprocess.run([sys.executable, "-c", GRADE_AND_MEASURE, str(root), case.student], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    peak = json.loads(done.stdout.strip().splitlines()[-1])["peak_mb"]
    print(f"grader peak RSS with a forged 30 MB reply: {peak:.0f} MB")
    assert peak < PEAK_MB
    document = _read_results(root, "vectorization", case.student)
    test = find(document, "softmax", "tests")
    assert test["score"] == 0 and "KILLED" in reported_codes(document, test) and "limit" in test["output"]


# ---------------------------------------------------------------------------------------------
# What the worker sees
# ---------------------------------------------------------------------------------------------
def test_the_worker_sees_only_python_its_folder_and_its_own_processes(tmp_path):
    from autograder.sandbox.client import Sandbox
    from autograder.sandbox.confine import Limits
    from autograder.sandbox.session import Session

    (tmp_path / "data.txt").write_text("data")
    session = Session(Sandbox([tmp_path / "data.txt"], Limits(), hide=[])).start()
    try:
        probe = ("import os, json, socket\n"
                 "status = dict(l.split(':', 1) for l in open('/proc/self/status') if ':' in l)\n"
                 "print(json.dumps({'top': sorted(os.listdir('/')), 'tmp': sorted(os.listdir('/tmp')),"
                 " 'here': sorted(os.listdir('.')), 'pids': [p for p in os.listdir('/proc') if p.isdigit()],"
                 " 'nnp': status['NoNewPrivs'].strip(), 'host': socket.gethostname(), 'uid': os.getuid(),"
                 " 'etc': sorted(os.listdir('/etc')), 'repo': os.path.exists(%r)}))" % str(REPO / "solutions"))
        (output,) = session.run_cell(probe)
    finally:
        session.stop()
    seen = json.loads(output["text"])
    assert seen["repo"] is False and seen["etc"] == ["ld.so.cache"]
    assert set(seen["top"]) <= {"proc", "dev", "etc", "lib", "lib64", "usr", "tmp", *REPO.parts[1:2],
                                *Path(sys.base_prefix).parts[1:2], *Path(sys.prefix).parts[1:2]}
    # /tmp is the worker's own; a checkout or an environment that lives under /tmp (a CI clone) is
    # bound into it read-only, at its own path
    under_tmp = {Path(p).parts[2] for p in (REPO, sys.prefix, sys.base_prefix) if Path(p).parts[1:2] == ("tmp",)}
    assert sorted(seen["tmp"]) == sorted({"work"} | under_tmp) and seen["here"] == ["data.txt"]
    assert seen["pids"] == ["1"], "a fresh /proc shows the worker alone, the init of its own namespace"
    assert seen["nnp"] == "1" and seen["host"] == "sandbox" and seen["uid"] != 0

"""Hostile and broken submissions graded in one batch with honest students (DESIGN.md section 6).

Per assignment, one batch holds honest students (tests/students.py), every hostile submission of
tests/hostile/<assignment>/ and the malformed notebooks of tests/broken/, graded with
`grade(..., jobs=2)`. The honest students are also graded alone, one at a time, in another copy of
the course. The tests then read what an instructor reads (results.json, the gradebook) and what must
not have happened (files outside the sandbox, processes left behind, connections made):

- each hostile or broken submission costs its own function (or, if it cannot be graded at all, its
  own submission), with the cause named by a code;
- every honest student scores exactly what they score alone;
- the gradebook holds only the grader's scores and no text a student planted;
- no file appears or changes outside the sandbox, no process of a submission outlives its grading,
  no connection reaches a loopback server.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook, MissingEntry

from autograder.authoring.course_copy import copy_course
from autograder.authoring.submissions import fill_notebook, split_by_unit, write_submission
from autograder.commands.grade import grade
from autograder.config import load_config, units
from tests.broken.notebooks import BROKEN, BROKEN_LOGISTIC_REGRESSION, Broken
from tests.students import reference_source, source_of, variant

REPO = Path(__file__).resolve().parent.parent
HOSTILE_DIR = Path(__file__).resolve().parent / "hostile"

ASSIGNMENTS = ["vectorization", "logistic_regression"]
HONEST = {
    "vectorization": ["reference", "rank1_image", "softmax_crash", "other_styles"],
    "logistic_regression": ["reference", "int_bias", "mean_and_einsum"],
}
# The broken notebooks that keep a wrong function use this one (it fails with VALUE when graded).
WRONG = {
    "vectorization": ("relu", "def relu(v):\n    return np.abs(v)"),
    "logistic_regression": ("predict", "def predict(w, b, X):\n    return (sigmoid(np.dot(w.T, X) + b) >= 0.5).astype(float)"),
}
OTHER_ASSIGNMENT = "broadcasting"  # no function name in common with the two above

CODE_WORD = re.compile(r"\b[A-Z][A-Z_]{3,}[0-9]*\b")
LATE_WRITER_WAIT = 2.0  # a late writer acts as soon as its submission's worker is gone; give it time
GRACE_SECONDS = 2.0  # a submission's processes may take this long to die after its results are written
SECONDS_PER_SUBMISSION = 60.0
RESULTS_JSON_BYTES = 1_000_000
GRADED_NOTEBOOK_BYTES = 4_000_000
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NEEDS_ROOT = "without root the grader runs student code as its own user, with no network namespace"


# ---------------------------------------------------------------------------------------------
# The cases
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hostile:
    assignment: str
    name: str
    text: str
    unit: str
    expect: str  # "codes", "failure" or "any outcome"
    codes: frozenset[str] = frozenset()
    mentions: tuple[str, ...] = ()
    others_as_reference: bool = False
    requires_root: bool = False
    process_names: tuple[str, ...] = ()  # what its processes and threads call themselves, after the token

    @property
    def student(self) -> str:
        return f"hostile_{self.name}"


def _header(text: str) -> dict[str, str]:
    fields = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].partition(":")
        if value and key.strip() in {"unit", "expect", "mentions", "others", "requires"}:
            fields[key.strip()] = value.strip()
    return fields


def load_hostile() -> list[Hostile]:
    cases = []
    for assignment in ASSIGNMENTS:
        for path in sorted((HOSTILE_DIR / assignment).glob("*.py")):
            text = path.read_text()
            fields = _header(text)
            expect = fields["expect"]
            codes = frozenset() if expect in ("failure", "any outcome") else frozenset(expect.split(" or "))
            cases.append(Hostile(
                assignment=assignment, name=path.stem, text=text, unit=fields["unit"],
                expect="codes" if codes else expect, codes=codes,
                mentions=tuple(fields["mentions"].split()) if "mentions" in fields else (),
                others_as_reference=fields.get("others") == "reference",
                requires_root=fields.get("requires") == "root",
                process_names=tuple(re.findall(r'b"__TOKEN__(\w+)"', text)),
            ))
    return cases


HOSTILE = load_hostile()
BROKEN_CASES = [(assignment, case) for assignment in ASSIGNMENTS for case in BROKEN
                if assignment == "vectorization" or case.name in BROKEN_LOGISTIC_REGRESSION]


def broken_student(case: Broken) -> str:
    return f"broken_{case.name}"


def batch_students(assignment: str) -> list[str]:
    """Hostile and broken first, honest last: a grader that runs them in order lets any damage
    done by the first reach the honest ones."""
    return ([c.student for c in HOSTILE if c.assignment == assignment]
            + [broken_student(c) for a, c in BROKEN_CASES if a == assignment]
            + HONEST[assignment])


# ---------------------------------------------------------------------------------------------
# What is looked at before and after grading
# ---------------------------------------------------------------------------------------------
GRADER_OUTPUTS = {"autograded", "feedback", "gradebook.db", "gradebook.db-journal", "gradebook.db-wal",
                  "gradebook.db-shm"}


def tree_state(root: Path, skip: set[str] = frozenset()) -> dict[str, str]:
    """Every file and folder under root (but the top-level names in `skip`) with its content hash."""
    import hashlib

    state = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] in skip:
            continue
        if path.is_symlink():
            state[str(relative)] = "symlink -> " + os.readlink(path)
        elif path.is_dir():
            state[str(relative)] = "folder"
        else:
            state[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def token_files(token: str, places: list[Path]) -> list[Path]:
    """Files whose name holds the run's token, in the places a hostile cell could have written to."""
    found = []
    for place, depth in places:
        stack = [(place, 0)]
        while stack:
            folder, level = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if token in entry.name:
                    found.append(Path(entry.path))
                if level < depth and entry.is_dir(follow_symlinks=False) and entry.path not in ("/proc", "/sys"):
                    stack.append((entry.path, level + 1))
    return sorted(set(found))


def processes_named(token: str) -> dict[int, str]:
    """Live processes and threads whose name starts with the token (hostile cells name theirs)."""
    found = {}
    for task in Path("/proc").glob("[0-9]*/task/[0-9]*"):
        try:
            name = (task / "comm").read_text().strip()
            state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if name.startswith(token) and state not in ("Z", "X"):
            found[int(task.name)] = name
    return found


class ProcessWatch:
    """While grading runs, notes when each process or thread named after the token was last alive."""

    def __init__(self, token: str):
        self.token, self.last_seen = token, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self):
        while not self._stop.is_set():
            now = time.time()
            for name in processes_named(self.token).values():
                self.last_seen[name] = now
            self._stop.wait(0.2)

    def close(self):
        self._stop.set()
        self._thread.join(timeout=5)


class RecordingServer:
    """A listening socket that records every connection made to it (what the submission sent)."""

    def __init__(self, listening: socket.socket):
        self.socket = listening
        self.socket.settimeout(0.2)
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    self.received.append(connection.recv(100) or b"(connected)")
                except OSError:
                    self.received.append(b"(connected)")

    def close(self):
        self._stop.set()
        self._thread.join(timeout=5)
        self.socket.close()


class LoopbackServer(RecordingServer):
    """A TCP server on 127.0.0.1."""

    def __init__(self):
        super().__init__(socket.create_server(("127.0.0.1", 0)))
        self.port = self.socket.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# The batch
# ---------------------------------------------------------------------------------------------
@dataclass
class Batch:
    root: Path
    token: str
    server: LoopbackServer
    graded: dict = field(default_factory=dict)  # (assignment, student) -> Graded
    results: dict = field(default_factory=dict)  # (assignment, student) -> results.json
    alone: dict = field(default_factory=dict)  # (assignment, student) -> results.json graded alone
    course_before: dict = field(default_factory=dict)
    course_after: dict = field(default_factory=dict)
    canary_before: dict = field(default_factory=dict)
    canary_after: dict = field(default_factory=dict)
    stray_files: list = field(default_factory=list)
    lingering: dict = field(default_factory=dict)  # token-named processes alive at the very end
    last_seen: dict = field(default_factory=dict)  # token-named process -> when it was last alive
    crashed: dict = field(default_factory=dict)  # assignment -> traceback of grade() raising


def _new_course(folder: Path) -> Path:
    """A course root with the repo's assignments and configuration, released."""
    return copy_course(REPO, folder, [*ASSIGNMENTS, OTHER_ASSIGNMENT])


def _unit_names(assignment: str) -> set[str]:
    return {u.name for u in units(REPO, assignment)}


def _hostile_source(case: Hostile, fill: dict[str, str]) -> str:
    text = case.text
    for placeholder, value in fill.items():
        text = text.replace(placeholder, value)
    chunks = split_by_unit(text, _unit_names(case.assignment))
    assert case.unit in chunks, f"{case.name}: no def of {case.unit}"
    return variant(case.assignment, **chunks)


def _submit_source(root: Path, sources: Path, assignment: str, student: str, source: str) -> None:
    path = sources / student / f"{assignment}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    write_submission(root / "release" / assignment / f"{assignment}.ipynb", path,
                     root / "submitted" / student / assignment)


def _submit_broken(root: Path, assignment: str, case: Broken) -> None:
    release_nb = nbformat.read(root / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    other_nb = nbformat.read(root / "release" / OTHER_ASSIGNMENT / f"{OTHER_ASSIGNMENT}.ipynb", as_version=4)
    unit, wrong_code = WRONG[assignment]
    content = case.build(
        fill_notebook(release_nb, reference_source(assignment)),
        fill_notebook(release_nb, variant(assignment, **{unit: wrong_code})),
        fill_notebook(other_nb, reference_source(OTHER_ASSIGNMENT)),
        unit,
    )
    folder = root / "submitted" / broken_student(case) / assignment
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{assignment}.ipynb").write_bytes(content)


def _read_results(root: Path, assignment: str, student: str) -> dict | None:
    path = root / "autograded" / student / assignment / "results.json"
    return json.loads(path.read_text()) if path.is_file() else None


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Batch:
    token = "hx" + secrets.token_hex(3)
    released = _new_course(tmp_path_factory.mktemp("hostile_course"))
    alone_root = tmp_path_factory.mktemp("alone_course") / "course"
    shutil.copytree(released, alone_root)
    sources = tmp_path_factory.mktemp("hostile_sources")
    canary = tmp_path_factory.mktemp("canary")
    (canary / "canary.txt").write_text("untouched\n")
    server = LoopbackServer()
    watch = ProcessWatch(token)
    state = Batch(root=released, token=token, server=server)
    fill = {"__TOKEN__": token, "__PORT__": str(server.port), "__CANARY__": str(canary),
            "__COURSE__": str(released)}
    places = [(Path("/"), 1), (Path("/tmp"), 2), (Path("/var/tmp"), 1), (Path("/dev/shm"), 1),
              (Path.home(), 1), (released.parent, 6), (canary, 2)]
    try:
        # Honest students alone, one at a time, in a copy of the course.
        for assignment in ASSIGNMENTS:
            for student in HONEST[assignment]:
                _submit_source(alone_root, sources / "alone", assignment, student, source_of(assignment, student))
                grade(alone_root, assignment, [student], jobs=1)
                state.alone[assignment, student] = _read_results(alone_root, assignment, student)

        # Everyone together.
        for assignment in ASSIGNMENTS:
            for case in (c for c in HOSTILE if c.assignment == assignment):
                _submit_source(released, sources, assignment, case.student, _hostile_source(case, fill))
            for case in (c for a, c in BROKEN_CASES if a == assignment):
                _submit_broken(released, assignment, case)
            for student in HONEST[assignment]:
                _submit_source(released, sources, assignment, student, source_of(assignment, student))
        state.course_before = tree_state(released, GRADER_OUTPUTS)
        state.canary_before = tree_state(canary)

        for assignment in ASSIGNMENTS:
            students = batch_students(assignment)
            try:
                for graded in grade(released, assignment, students, jobs=2):
                    state.graded[assignment, graded.student] = graded
            except Exception:  # a defect of its own (test below); results.json may still tell the rest
                state.crashed[assignment] = traceback.format_exc()
            for student in students:
                state.results[assignment, student] = _read_results(released, assignment, student)
        time.sleep(LATE_WRITER_WAIT)

        state.course_after = tree_state(released, GRADER_OUTPUTS)
        state.canary_after = tree_state(canary)
        state.stray_files = token_files(token, places)
        state.lingering = processes_named(token)
        watch.close()
        state.last_seen = dict(watch.last_seen)
        yield state
    finally:
        watch.close()
        server.close()
        for pid in processes_named(token):  # whatever a hostile cell left behind, started by this test
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        for path in token_files(token, places):
            try:
                path.unlink()
            except OSError:
                pass


# ---------------------------------------------------------------------------------------------
# Reading results
# ---------------------------------------------------------------------------------------------
def find(document: dict, unit: str, part: str) -> dict:
    return next(t for t in document["tests"] if t["name"] == f"{unit}: {part}")


def reported_codes(document: dict, test: dict) -> set[str]:
    """Codes the grader gave for a test (its codes list), or, when the whole submission could not be
    graded, the code its reason names."""
    return set(test["extra_data"]["codes"]) | set(CODE_WORD.findall(document.get("output", "")))


def has_code(reported: set[str], expected: frozenset[str]) -> bool:
    return any(code.startswith(want) for code in reported for want in expected)


def scores(document: dict) -> dict[str, tuple[float, float]]:
    return {t["name"]: (t["score"], t["max_score"]) for t in document["tests"]}


def assert_others_as_reference(document: dict, reference: dict, except_test: str) -> None:
    """Every other test scores as the reference's, with two exceptions by design: the function's
    vectorization point goes with its tests when it failed every case (NOT_WORKING), and code anywhere
    in the notebook that reaches the machinery the loop rule measures with (ctypes, sys.modules,
    patched builtins or modules, the kit's internals) costs every vectorization point (FORBIDDEN001)."""
    got, want = scores(document), scores(reference)
    assert got.keys() == want.keys()
    unit = except_test.split(": ")[0]
    excepted = {except_test} | {t["name"] for t in document["tests"] if t["name"].endswith(": vectorized") and (
        (t["name"] == f"{unit}: vectorized" and "NOT_WORKING" in t["extra_data"]["codes"])
        or set(t["extra_data"]["codes"]) == {"FORBIDDEN001"})}
    different = {name: (got[name], want[name]) for name in want if name not in excepted and got[name] != want[name]}
    assert different == {}, f"tests that score differently from the reference (got, reference): {different}"


def graded_results(batch: Batch, assignment: str, student: str) -> dict:
    document = batch.results[assignment, student]
    assert document is not None, f"no results.json for {student}"
    return document


# ---------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_grading_the_batch_never_raises_because_of_a_submission(batch, assignment):
    assert assignment not in batch.crashed, batch.crashed.get(assignment)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_submission_gets_a_result_and_results_json(batch, assignment):
    students = batch_students(assignment)
    assert sorted(s for a, s in batch.graded if a == assignment) == sorted(students)
    missing = [s for s in students if batch.results[assignment, s] is None]
    assert missing == []
    for student in students:
        document = batch.results[assignment, student]
        assert [t["name"] for t in document["tests"]] == [
            t["name"] for t in batch.alone[assignment, "reference"]["tests"]]
        if document["output"].startswith("grading failed:"):
            assert document["output"].removeprefix("grading failed:").strip(), student
            assert document["score"] == 0 and all(t["status"] == "failed" for t in document["tests"])


@pytest.mark.parametrize("assignment, student", [(a, s) for a in ASSIGNMENTS for s in HONEST[a]],
                         ids=[f"{a}-{s}" for a in ASSIGNMENTS for s in HONEST[a]])
def test_honest_student_scores_in_the_batch_what_they_score_alone(batch, assignment, student):
    alone = batch.alone[assignment, student]
    together = graded_results(batch, assignment, student)
    assert alone is not None and not alone["output"].startswith("grading failed:")
    assert [(t["name"], t["score"], t["max_score"], t["status"]) for t in together["tests"]] == [
        (t["name"], t["score"], t["max_score"], t["status"]) for t in alone["tests"]]
    assert (assignment, student) in batch.graded, "grade() returned no result for this student"
    assert batch.graded[assignment, student].error == ""


@pytest.mark.parametrize("case", HOSTILE, ids=[f"{c.assignment}-{c.name}" for c in HOSTILE])
def test_hostile_submission_costs_only_its_own_function(batch, case):
    if case.requires_root and not IS_ROOT:
        pytest.skip(NEEDS_ROOT)
    document = graded_results(batch, case.assignment, case.student)
    test = find(document, case.unit, "tests")
    assert test["extra_data"]["function"] == case.unit
    if case.expect != "any outcome":
        assert test["status"] == "failed" and test["score"] == 0, (
            f"{case.unit} earned {test['score']} with hostile code:\n{test['output'][:2000]}")
    if case.codes:
        reported = reported_codes(document, test)
        assert has_code(reported, case.codes), (
            f"expected {sorted(case.codes)}, reported {sorted(reported)}:\n{test['output'][:2000]}\n"
            f"results output: {document['output'][:500]}")
    for word in case.mentions:
        assert word.lower() in f"{test['output']}\n{document['output']}".lower(), test["output"][:2000]
    if case.others_as_reference:
        reference = batch.alone[case.assignment, "reference"]
        assert_others_as_reference(document, reference, f"{case.unit}: tests")


# A reason a student can act on names the problem, not a Python exception inside the grader.
INTERNAL_ERROR = re.compile(r"\b(KeyError|AttributeError|TypeError|IndexError|NameError|RuntimeError|Traceback)\b")


@pytest.mark.parametrize("assignment, case", BROKEN_CASES, ids=[f"{a}-{c.name}" for a, c in BROKEN_CASES])
def test_broken_notebook_costs_only_its_own_submission(batch, assignment, case):
    document = graded_results(batch, assignment, broken_student(case))
    reference = batch.alone[assignment, "reference"]
    rejected = document["output"].startswith("grading failed:")
    assert {n: top for n, (_, top) in scores(document).items()} == {n: top for n, (_, top) in scores(reference).items()}
    assert document["max_score"] == reference["max_score"]
    if case.outcome == "rejected":
        assert rejected, f"graded instead of rejected: output {document['output'][:300]!r}"
        assert any(reason.lower() in document["output"].lower() for reason in case.reasons), document["output"]
        graded = batch.graded.get((assignment, broken_student(case)))
        assert graded is not None and graded.error, "grade() returned no error for this student"
    if rejected:
        assert case.outcome in ("rejected", "repaired or rejected", "zero", "harmless"), document["output"]
        assert not INTERNAL_ERROR.search(document["output"]), f"not a reason a student can act on: {document['output']}"
    if case.outcome in ("rejected", "zero") or rejected:
        assert document["score"] == 0 and all(t["status"] == "failed" for t in document["tests"])
    if case.outcome in ("repaired", "repaired or rejected") and not rejected:
        unit = WRONG[assignment][0]
        test = find(document, unit, "tests")
        assert test["status"] == "failed" and test["score"] == 0, test["output"][:2000]
        assert_others_as_reference(document, reference, f"{unit}: tests")
    if case.outcome == "harmless" and not rejected:
        assert_others_as_reference(document, reference, "")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_gradebook_holds_only_the_graders_scores(batch, assignment):
    course_id = load_config(batch.root).CourseDirectory.course_id
    points = {}
    for unit in units(batch.root, assignment):
        points[unit.test_cell_id] = (f"{unit.name}: tests", unit.points)
        if unit.has_vectorization_cell:
            points[unit.vectorized_cell_id] = (f"{unit.name}: vectorized", unit.vectorized_points)
    wrong = []
    with Gradebook(f"sqlite:///{batch.root / 'gradebook.db'}", course_id=course_id) as gradebook:
        for student in batch_students(assignment):
            tests = {t["name"]: t for t in batch.results[assignment, student]["tests"]}
            try:
                grades = gradebook.find_submission_notebook(assignment, assignment, student).grades
            except MissingEntry:
                grades = []
            for g in grades:
                name, top = points.get(g.name, (None, None))
                auto = g.auto_score or 0.0
                if name is None or not (0 <= auto <= g.max_score == top and g.score == tests[name]["score"]):
                    wrong.append((student, g.name, g.auto_score, g.score, g.max_score,
                                  tests[name]["score"] if name else None, top))
        names = [(s.id, s.first_name, s.last_name) for s in gradebook.students]
    assert wrong == [], "(student, cell, auto_score, score, max_score, results.json score, points)"
    marker = "PWNED_" + batch.token
    assert not [n for n in names if marker in str(n)]
    for path in batch.root.glob("gradebook.db*"):
        assert marker.encode() not in path.read_bytes(), path


def test_no_file_appears_or_changes_outside_the_sandbox(batch):
    before, after = batch.course_before, batch.course_after
    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    assert changed == [], "course files added, removed or changed by grading"
    assert batch.canary_after == batch.canary_before
    stray = [str(p) for p in batch.stray_files]
    assert stray == [], "files hostile cells left outside the sandbox:\n" + "\n".join(stray)


def test_no_process_of_a_submission_outlives_its_grading(batch):
    """Hostile cells name their processes and threads `<token><letter>`; none may be alive once the
    submission's results.json is written, nor at the end of the batch."""
    outlived = {}
    for case in HOSTILE:
        results = batch.root / "autograded" / case.student / case.assignment / "results.json"
        for suffix in case.process_names:
            seen = batch.last_seen.get(batch.token + suffix)
            if seen is not None and results.is_file() and seen > results.stat().st_mtime + GRACE_SECONDS:
                outlived[case.name, suffix] = round(seen - results.stat().st_mtime, 1)
    assert outlived == {}, "seconds a submission's process or thread lived after its results were written"
    assert batch.lingering == {}, "processes or threads started by hostile cells still running after grading"


@pytest.mark.skipif(not IS_ROOT, reason=NEEDS_ROOT)
def test_no_connection_reaches_a_loopback_server(batch):
    assert batch.server.received == []


def test_every_submission_ends_within_the_limits(batch):
    assert len(batch.graded) == sum(len(batch_students(a)) for a in ASSIGNMENTS), "some were not graded"
    slow = {key: round(g.seconds, 1) for key, g in batch.graded.items() if g.seconds > SECONDS_PER_SUBMISSION}
    assert slow == {}


def test_results_json_stays_small_whatever_the_submission_printed(batch):
    large = {}
    for assignment, student in batch.results:
        size = (batch.root / "autograded" / student / assignment / "results.json").stat().st_size
        if size > RESULTS_JSON_BYTES:
            large[assignment, student] = size
    assert large == {}


def test_graded_notebooks_stay_small_whatever_the_submission_printed(batch):
    large = {}
    for assignment, student in batch.results:
        path = batch.root / "autograded" / student / assignment / f"{assignment}.ipynb"
        if path.is_file() and path.stat().st_size > GRADED_NOTEBOOK_BYTES:
            large[assignment, student] = path.stat().st_size
    assert large == {}

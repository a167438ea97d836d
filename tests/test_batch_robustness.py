"""A batch nothing a student hands in can stop, and pages and files that carry nothing of theirs
that could act (DESIGN.md section 6).

One batch of the vectorization assignment, graded with `grade(..., jobs=2)` on a course copy:
honest students, students whose ids are spreadsheet formulas, timestamp.txt files a student
wrote, submissions made of symbolic links, a notebook of HTML and JavaScript, a notebook that
floods and forges its outputs, one submission whose scores fail to be recorded (a fault injected
into the gradebook session) and one whose feedback page cannot be written. The tests read what an
instructor and a student see: results.json, the gradebook, autograded/, the feedback pages (also
as plain `nbgrader generate_feedback` writes them) and the CSV export.
"""
from __future__ import annotations

import csv
import html
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook, MissingEntry, Student
from nbgrader.utils import parse_utc

import autograder.pipeline.gradebook as recording
from autograder.authoring.course_copy import copy_course
from autograder.authoring.submissions import split_by_unit, write_submission
from autograder.commands.export import export
from autograder.commands.grade import grade
from autograder.config import load_config, units
from autograder.pipeline.submission import SubmissionGrader
from autograder.pipeline.submitted_files import EXTRA_BYTES, NOTEBOOK_BYTES
from tests.students import reference_source, source_of

REPO = Path(__file__).resolve().parent.parent
ASSIGNMENT = "vectorization"
HONEST = ["reference", "other_styles"]
FORMULA_IDS = ['=HYPERLINK("evil.example","click")', "+1", "-2", "@SUM(A1)", "a,b"]  # folder names: no "/"
TIMESTAMPS = {
    "ts_valid": b"2026-03-01 12:00:00.000000 UTC",
    "ts_empty": b"  \n",
    "ts_words": b"not a date",
    "ts_megabyte": bytes(range(256)) * 4096,
    "ts_overflow": b"99999999999999999999",
    "ts_bad_day": b"2026-02-30 12:00:00",
    "ts_zone_path": b"2026-03-01 12:00:00 ../../../../../../../etc/passwd",
}
REFUSED_TIMESTAMPS = ["ts_words", "ts_megabyte", "ts_overflow", "ts_bad_day", "ts_zone_path"]
LINKED = ["link_notebook", "link_folder", "link_student"]
HUGE_NOTEBOOK, HUGE_EXTRA = "huge_notebook", "huge_extra"
RECORD_FAILS, FEEDBACK_FAILS = "record_fails", "feedback_fails"
DIES, DIES_ONCE = "grader_dies", "grader_dies_once"  # the grader process grading them dies (always, once)
MARK = "XSS_MARK"  # what the hostile notebook's scripts would say; it must show only as text
GRADED_NOTEBOOK_BYTES = 4_000_000
RESULTS_JSON_BYTES = 1_000_000
FEEDBACK_BYTES = 5_000_000

# Top-level code of the flooding submission, per solution cell (the functions stay the reference's).
FLOOD = {
    # 10 MB each, in 100 000 small prints: 50 MB in all
    **{unit: "for _ in range(100_000):\n    print('p' * 99)"
       for unit in ("basic_sigmoid", "sigmoid", "sigmoid_derivative", "image2vector", "normalize_rows")},
    # 20 displays of 900 000 characters each, twice
    **{unit: "from IPython.display import HTML, display\nfor _ in range(20):\n    display(HTML('h' * 900_000))"
       for unit in ("softmax", "L1")},
    # forged: the worker's own stream limit raised, then 30 MB in one cell
    "L2": "import sys\nsys.stdout.limit = 10 ** 12\nprint('f' * 30_000_000)",
    # forged: the worker's display collector replaced by one that returns 5 000 outputs
    "matvec": ("import sys\n"
               "_worker = sys.modules.get('autograder.sandbox.worker')\n"
               "if _worker is not None:\n"
               "    _worker.Worker._displays = lambda self: [\n"
               "        {'output_type': 'display_data', 'data': {'text/plain': 'd' * 100}, 'metadata': {}}] * 5_000"),
}
# relu raises an exception with an enormous message
FLOOD_RELU = "def relu(v):\n    raise ValueError('e' * 20_000_000)"

XSS_CODE = f"""from IPython.display import HTML, Javascript, Markdown, display
display(HTML('<img src=x onerror="alert(\\'{MARK}1\\')">'))
display(Javascript('alert("{MARK}2")'))
display(Markdown('<script>alert("{MARK}3")</script>'))
display({{'text/html': '<script>alert("{MARK}4")</script>', 'image/png': 'x" onerror="alert(5)',
         'text/plain': 'plain {MARK}'}}, raw=True)"""
XSS_MARKDOWN = [
    f'<script>alert("{MARK}6")</script> and $x < y$ stays',
    f'<img src=x onerror=alert("{MARK}7")>',
    f'[click me](javascript:alert("{MARK}8")) and [this](j&#97;vascript:alert(9))',
    '<iframe src="javascript:alert(10)"></iframe><object data="x.swf"></object><embed src="x.swf">',
    f'<a href="#" onmouseover="alert(11)">{MARK}12</a>',
]


@dataclass
class Batch:
    root: Path
    results: dict = field(default_factory=dict)
    graded: dict = field(default_factory=dict)
    recorded_order: list = field(default_factory=list)
    crashed: str = ""


def _submit(root: Path, student: str, source: str) -> Path:
    folder = root / "submitted" / student / ASSIGNMENT
    source_file = root / "sources" / student / f"{ASSIGNMENT}.py"
    source_file.parent.mkdir(parents=True, exist_ok=True)
    source_file.write_text(source)
    return write_submission(root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", source_file, folder)


def _with_top_level(code: dict[str, str], replaced: dict[str, str]) -> str:
    """The reference, with top-level code above some functions and some functions replaced."""
    names = [u.name for u in units(REPO, ASSIGNMENT)]
    chunks = split_by_unit(reference_source(ASSIGNMENT), set(names))
    chunks.update(replaced)
    return "\n\n".join(f"{code[n]}\n{chunks[n]}" if n in code else chunks[n] for n in names)


def _submit_xss(root: Path) -> None:
    path = _submit(root, "xss", _with_top_level({"sigmoid": XSS_CODE}, {}))
    nb = nbformat.read(path, as_version=4)
    cells = [nbformat.v4.new_markdown_cell(text) for text in XSS_MARKDOWN]
    cells[0].metadata["tags"] = ['x" onmouseover="alert(13)']
    raw = nbformat.v4.new_raw_cell(f'<script>alert("{MARK}14")</script>')
    raw.metadata["raw_mimetype"] = "text/html"
    nb.cells[1:1] = [*cells, raw]
    nbformat.write(nb, path)


def _submit_links(root: Path) -> None:
    submitted = root / "submitted"
    folder = submitted / "link_notebook" / ASSIGNMENT
    folder.mkdir(parents=True)
    (folder / f"{ASSIGNMENT}.ipynb").symlink_to(root / "assignments" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    (submitted / "link_folder").mkdir()
    (submitted / "link_folder" / ASSIGNMENT).symlink_to(submitted / "reference" / ASSIGNMENT)
    (submitted / "link_student").symlink_to(submitted / "reference")
    _submit(root, "link_extra", reference_source(ASSIGNMENT))
    (submitted / "link_extra" / ASSIGNMENT / "data.db").symlink_to(root / "gradebook.db")
    (submitted / "link_extra" / ASSIGNMENT / "answers.txt").write_text("my notes\n")



def _submit_huge(root: Path) -> None:
    """A notebook and an extra file over the sizes the grader reads (sparse: they take no disk)."""
    folder = root / "submitted" / HUGE_NOTEBOOK / ASSIGNMENT
    folder.mkdir(parents=True)
    with open(folder / f"{ASSIGNMENT}.ipynb", "wb") as handle:
        handle.truncate(NOTEBOOK_BYTES + 1)
    path = _submit(root, HUGE_EXTRA, reference_source(ASSIGNMENT))
    with open(path.parent / "big.bin", "wb") as handle:
        handle.truncate(EXTRA_BYTES + 1)


def _failing_record_scores(batch: Batch):
    """The gradebook step, with a database error (a duplicate row) injected for one student."""
    real = recording._record_batch

    def record(gradebook, assignment, graded_batch):
        batch.recorded_order.extend(graded.student for graded in graded_batch)
        real(gradebook, assignment, graded_batch)
        if any(graded.student == RECORD_FAILS for graded in graded_batch):
            gradebook.db.add(Student(id=RECORD_FAILS))
            gradebook.db.flush()  # IntegrityError: the session now needs a rollback

    return record


def _dying_grader(marker: Path):
    """SubmissionGrader.grade, with the grader process dying (os._exit) on two students: one every
    time, one the first time only (a crash that does not come back)."""
    real = SubmissionGrader.grade

    def grade_or_die(self, student):
        if student == DIES or student == DIES_ONCE and not marker.exists():
            marker.touch()
            os._exit(3)
        return real(self, student)

    return grade_or_die


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Batch:
    root = copy_course(REPO, tmp_path_factory.mktemp("robust_course"), [ASSIGNMENT])
    state = Batch(root=root)
    students = [RECORD_FAILS]  # first, so that others are recorded after it
    for student in HONEST + FORMULA_IDS + [FEEDBACK_FAILS, RECORD_FAILS, DIES, DIES_ONCE]:
        _submit(root, student, source_of(ASSIGNMENT, student) if student in HONEST else reference_source(ASSIGNMENT))
    for student, stamp in TIMESTAMPS.items():
        path = _submit(root, student, reference_source(ASSIGNMENT))
        (path.parent / "timestamp.txt").write_bytes(stamp)
    _submit_links(root)
    _submit_huge(root)
    _submit_xss(root)
    _submit(root, "flood", _with_top_level(FLOOD, {"relu": FLOOD_RELU}))
    (root / "feedback" / FEEDBACK_FAILS).parent.mkdir(parents=True, exist_ok=True)
    (root / "feedback" / FEEDBACK_FAILS).write_text("a file where the student's feedback folder goes\n")
    # the dying ones after a few others, so that the failing record is not graded again after them
    students += [s for s in ["xss", *TIMESTAMPS, DIES, DIES_ONCE, *LINKED, "link_extra", HUGE_NOTEBOOK,
                             HUGE_EXTRA, *FORMULA_IDS, FEEDBACK_FAILS, "flood", *HONEST] if s not in students]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(recording, "_record_batch", _failing_record_scores(state))
        patch.setattr(SubmissionGrader, "grade", _dying_grader(root / "died_once"))
        try:
            state.graded = {g.student: g for g in grade(root, ASSIGNMENT, students, jobs=2)}
        except Exception as error:  # a defect (test below); results.json may still tell the rest
            state.crashed = f"{type(error).__name__}: {error}"
    for student in students:
        path = root / "autograded" / student / ASSIGNMENT / "results.json"
        state.results[student] = json.loads(path.read_text()) if path.is_file() else None
    return state


# ---------------------------------------------------------------------------------------------
# Reading what users see
# ---------------------------------------------------------------------------------------------
def results(batch: Batch, student: str) -> dict:
    document = batch.results[student]
    assert document is not None, f"no results.json for {student}"
    return document


def failed_with(document: dict, *words: str) -> bool:
    output = document["output"]
    return (output.startswith("grading failed:") and document["score"] == 0
            and all(word.lower() in output.lower() for word in words))


def all_passed(document: dict) -> bool:
    return all(t["status"] == "passed" and t["score"] == t["max_score"] for t in document["tests"])


def gradebook_scores(root: Path, student: str) -> dict | None:
    course_id = load_config(root).CourseDirectory.course_id
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=course_id) as gradebook:
        try:
            submission = gradebook.find_submission(ASSIGNMENT, student)
        except MissingEntry:
            return None
        grades = {g.name: g.score for nb in submission.notebooks for g in nb.grades}
        return {"timestamp": submission.timestamp, "grades": grades}


def results_scores(document: dict) -> float:
    return sum(t["score"] for t in document["tests"])


def feedback_path(root: Path, student: str) -> Path:
    return root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html"


class PageParts(HTMLParser):
    """What a browser would act on in a page: scripts, event handlers, frames, javascript: URLs."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.scripts, self.handlers, self.frames, self.js_urls, self.text = [], [], [], [], []
        self._script = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._script = [dict(attrs).get("src") or "", dict(attrs).get("type") or ""]
        if tag in ("iframe", "object", "embed", "frame", "applet"):
            self.frames.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if value and "".join(value.split()).lower().startswith(("javascript:", "vbscript:")):
                self.js_urls.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        else:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def assert_inert(page: str, template_scripts: set[str]) -> None:
    parts = PageParts(page)
    assert set(parts.scripts) <= template_scripts, "scripts that are not the page template's own"
    assert parts.handlers == [], "event-handler attributes in the page"
    assert parts.frames == [] and parts.js_urls == []
    assert MARK not in "".join(parts.scripts)


# ---------------------------------------------------------------------------------------------
# Each submission costs only itself
# ---------------------------------------------------------------------------------------------
def test_the_batch_never_raises_and_every_submission_gets_results_json(batch):
    assert batch.crashed == ""
    assert [s for s, document in batch.results.items() if document is None] == []


def test_honest_students_score_every_point(batch):
    for student in HONEST + [DIES_ONCE, HUGE_EXTRA, "ts_valid", "ts_empty", "link_extra", FEEDBACK_FAILS, *FORMULA_IDS]:
        document = results(batch, student)
        assert all_passed(document), (student, document["output"][:500])


def test_a_failure_to_record_scores_costs_that_submission_and_later_ones_are_recorded(batch):
    document = results(batch, RECORD_FAILS)
    assert failed_with(document, "gradebook"), document["output"][:500]
    assert all(t["score"] == 0 for t in document["tests"])
    assert not feedback_path(batch.root, RECORD_FAILS).exists(), "a page for scores the gradebook lacks"
    later = batch.recorded_order[batch.recorded_order.index(RECORD_FAILS) + 1:]
    assert later, "no submission was recorded after the failing one: the test proves nothing"
    unrecorded = [s for s in later if not batch.results[s]["output"].startswith("grading failed:")
                  and gradebook_scores(batch.root, s) is None]
    assert unrecorded == []
    for student in later:
        document, recorded = batch.results[student], gradebook_scores(batch.root, student)
        if recorded is not None and not document["output"].startswith("grading failed:"):
            assert sum(recorded["grades"].values()) == pytest.approx(results_scores(document)), student


def test_a_feedback_page_that_cannot_be_written_costs_only_that_page(batch):
    document = results(batch, FEEDBACK_FAILS)
    assert "no feedback page" in document["output"] and all_passed(document), document["output"]
    assert gradebook_scores(batch.root, FEEDBACK_FAILS) is not None
    for student in HONEST + ["xss", "flood", "ts_valid", *FORMULA_IDS]:
        assert feedback_path(batch.root, student).is_file(), student
        assert "no feedback page" not in results(batch, student)["output"]


def test_a_grader_process_that_dies_costs_only_the_submission_it_was_grading(batch):
    document = results(batch, DIES)
    assert failed_with(document, "grader process stopped"), document["output"][:500]
    assert gradebook_scores(batch.root, DIES) is None
    assert gradebook_scores(batch.root, DIES_ONCE) is not None  # graded again, alone
    graded = [s for s, g in batch.graded.items() if not g.error]
    assert [s for s in graded if gradebook_scores(batch.root, s) is None] == []
    assert [s for s in graded if s != FEEDBACK_FAILS and not feedback_path(batch.root, s).is_file()] == []


# ---------------------------------------------------------------------------------------------
# timestamp.txt
# ---------------------------------------------------------------------------------------------
def test_a_valid_timestamp_is_recorded_as_nbgrader_reads_it(batch):
    recorded = gradebook_scores(batch.root, "ts_valid")
    assert recorded["timestamp"] == parse_utc(TIMESTAMPS["ts_valid"].decode())
    assert gradebook_scores(batch.root, "ts_empty")["timestamp"] is None


@pytest.mark.parametrize("student", REFUSED_TIMESTAMPS)
def test_a_timestamp_nbgrader_cannot_read_fails_that_submission_with_a_plain_reason(batch, student):
    document = results(batch, student)
    assert failed_with(document, "timestamp.txt"), document["output"][:500]
    assert len(document["output"]) < 500
    assert gradebook_scores(batch.root, student) is None


# ---------------------------------------------------------------------------------------------
# Symbolic links
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("student", LINKED)
def test_a_linked_notebook_or_folder_is_refused_not_followed(batch, student):
    document = results(batch, student)
    assert failed_with(document, "symbolic link"), document["output"][:500]
    assert gradebook_scores(batch.root, student) is None
    assert not (batch.root / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists()


def test_linked_extra_files_are_never_copied(batch):
    folder = batch.root / "autograded" / "link_extra" / ASSIGNMENT
    assert (folder / "answers.txt").read_text() == "my notes\n"
    assert not (folder / "data.db").exists()
    copies = [p for p in (batch.root / "autograded").rglob("*") if p.is_file()
              and p.read_bytes()[:16] == b"SQLite format 3\x00"]
    assert copies == []


def test_files_too_large_to_read_are_refused_or_left_out(batch):
    document = results(batch, HUGE_NOTEBOOK)
    assert failed_with(document, "larger than"), document["output"][:500]
    assert (batch.root / "autograded" / HUGE_EXTRA / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").is_file()
    assert not (batch.root / "autograded" / HUGE_EXTRA / ASSIGNMENT / "big.bin").exists()


# ---------------------------------------------------------------------------------------------
# Feedback pages
# ---------------------------------------------------------------------------------------------
def _nbgrader_generate_feedback(root: Path, student: str) -> str:
    run = subprocess.run([sys.executable, "-m", "nbgrader", "generate_feedback", ASSIGNMENT, "--student", student,
                          "--force"], cwd=root, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return feedback_path(root, student).read_text()


def test_feedback_pages_run_nothing_a_student_wrote(batch):
    """The kit's page (built from the results) has no script at all; nbgrader's own generate_feedback,
    with the kit's configuration, keeps its template's scripts and the student's markdown as text."""
    kit = PageParts(feedback_path(batch.root, "xss").read_text())
    assert kit.scripts == [] and kit.handlers == [] and kit.frames == [] and kit.js_urls == []
    assert "Content-Security-Policy" in feedback_path(batch.root, "xss").read_text()
    template_scripts = set(PageParts(_nbgrader_generate_feedback(batch.root, "reference")).scripts)
    assert template_scripts, "the honest page has no template script to compare with"
    page = _nbgrader_generate_feedback(batch.root, "xss")
    assert_inert(page, template_scripts)
    shown = "".join(PageParts(page).text)
    for number in (6, 7, 8, 12):  # the student's markdown is still there, as text
        assert f"{MARK}{number}" in shown, number
    assert "$x &lt; y$" in page  # LaTeX kept (nbconvert escapes it)


def test_nbgrader_feedback_of_an_honest_student_keeps_its_markdown_and_math(batch):
    page = _nbgrader_generate_feedback(batch.root, "reference")
    release = nbformat.read(batch.root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    maths = [m for c in release.cells if c.cell_type == "markdown" for m in re.findall(r"\$+([^$]+)\$+", c.source)]
    plain = [m for m in maths if html.escape(m) == m]
    assert plain and [m for m in plain if m not in page] == []
    assert "&lt;" not in "".join(c.source for c in release.cells if c.cell_type == "markdown")


# ---------------------------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------------------------
def test_flooded_and_forged_outputs_stay_small(batch):
    folder = batch.root / "autograded" / "flood" / ASSIGNMENT
    assert (folder / f"{ASSIGNMENT}.ipynb").stat().st_size < GRADED_NOTEBOOK_BYTES
    assert (folder / "results.json").stat().st_size < RESULTS_JSON_BYTES
    assert feedback_path(batch.root, "flood").stat().st_size < FEEDBACK_BYTES
    limit = load_config(batch.root).BoundOutputs.max_outputs
    nb = nbformat.read(folder / f"{ASSIGNMENT}.ipynb", as_version=4)
    assert max(len(c.get("outputs", [])) for c in nb.cells) <= limit + 1  # and a note of what was cut
    assert "cut" in json.dumps([c.get("outputs", []) for c in nb.cells])


def test_flooding_costs_only_the_function_that_raised(batch):
    document, reference = results(batch, "flood"), results(batch, "reference")
    relu = next(t for t in document["tests"] if t["name"] == "relu: tests")
    assert relu["status"] == "failed" and "EXCEPTION" in relu["extra_data"]["codes"]
    assert len(relu["output"]) < 50_000
    # Forging the worker's outputs reaches into its machinery (sys.modules, the IPython shell): that
    # costs every vectorization point (FORBIDDEN001); every test of another function scores as the reference's.
    assert all(set(t["extra_data"]["codes"]) == {"FORBIDDEN001"} for t in document["tests"]
               if t["extra_data"]["part"] == "vectorized" and t["extra_data"]["function"] != "relu")
    others = {t["name"]: t["score"] for t in document["tests"]
              if t["extra_data"]["function"] != "relu" and t["extra_data"]["part"] == "tests"}
    assert others == {t["name"]: t["score"] for t in reference["tests"]
                      if t["extra_data"]["function"] != "relu" and t["extra_data"]["part"] == "tests"}


def test_honest_outputs_are_not_cut(batch):
    nb = nbformat.read(batch.root / "autograded" / "reference" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    assert "characters cut" not in json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "outputs cut" not in json.dumps([c.get("outputs", []) for c in nb.cells])


# ---------------------------------------------------------------------------------------------
# The CSV export
# ---------------------------------------------------------------------------------------------
def test_export_neutralises_formulas_and_keeps_numbers(batch, tmp_path):
    with export(batch.root, tmp_path / "grades.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    header, rows = rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]
    assert all(len(r) == len(header) for r in rows)
    ids = {r["student_id"] for r in rows}
    for student in FORMULA_IDS:
        shown = "'" + student if student[0] in "=+-@" else student
        assert shown in ids, (student, sorted(ids))
    assert not [i for i in ids if i[:1] in ("=", "+", "-", "@", "\t", "\r")]
    for row in rows:
        for column in ("raw_score", "score", "max_score", "late_submission_penalty"):
            float(row[column])  # numbers stay numbers
    formula = next(r for r in rows if r["student_id"] == "'" + FORMULA_IDS[0])
    assert float(formula["score"]) == float(formula["max_score"]) > 0

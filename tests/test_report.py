"""`autograder report`: the instructor's page, from a small fake class, checked as Chromium renders it."""
import base64
import json
import os
import shutil
import struct
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from autograder.commands import report
from autograder.kitcheck.record import Item, Record
from autograder.notebook.results import result, write_results_json
from tests.conftest import REPO

ASSIGNMENT = "vectorization"
# (points of the tests cell, of the vectorization cell or None), as in course_config.py
UNITS = {"basic_sigmoid": (1, 1), "sigmoid": (2, 1), "image2vector": (2, 1), "softmax": (3, 1), "dot_loop": (1, None)}
SCRIPT = "<script>document.body.setAttribute('data-pwned', '1')</script>"
IMG = '<img src=x onerror="document.title=\'pwned\'">'

LOOP001 = "replace the loop with a whole-array operation: np.dot/@ for sums of products"
LOOPS = {  # the loop rule's findings, as its records hold them (a real one's wording)
    "sigmoid": [Item("LOOP001", "for-loop over np.ndindex(x.shape) in sigmoid", location="sigmoid, line 5",
                     hint=LOOP001),
                Item("LOOP005", "`np.ndindex(x.shape)` is a Python loop in disguise in sigmoid",
                     location="sigmoid, line 5", hint="write the computation with numpy operators")],
    "softmax": [Item("LOOP003", f"list comprehension over '{IMG}' in softmax", location="softmax, line 3",
                     hint="compute the whole array at once")],
}
FAILURES = {  # what the tests of a function found, as its record holds it
    "RANK1": [Item("RANK1", "result: expected shape (18, 1), got the rank-1 shape (18,); a rank-1 array is neither "
                            "a row nor a column: make it a column, .reshape(-1, 1)", case="image (3, 3, 2)")],
    "EXCEPTION": [Item("EXCEPTION", f"softmax raised ValueError: {SCRIPT} (softmax, line 3: `raise ValueError(msg)`)",
                       case="int matrix (2, 5)", location="softmax, line 3")],
    "VALUE": [Item("VALUE", "result: values differ (rtol=1e-06, atol=1e-08)\n  mismatched elements: 5 / 6 (83%)",
                   case="matrix (2, 3)")],
    "STUB": [Item("NOT_IMPLEMENTED", "is not implemented yet: replace `raise NotImplementedError()` with your code",
                  case="int vectors")],
}


def student(failures=None, loops=(), missing=False):
    """A student's results as the grader builds them: {function: kind of failure of its tests}."""
    results = []
    for name, (points, vectorized) in UNITS.items():
        failed = FAILURES.get((failures or {}).get(name), [])
        if missing:
            failed = [Item("NOT_DEFINED", f"the cell test_{name} is missing")]
        tests = Record(name, "tests", not failed, failed, text="\n".join(i.text for i in failed),
                       cases=(len(failed), 4))
        results.append(result(tests, 0.0 if failed else float(points), float(points)))
        if vectorized:
            if failed and failed[0].code in ("NOT_DEFINED", "NOT_IMPLEMENTED"):
                found = [Item(failed[0].code, f"{name} is not implemented: no vectorization point")]
            else:
                found = LOOPS.get(name, []) if name in loops else []
            loop_record = Record(name, "vectorized", not found, found, text="\n".join(i.text for i in found))
            results.append(result(loop_record, 0.0 if found else 1.0, 1.0))
    return results


CLASS = {  # student: (results, grader output, grading seconds or None)
    "ada": (student(), "", 4.2),
    "cho": (student(loops=("sigmoid", "softmax")), "", 6.8),
    "dev": (student({"image2vector": "RANK1", "softmax": "EXCEPTION", "basic_sigmoid": "RANK1"}), "", 12.5),
    "eli": (student({"sigmoid": "VALUE", "dot_loop": "VALUE", "softmax": "STUB"}), "", None),
    "gus": (student(missing=True), f"grading failed: Kernel died while running a cell {SCRIPT}", 90.0),
    "hal": (student(missing=True), "", 3.1),
}


def make_course(root):
    """A course root holding only what `autograder report` reads: autograded/<student>/<assignment>/."""
    shutil.copy(REPO / "course_config.py", root / "course_config.py")
    for name, (results, output, seconds) in CLASS.items():
        folder = root / "autograded" / name / ASSIGNMENT
        write_results_json(folder / "results.json", results, output=output)
        if seconds is not None:
            (folder / "timing.json").write_text(json.dumps({"seconds": seconds}))
    return root


@pytest.fixture
def course(tmp_path):
    return make_course(tmp_path)


@pytest.fixture
def submissions(course):
    return report.load_submissions(course, ASSIGNMENT)


# --- the report's data --------------------------------------------------------------------------

def test_failed_submissions_are_grader_errors_and_notebooks_without_graded_cells(submissions):
    failed = dict(report.failed_submissions(submissions))
    assert set(failed) == {"gus", "hal"}
    assert failed["gus"].startswith("grading failed: Kernel died")
    assert "NOT_DEFINED" in failed["hal"]


def test_untouched_stubs_are_graded_not_failed(submissions):
    assert "eli" in [s.student for s in report.graded(submissions)]


def test_mistake_codes_count_each_failed_function_once_and_the_students_who_made_it(submissions):
    codes = {c.code: c for c in report.mistake_codes(submissions)}
    assert (codes["RANK1"].count, codes["RANK1"].students) == (2, {"dev"})
    assert (codes["VALUE"].count, codes["VALUE"].students) == (2, {"eli"})
    assert (codes["NOT_IMPLEMENTED"].count, codes["NOT_IMPLEMENTED"].students) == (1, {"eli"})  # tests + vectorized
    assert codes["RANK1"].example.startswith("case 'image (3, 3, 2)': RANK1 result: expected shape (18, 1)")
    assert codes["EXCEPTION"].example.startswith("softmax, line 3: EXCEPTION softmax raised ValueError")
    assert "NOT_DEFINED" not in codes  # the failed submissions are listed apart, not counted as mistakes
    assert [c.code for c in report.mistake_codes(submissions)][:2] == ["RANK1", "VALUE"]  # ties: by name


def test_loop_findings_give_student_function_codes_and_where_without_the_stock_suggestion(submissions):
    findings = report.loop_findings(submissions)
    assert [(s, f, c) for s, f, c, _ in findings] == [("cho", "sigmoid", ["LOOP001", "LOOP005"]),
                                                      ("cho", "softmax", ["LOOP003"])]
    assert findings[0][3] == ("sigmoid, line 5: LOOP001 for-loop over np.ndindex(x.shape) in sigmoid\n"
                              "sigmoid, line 5: LOOP005 `np.ndindex(x.shape)` is a Python loop in disguise in sigmoid")


def test_a_code_planted_in_a_message_is_not_a_finding(course):
    """Codes are what the checks produced (the record's fields), never words found in a message."""
    planted = Record("sigmoid", "tests", False, [Item("VALUE", "values differ [RANK1] LOOP001 M_RANK1")])
    results = student()
    results[2] = result(planted, 0.0, 2.0)
    write_results_json(course / "autograded" / "ada" / ASSIGNMENT / "results.json", results)
    ada = [s for s in report.load_submissions(course, ASSIGNMENT) if s.student == "ada"]
    assert [c.code for c in report.mistake_codes(ada)] == ["VALUE"]
    assert report.loop_findings(ada) == []


def test_score_fractions_per_function_over_the_graded_submissions(submissions):
    fractions = report.unit_fractions(submissions)
    assert list(fractions) == list(UNITS)
    assert sorted(fractions["sigmoid"]) == [1 / 3, 2 / 3, 1.0, 1.0]  # eli: only the loop point; cho: only tests
    assert sorted(fractions["dot_loop"]) == [0.0, 1.0, 1.0, 1.0]


def test_slowest_submissions_come_from_timing_json_slowest_first(submissions):
    assert [(s.student, s.seconds) for s in report.slowest(submissions, n=3)] == [
        ("gus", 90.0), ("dev", 12.5), ("cho", 6.8)]


def test_an_unreadable_results_json_is_a_failed_submission(course):
    (course / "autograded" / "ada" / ASSIGNMENT / "results.json").write_text("{not json")
    failed = dict(report.failed_submissions(report.load_submissions(course, ASSIGNMENT)))
    assert failed["ada"].startswith("grading failed: unreadable results.json")


def test_without_timing_the_page_says_grading_time_is_not_recorded(course, submissions):
    for sub in submissions:
        sub.seconds = None
    page = report.render(ASSIGNMENT, submissions)
    assert "Grading time is not recorded" in page and 'id="slowest-submissions"' not in page


def test_an_assignment_nobody_was_graded_in_is_an_error(course):
    with pytest.raises(FileNotFoundError, match="autograder grade broadcasting"):
        report.load_submissions(course, "broadcasting")


# --- the page, as Chromium renders it ---------------------------------------------------------

@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium; installed here the way `make chromium` does if missing and we may."""
    if shutil.which("chromium") is None and os.geteuid() == 0 and shutil.which("make"):
        subprocess.run(["make", "-s", "-C", str(REPO), "chromium"], capture_output=True, timeout=900)
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("chromium is not installed and cannot be installed here (needs root and apt-get): "
                    "run `sudo apt-get install --no-install-recommends chromium`")
    return path


def run_chromium(chromium, tmp_path, page, *options):
    done = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                           "--no-first-run", "--disable-background-networking", "--disable-component-update",
                           "--disable-sync", f"--user-data-dir={tmp_path / 'chromium-profile'}",
                           "--window-size=1280,2000", *options, page.as_uri()],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def rendered(chromium, tmp_path_factory):
    """The page `autograder report` writes, as Chromium's DOM, and a screenshot of it."""
    course, tmp_path = make_course(tmp_path_factory.mktemp("course")), tmp_path_factory.mktemp("chromium")
    out = tmp_path / "out" / "report.html"
    done = subprocess.run([sys.executable, "-m", "autograder", "report", ASSIGNMENT, "--out", str(out)],
                          cwd=course, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {out}"
    dom = BeautifulSoup(run_chromium(chromium, tmp_path, out, "--dump-dom"), "html.parser")
    screenshot = tmp_path / "report.png"
    run_chromium(chromium, tmp_path, out, f"--screenshot={screenshot}")
    return dom, screenshot


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def table_rows(dom, anchor):
    table = dom.find("table", id=anchor)
    assert table is not None, f"no table #{anchor}"
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]


def test_page_shows_both_charts_as_embedded_pngs(rendered):
    dom, _ = rendered
    images = dom.find_all("img")
    assert {img["alt"] for img in images} == {"score distribution per function", "most frequent mistake codes"}
    for img in images:
        assert img["src"].startswith("data:image/png;base64,")
        data = base64.b64decode(img["src"].split(",", 1)[1])
        width, height = png_size(data)
        assert len(data) > 10_000 and width > 600 and height > 150


def test_page_tables_list_mistake_codes_loop_findings_failures_and_slowest(rendered):
    dom, _ = rendered
    codes = {row[0].split()[0]: row for row in table_rows(dom, "mistake-codes")}
    assert codes["RANK1"][1:3] == ["2", "1"] and "expected shape (18, 1)" in codes["RANK1"][3]
    assert {"VALUE", "EXCEPTION", "NOT_IMPLEMENTED", "LOOP001", "LOOP003", "LOOP005"} <= set(codes)
    assert [row[:3] for row in table_rows(dom, "loop-findings")] == [
        ["cho", "sigmoid", "LOOP001 LOOP005"], ["cho", "softmax", "LOOP003"]]
    failed = table_rows(dom, "failed-submissions")
    assert [row[0] for row in failed] == ["gus", "hal"] and "Kernel died" in failed[0][1]
    assert table_rows(dom, "slowest-submissions")[0][:2] == ["gus", "90.0"]


def test_student_text_is_shown_as_text_never_run_as_markup(rendered):
    dom, _ = rendered
    assert dom.find_all("script") == [] and dom.body.get("data-pwned") is None
    assert [img for img in dom.find_all("img") if img.get("onerror") or img["src"] == "x"] == []
    text = dom.get_text()
    assert text.count(SCRIPT) >= 2  # the exception message and the grader's error, verbatim
    assert IMG in text


def test_screenshot_is_a_full_page_with_content(rendered):
    from PIL import Image

    _, screenshot = rendered
    with Image.open(screenshot) as image:
        assert image.size == (1280, 2000)
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 20)) > 50

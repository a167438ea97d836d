"""What graders and students read after grading a Korean course: the feedback page, the instructor's
report and the grade table, built the way grading builds them from results with failing records,
are Korean, with no English prose outside code, names and values, and say their language; the same
documents of an English course read as before.

The messages the sandbox, the grader and these pages produce are made here by the real code. What
the kit's checks would have written (a failed comparison, a loop finding) is given in Korean, as
a Korean course's checks write it: those messages are the checks' own, tested with them.
"""
import json

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_notebook
from traitlets.config import Config

from autograder.commands import report
from autograder.commands.table import grade_table
from autograder.config import Unit
from autograder.course_dir import CourseDir
from autograder.kitcheck.calls import call
from autograder.kitcheck.record import Item, Record
from autograder.mistakes import MISTAKES
from autograder.notebook.results import cell_record, result
from autograder.pipeline import feedback_page
from autograder.pipeline.submission import Graded, Submission, failed, read_submission, write_results
from autograder.pipeline.submitted_files import BadSubmission
from autograder.sandbox.client import STOPPED, Budget
from autograder.sandbox.session import CallProxy, Session
from korean import english_prose, hangul

ASSIGNMENT = "vectorization"
UNITS = [Unit(ASSIGNMENT, "sigmoid", 2, vectorized_points=1), Unit(ASSIGNMENT, "softmax", 3, loops="allowed"),
         Unit(ASSIGNMENT, "dot_loop", 1, loops="allowed"), Unit(ASSIGNMENT, "q_loops", 1, kind="choice")]
CASE = "A (2, 3), v (3, 1)"
# What the checks write, in a Korean course (their own messages, not this module's subject).
SHAPE = "결과: shape (3, 1)이어야 하는데 shape (3,)입니다"
LOOP = "`np.vectorize`는 sigmoid 안에 감춰 둔 Python 반복문입니다"
CODE = {"sigmoid": "def sigmoid(x):\n    f = np.vectorize(lambda t: 1 / (1 + np.exp(-t)))\n    return f(x) * 7",
        "softmax": "def softmax(x):\n    while True:\n        pass"}
STUDENTS = ("ada", "gus")
NAMES = {*STUDENTS, ASSIGNMENT, "dot_loop", "q_loops"}  # identifiers the pages show as they are


class SpentSandbox:
    """A worker whose submission has used up its time: every call is stopped, as the client stops it."""

    sock = object()

    def call(self, *args, **kwargs):
        raise Budget(45).spent(STOPPED)


def ada() -> Graded:
    """A submission with a known mistake, a wrong shape, a loop, a function stopped by the time budget,
    a missing cell and a multiple-choice answer marked later."""
    mistake = MISTAKES["M_MISSING_1_OVER_M"].problem(what="dw", m=7).message
    sigmoid = Record("sigmoid", "tests", False, [Item("M_MISSING_1_OVER_M", mistake, case=CASE),
                                                 Item("SHAPE", SHAPE, case=CASE)], text=f"{mistake}\n{SHAPE}")
    loops = Record("sigmoid", "vectorized", False, [Item("LOOP005", LOOP, location="sigmoid, line 2")], text=LOOP)
    [stopped] = call(CallProxy(Session(SpentSandbox()), "softmax"), (1.0,)).problems
    softmax = Record("softmax", "tests", False, [Item(stopped.code, stopped.message, case=CASE)], text=stopped.message)
    answer = Record("q_loops", "tests", True, pending=True)
    results = [result(sigmoid, 0, 2), result(loops, 0, 1), result(softmax, 0, 3),
               result(cell_record(None, "dot_loop", "tests", False), 0, 1), result(answer, 0, 1)]
    return Graded("ada", results, seconds=4.2)


def gus(root) -> Graded:
    """A submission that could not be graded: its notebook is an empty file."""
    folder = root / "submitted" / "gus" / ASSIGNMENT
    folder.mkdir(parents=True)
    (folder / f"{ASSIGNMENT}.ipynb").write_text("")
    with pytest.raises(BadSubmission) as refused:
        submitted = Submission.read(CourseDir(root, Config()), "gus", ASSIGNMENT)  # nbgrader's folders
        read_submission(submitted.notebook, f"{ASSIGNMENT}.ipynb", {u.name for u in UNITS})
    return failed("gus", UNITS, str(refused.value))


def graded_class(root) -> tuple[list[Graded], dict[str, dict]]:
    """Each student graded and written as grading writes them: results.json, timing.json (ada only)."""
    batch = [ada(), gus(root)]
    documents = {}
    for graded in batch:
        target = root / "autograded" / graded.student / ASSIGNMENT
        write_results(target, graded)
        if graded.seconds:
            (target / "timing.json").write_text(json.dumps({"seconds": graded.seconds}))
        documents[graded.student] = json.loads((target / "results.json").read_text())
    return batch, documents


def notebook():
    cells = [new_code_cell(source, metadata={"nbgrader": {"grade_id": name, "solution": True}})
             for name, source in CODE.items()]
    return new_notebook(cells=cells)


def rendered(root) -> dict[str, str]:
    """Every document of the class: each student's feedback page, the report and the grade table."""
    (root / "course_config.py").write_text("c = get_config()  # noqa: F821 (nbgrader's folders as they come)\n")
    batch, documents = graded_class(root)
    pages = {f"feedback {s}": feedback_page.render(ASSIGNMENT, s, documents[s], notebook()) for s in STUDENTS}
    return {**pages, "report": report.render(ASSIGNMENT, report.load_submissions(root, ASSIGNMENT)),
            "table": grade_table(ASSIGNMENT, batch)}


def visible(page: str) -> str:
    """What a reader reads: the page's text (its title too), without the student's code and code spans."""
    soup = BeautifulSoup(page, "html.parser")
    for code in soup.select("style, code, pre.code"):
        code.decompose()
    return soup.get_text("\n")


def test_every_document_is_korean_with_no_english_prose(korean, tmp_path):
    for name, document in rendered(tmp_path).items():
        text = visible(document) if name != "table" else document
        assert hangul(text), name
        assert english_prose(text, NAMES) == [], (name, text)


def test_the_pages_say_they_are_korean_and_name_what_happened(korean, tmp_path):
    documents = rendered(tmp_path)
    for name in ("feedback ada", "feedback gus", "report"):
        assert BeautifulSoup(documents[name], "html.parser").html["lang"] == "ko", name
    ada_page = visible(documents["feedback ada"])
    assert "0 / 8점" in ada_page and "softmax 함수는 중단되었습니다: 제출물 전체에 주어진 시간 45초" in ada_page
    assert "(sigmoid, 2번째 줄)" in ada_page and "dot_loop의 테스트 셀이 없습니다" in ada_page
    assert "<span class='ok'>답변 제출</span>: 제출한 뒤에 채점합니다" in documents["feedback ada"]
    assert "채점 실패: vectorization.ipynb 파일이 비어 있습니다" in visible(documents["feedback gus"])
    assert dict(report.failed_submissions(report.load_submissions(tmp_path, ASSIGNMENT)))["gus"].startswith("채점 실패")
    table = documents["table"].splitlines()
    assert table[-1] == "  gus: 채점 실패: vectorization.ipynb 파일이 비어 있습니다"
    columns = {len(line) + 2 * line.count("합계") for line in table[1:-1]}  # a Hangul letter takes two columns
    assert len(columns) == 1 and table[-2].startswith("합계 ")


def test_an_english_course_reads_as_before(tmp_path):
    documents = rendered(tmp_path)
    page = documents["feedback ada"]
    assert '<html lang="en">' in page and "<title>vectorization: feedback for ada</title>" in page
    assert "ada: 0 / 8 points" in page and "tests: <span class='bad'>failed</span>" in page
    assert "softmax stopped: the submission's time budget of 45 s (wall-clock time for all its cells and calls) " \
           "was used up" in visible(page)
    assert "(sigmoid, line 2)" in page
    assert "<span class='ok'>answered</span>: marked after submission" in page
    assert "the cell tests of dot_loop is missing" in page
    assert "grading failed: vectorization.ipynb is an empty file" in documents["feedback gus"]
    assert '<html lang="en">' in documents["report"] and "vectorization — class report" in documents["report"]
    assert "Submissions that failed to grade" in documents["report"]
    assert documents["table"].splitlines()[-2:] == [
        "total          0/8       0/8", "  gus: grading failed: vectorization.ipynb is an empty file"]


def test_a_sandbox_stop_reads_after_its_subject(korean):
    """The sandbox's reasons are whole predicates: after "this cell was" and after a function's name."""
    class Stopped:
        sock = object()

        def run_cell(self, source):
            raise Budget(20).spent(STOPPED)

    [output] = Session(Stopped()).run_cell("while True: pass")
    assert output["evalue"].startswith("[TIMEOUT] 이 셀은 중단되었습니다: 제출물 전체에 주어진 시간 20초")

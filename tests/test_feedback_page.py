"""The feedback page a student reads: function by function, the mistake named, their code with the line
marked, readable offline, and nothing of the tests."""
import json

import nbformat
import pytest

from autograder.commands.grade import grade
from tests.students import reference_source, variant

STUDENTS = {
    "fb-mistake": variant("vectorization", L1="def L1(yhat, y):\n    return float(np.sum(y - yhat))",
                          softmax="def softmax(x):\n    e = np.exp(x)\n    t = np.sum(e, axis=1)\n    return e / t"),
    "fb-right": reference_source("vectorization"),
}


@pytest.fixture(scope="module")
def course(own_course):
    """This module grades students of its own: its own course, so no other module's export sees them."""
    return own_course


@pytest.fixture(scope="module")
def pages(course):
    from autograder.authoring.submissions import fill_notebook

    release = nbformat.read(course / "release" / "vectorization" / "vectorization.ipynb", as_version=4)
    for student, source in STUDENTS.items():
        folder = course / "submitted" / student / "vectorization"
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(fill_notebook(release, source), folder / "vectorization.ipynb")
    grade(course, "vectorization", list(STUDENTS), jobs=1)
    return {s: (course / "feedback" / s / "vectorization" / "vectorization.html").read_text() for s in STUDENTS}


def test_every_function_has_its_section_in_notebook_order_with_its_points(pages, course):
    document = json.loads((course / "autograded" / "fb-mistake" / "vectorization" / "results.json").read_text())
    functions = list(dict.fromkeys(t["extra_data"]["function"] for t in document["tests"]))
    page = pages["fb-mistake"]
    positions = [page.index(f"<section id='{name}'") for name in functions]
    assert positions == sorted(positions) and len(functions) == 12
    assert "<section id='L1' class='fail'><h2>L1<span class='points'>0/3</span>" in page
    assert "<section id='sigmoid' class='pass'><h2>sigmoid<span class='points'>3/3</span>" in page


def test_a_known_mistake_is_named_and_the_faulty_line_marked(pages):
    page = pages["fb-mistake"]
    assert "M_L1_NO_ABS</span> L1 summed the signed differences" in page
    assert "M_NO_KEEPDIMS" in page
    assert "<span class='marked'>  4      return e / t</span>" in page  # softmax, line 4: the exception's line


def test_the_page_needs_no_network_and_runs_no_script(pages):
    for page in pages.values():
        assert "<script" not in page and "http://" not in page and "https://" not in page
        assert "default-src 'none'" in page


def test_the_page_shows_no_test_code(pages):
    for page in pages.values():
        assert "kitcheck.expect" not in page and "autograder.grading" not in page and "check(" not in page


def test_a_right_notebook_is_all_passed(pages):
    assert "class='fail'" not in pages["fb-right"] and "32 / 32 points" in pages["fb-right"]


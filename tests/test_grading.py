"""End to end: generated submissions graded by nbgrader with the kit's configuration.

One batch per assignment (real kernels, the real gradebook); each test reads what an instructor or
a student reads: results.json, the feedback HTML, the CSV export.
"""
import csv
import json
import subprocess
import sys

import pytest

from autograder.authoring.submissions import write_submission
from autograder.commands.export import export
from autograder.commands.grade import grade
from autograder.config import units
from tests.students import STUDENTS, source_of

# (assignment, student, unit, part, status, code that must be reported, or None)
EXPECTED = [
    ("vectorization", "tiny_error", "L2", "tests", "passed", None),
    ("vectorization", "off_by_a_permille", "L2", "tests", "failed", "VALUE"),
    ("vectorization", "rank1_image", "image2vector", "tests", "failed", "RANK1"),
    ("vectorization", "relu_loop", "relu", "tests", "passed", None),
    ("vectorization", "relu_loop", "relu", "vectorized", "failed", "LOOP001"),
    ("vectorization", "in_place_relu", "relu", "tests", "failed", "MUTATES_INPUT"),
    # patching ast, inspect, sys.settrace and the check helpers in the notebook changes nothing
    ("vectorization", "patcher", "relu", "vectorized", "failed", "LOOP001"),
    ("vectorization", "patcher", "relu", "tests", "passed", None),
    ("vectorization", "softmax_crash", "softmax", "tests", "failed", "EXCEPTION"),
    ("broadcasting", "floor_division", "calorie_percentages", "tests", "failed", "VALUE"),
    ("broadcasting", "outer_without_reshape", "outer", "tests", "failed", None),
    ("broadcasting", "library_broadcast_shape", "broadcast_shape", "tests", "passed", None),
    ("broadcasting", "library_broadcast_shape", "broadcast_shape", "vectorized", "failed", "FORBIDDEN002"),
    ("broadcasting", "wrong_neuron_answer", "q_neuron", "tests", "failed", "WRONG_CHOICE"),
    ("logistic_regression", "int_bias", "initialize_with_zeros", "tests", "failed", "DTYPE"),
    ("logistic_regression", "db_as_matrix", "propagate", "tests", "failed", "SHAPE"),
    ("logistic_regression", "global_m", "propagate", "tests", "failed", "VALUE"),
    ("logistic_regression", "bool_predict", "predict", "tests", "passed", None),
    ("logistic_regression", "round_predict", "predict", "tests", "passed", None),
    ("logistic_regression", "ge_predict", "predict", "tests", "failed", "VALUE"),
    ("logistic_regression", "while_optimize", "optimize", "vectorized", "passed", None),
    ("logistic_regression", "while_optimize", "optimize", "tests", "passed", None),
    ("logistic_regression", "two_loop_optimize", "optimize", "vectorized", "failed", "LOOP"),
    ("logistic_regression", "in_place_optimize", "optimize", "tests", "failed", "MUTATES_INPUT"),
]

# Students whose every unit must pass: equivalent correct styles.
ALL_PASS = [("vectorization", "other_styles"), ("logistic_regression", "mean_and_einsum")]


@pytest.fixture(scope="module")
def graded(course):
    """Submit every generated student of every assignment, grade each batch, return results.json."""
    results = {}
    for assignment, students in STUDENTS.items():
        release_nb = course / "release" / assignment / f"{assignment}.ipynb"
        for student in students:
            path = course / "sources" / student / f"{assignment}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source_of(assignment, student))
            write_submission(release_nb, path, course / "submitted" / student / assignment)
        batch = grade(course, assignment, list(students))
        assert [g.error for g in batch if g.error] == []
        for student in students:
            document = course / "autograded" / student / assignment / "results.json"
            results[assignment, student] = json.loads(document.read_text())
    return results


def find(document, unit, part):
    return next(t for t in document["tests"] if t["name"] == f"{unit}: {part}")


@pytest.mark.parametrize("assignment", list(STUDENTS))
def test_reference_solutions_get_full_marks_and_no_findings(graded, course, assignment):
    document = graded[assignment, "reference"]
    failed = [(t["name"], t["output"]) for t in document["tests"] if t["status"] != "passed"]
    assert failed == []
    assert document["score"] == document["max_score"] == sum(
        u.points + (u.vectorized_points if u.has_vectorization_cell else 0) for u in units(course, assignment))


@pytest.mark.parametrize("assignment", list(STUDENTS))
def test_untouched_release_scores_zero_with_not_implemented(graded, assignment):
    document = graded[assignment, "untouched"]
    assert document["score"] == 0
    for test in document["tests"]:
        assert test["status"] == "failed"
        assert set(test["extra_data"]["codes"]) & {"NOT_IMPLEMENTED", "NOT_DEFINED"}, test


@pytest.mark.parametrize("assignment, student, unit, part, status, code", EXPECTED,
                         ids=[f"{a}-{s}-{u}-{p}" for a, s, u, p, _, _ in EXPECTED])
def test_policy_case(graded, assignment, student, unit, part, status, code):
    test = find(graded[assignment, student], unit, part)
    assert test["status"] == status, test["output"]
    if code is not None:
        assert any(c.startswith(code) for c in test["extra_data"]["codes"]), test
        assert unit in test["output"]
    assert test["extra_data"]["function"] == unit


@pytest.mark.parametrize("assignment, student", ALL_PASS)
def test_equivalent_correct_styles_get_full_marks(graded, assignment, student):
    document = graded[assignment, student]
    assert [(t["name"], t["output"]) for t in document["tests"] if t["status"] != "passed"] == []


def test_a_loop_costs_only_the_vectorization_points_of_that_function(graded):
    reference, looper = graded["vectorization", "reference"], graded["vectorization", "relu_loop"]
    assert reference["score"] - looper["score"] == find(reference, "relu", "vectorized")["max_score"]


def test_failure_messages_name_the_case_and_what_came_back(graded):
    output = find(graded["vectorization", "rank1_image"], "image2vector", "tests")["output"]
    assert "image2vector, case" in output
    assert "got the rank-1 shape" in output and ".reshape(" in output


def test_student_exception_is_surfaced_with_its_line(graded):
    output = find(graded["vectorization", "softmax_crash"], "softmax", "tests")["output"]
    assert "raised ValueError" in output
    assert "(softmax, line 4: `return x_exp / x_sum.reshape(1, -1).T.T`)" in output


@pytest.mark.parametrize("assignment", list(STUDENTS))
def test_feedback_html_shows_no_hidden_test_code(graded, course, assignment):
    for student in ("reference", "untouched"):
        html = (course / "feedback" / student / assignment / f"{assignment}.html").read_text()
        assert "BEGIN HIDDEN TESTS" not in html
        assert "autograder.grading.hidden" not in html
        assert f"check({assignment!r}" not in html and "check_choice(" not in html


def test_export_writes_one_row_per_student_and_assignment(graded, course, tmp_path):
    rows = list(csv.DictReader(export(course, tmp_path / "grades.csv").open()))
    pairs = [(r["student_id"], r["assignment"]) for r in rows]
    students = {s for group in STUDENTS.values() for s in group}
    assert sorted(pairs) == sorted((s, a) for a in STUDENTS for s in students)
    reference = next(r for r in rows if r["student_id"] == "reference" and r["assignment"] == "broadcasting")
    assert float(reference["score"]) == float(reference["max_score"]) > 0


def test_export_by_function_has_a_column_per_function_and_marks_a_missing_submission(graded, course, tmp_path):
    out = tmp_path / "by_function.csv"
    done = subprocess.run([sys.executable, "-m", "autograder", "export", "--by-function", "--to", str(out)],
                          cwd=course, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open()))
    assert [r["student_id"] for r in rows] == sorted(r["student_id"] for r in rows)  # sorted by student
    columns = set(rows[0])
    assert {"vectorization.relu", "broadcasting.q_slicing", "logistic_regression.propagate"} <= columns
    reference = next(r for r in rows if r["student_id"] == "reference" and r["assignment"] == "vectorization")
    assert reference["status"] == "graded" and float(reference["vectorization.softmax"]) == 4.0
    assert reference["broadcasting.outer"] == ""  # another assignment's function: no value here
    missing = [r for r in rows if r["student_id"] not in STUDENTS[r["assignment"]]]
    assert missing and all(r["status"] == "missing" and r["score"] == "" and r["vectorization.relu"] == ""
                           for r in missing)
    untouched = next(r for r in rows if r["student_id"] == "untouched" and r["assignment"] == "vectorization")
    assert untouched["status"] == "graded" and float(untouched["score"]) == 0.0  # a stub is 0, not missing

"""Every known mistake is named on the paths students and instructors really take.

For every (function, mistake) of the catalogue (autograder.mistakes.variants.WRONG), a submission
holding that mistake, and the reference everywhere else, is:

- graded with `autograder grade` (all of an assignment's mistakes in one batch, beside students whose
  code is right in other styles): its results.json names the mistake with its sentence;
- checked with `autograder check` on a student's copy of the release folder, and run in a Jupyter
  kernel cell by cell as a student runs it: where a public case catches the mistake, both name it.

Right code, in any of the styles the catalogue's own tests hold, is never diagnosed.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.authoring.known_mistakes import known_mistakes
from autograder.authoring.submissions import fill_notebook
from autograder.commands.check import check
from autograder.commands.grade import grade
from autograder.config import assignment_names
from autograder.mistakes.variants import WRONG
from tests.conftest import REPO
from tests.students import reference_source, variant
from tests.test_check import student_copy
from tests.test_mistakes import CORRECT

ASSIGNMENTS = assignment_names(REPO)
PAIRS = [(a, name, code, source) for a, name, code, source in WRONG]
IDS = [f"{a}.{name}-{code}" for a, name, code, _ in PAIRS]


def student_id(name: str, code: str, index: int) -> str:
    return f"m{index:02d}-{name}-{code}".lower().replace("_", "-")


@lru_cache(maxsize=None)
def caught_in_public(assignment: str) -> frozenset[tuple[str, str]]:
    """(function, code) of the mistakes some public case catches and names."""
    table = known_mistakes(REPO, assignment)
    return frozenset((key.split("/")[0], entry["code"]) for key, entries in table.items() for entry in entries)


def public_pair(assignment: str, name: str, code: str, source: str) -> int:
    """The pair's index in PAIRS; skips the test when no public case catches the mistake."""
    if (name, code) not in caught_in_public(assignment):
        pytest.skip("no public case catches this mistake: only the hidden cases do")
    return PAIRS.index((assignment, name, code, source))


@pytest.fixture(scope="module")
def course(own_course):
    """This module grades students of its own: its own course, so no other module's export sees them."""
    return own_course


@pytest.fixture(scope="module")
def graded(course) -> dict[str, dict]:
    """student -> results.json, for one batch per assignment of every mistake and the right styles."""
    documents = {}
    for assignment in ASSIGNMENTS:
        release = nbformat.read(course / "release" / assignment / f"{assignment}.ipynb", as_version=4)
        sources = {student_id(name, code, i): variant(assignment, **{name: source})
                   for i, (a, name, code, source) in enumerate(PAIRS) if a == assignment}
        styles = [(name, s) for (a, name), listed in CORRECT.items() if a == assignment for s in listed]
        sources.update({f"right-{i:02d}-{name}".replace("_", "-"): variant(assignment, **{name: s})
                        for i, (name, s) in enumerate(styles)})
        sources["right-reference"] = reference_source(assignment)
        for student, source in sources.items():
            folder = course / "submitted" / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            nbformat.write(fill_notebook(release, source), folder / f"{assignment}.ipynb")
        batch = grade(course, assignment, list(sources), jobs=2, feedback=False)
        assert [g.student for g in batch if g.error] == []
        for student in sources:
            path = course / "autograded" / student / assignment / "results.json"
            documents[f"{assignment}/{student}"] = json.loads(path.read_text())
    return documents


def function_tests(document: dict, function: str) -> dict:
    return next(t for t in document["tests"] if t["name"] == f"{function}: tests")


@pytest.mark.parametrize("assignment, name, code, source", PAIRS, ids=IDS)
def test_grading_names_the_mistake_in_results_json(graded, assignment, name, code, source):
    document = graded[f"{assignment}/{student_id(name, code, PAIRS.index((assignment, name, code, source)))}"]
    test = function_tests(document, name)
    assert test["status"] == "failed" and test["score"] < test["max_score"]
    assert code in test["extra_data"]["codes"], test["output"]
    sentence = next(m["sentence"] for m in test["extra_data"]["mistakes"] if m["code"] == code)
    assert sentence and "{" not in sentence
    assert test["output"].startswith(f"{name}: known mistake ")  # the first line of the feedback names it
    assert f"{name}: known mistake {code}: {sentence}" in test["output"].split(f"\n{name} failed ")[0]


def test_right_code_in_any_style_is_never_diagnosed(graded):
    for student, document in graded.items():
        if student.split("/")[1].startswith("right-"):
            codes = [c for t in document["tests"] for c in t["extra_data"]["codes"]]
            assert [c for c in codes if c.startswith("M_")] == [], student
            assert document["score"] == document["max_score"], (student, codes)


def test_at_least_nine_in_ten_mistakes_carry_their_own_code_first(graded):
    """The code a student reads first is the mistake's, not a generic VALUE or SHAPE."""
    first = [function_tests(graded[f"{a}/{student_id(n, c, i)}"], n)["extra_data"]["codes"][0] == c
             for i, (a, n, c, _) in enumerate(PAIRS)]
    assert sum(first) >= 0.9 * len(first)


@pytest.fixture(scope="module")
def checked(course) -> dict[str, dict]:
    """index in PAIRS -> the self-check's row for that function's tests."""
    rows = {}
    for i, (assignment, name, code, source) in enumerate(PAIRS):
        if (name, code) not in caught_in_public(assignment):
            continue
        path = student_copy(course, assignment, variant(assignment, **{name: source}), f"check-{i:02d}")
        results = {r.function: r for r in check(path) if r.part == "tests"}
        rows[i] = results[name]
    return rows


@pytest.mark.parametrize("assignment, name, code, source", PAIRS, ids=IDS)
def test_self_check_names_the_mistake_a_public_case_catches(checked, assignment, name, code, source):
    result = checked[public_pair(assignment, name, code, source)]
    assert result.status == "failed" and code in result.extra_data["codes"], result.output
    assert any(m["code"] == code for m in result.extra_data["mistakes"])


def test_public_cases_catch_most_mistakes():
    caught = sum(len(caught_in_public(a)) for a in ASSIGNMENTS)
    assert caught >= 0.9 * len({(a, n, c) for a, n, c, _ in PAIRS})


@pytest.fixture(scope="module")
def kernel_outputs(course) -> dict[tuple, str]:
    """index in PAIRS -> the error a student sees under the function's public test cell,
    run in a Jupyter kernel in a copy of the release folder: the mistake defined, then the cell."""
    shown = {}
    for assignment in ASSIGNMENTS:
        path = student_copy(course, assignment, reference_source(assignment), f"kernel-{assignment}")
        release = nbformat.read(path, as_version=4)
        tests = {c.metadata.nbgrader.grade_id[len("test_"):]: c.source for c in release.cells
                 if c.metadata.get("nbgrader", {}).get("grade_id", "").startswith("test_")}
        # The notebook as the student runs it, answers filled in (no demonstrations, no graded cells)...
        setup = [c.source for c in release.cells if c.cell_type == "code"
                 and not c.metadata.get("nbgrader", {}).get("grade") and "demo" not in c.metadata.get("tags", [])]
        cells = [nbformat.v4.new_code_cell(source) for source in setup]
        # ... then, per mistake: every function back to the reference, the mistake, its public test cell.
        pairs = [(i, n, s) for i, (a, n, c, s) in enumerate(PAIRS)
                 if a == assignment and (n, c) in caught_in_public(assignment)]
        for i, name, source in pairs:
            reference = variant(assignment)
            cells += [nbformat.v4.new_code_cell(reference), nbformat.v4.new_code_cell(source),
                      nbformat.v4.new_code_cell(tests[name], metadata={"mistake": i})]
        nb = nbformat.v4.new_notebook(cells=cells)
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        for cell in nb.cells:
            if "mistake" in cell.metadata:
                errors = [o for o in cell.outputs if o.output_type == "error"]
                shown[cell.metadata["mistake"]] = "\n".join(
                    f"{o.ename}: {o.evalue}\n" + "\n".join(o.traceback) for o in errors)
    return shown


@pytest.mark.parametrize("assignment, name, code, source", PAIRS, ids=IDS)
def test_the_notebooks_public_test_cell_names_the_mistake(kernel_outputs, assignment, name, code, source):
    shown = kernel_outputs[public_pair(assignment, name, code, source)]
    assert f"[{code}]" in shown, shown
    assert "Traceback" not in shown and not re.search(r"kitcheck/__init__\.py", shown), shown

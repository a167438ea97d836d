"""nbgrader's stock kernel execution and the kit's executor give the same score for every cell.

The same honest submissions (the demo's students and generated ones) are graded twice, in two
course copies: once by `nbgrader autograde`'s own pipeline with its Jupyter kernel, once by
`autograder grade`; then every grade cell's score in the two gradebooks is compared. The one
difference by design: the kit gives no vectorization point to a function that fails every case
it is tested on (NOT_WORKING), which a kernel cannot tell (it stops at the first failing case).
"""

import pytest
from nbgrader.api import Gradebook

from autograder.authoring.course_copy import copy_course
from autograder.authoring.submissions import write_submission
from autograder.commands.course import nbgrader_api
from autograder.commands.grade import grade
from autograder.config import assignment_names, load_config
from benchmarks.grading import withheld
from tests.conftest import REPO
from tests.students import source_of

GENERATED = ["reference", "other_styles"]


def submissions(assignment):
    """(student, source) pairs: every demo student, and the generated honest variants that exist."""
    demo = [(p.parent.name, p.read_text()) for p in sorted((REPO / "demo" / "submissions").glob(f"*/{assignment}.py"))]
    from tests.students import STUDENTS

    generated = [(name, source_of(assignment, name)) for name in GENERATED if name in STUDENTS[assignment]]
    return demo + generated


def scores(root):
    course_id = load_config(root).CourseDirectory.course_id
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=course_id) as gradebook:
        return {(a, s.student.id, g.name): g.score
                for a in assignment_names(root)
                for s in gradebook.assignment_submissions(a)
                for nb in s.notebooks for g in nb.grades}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    stock = copy_course(REPO, tmp_path_factory.mktemp("stock"))
    kit = copy_course(REPO, tmp_path_factory.mktemp("kit"))
    for root in (stock, kit):
        for assignment in assignment_names(root):
            for student, source in submissions(assignment):
                path = root / "sources" / student / f"{assignment}.py"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(source)
                write_submission(root / "release" / assignment / f"{assignment}.ipynb", path,
                                 root / "submitted" / student / assignment)
    api = nbgrader_api(stock)
    api.config.Autograde.autograde_preprocessors = [
        "nbgrader.preprocessors.Execute" if p.endswith("SandboxExecute") else p
        for p in api.config.Autograde.autograde_preprocessors]
    for assignment in assignment_names(stock):
        for student, _ in submissions(assignment):
            assert api.autograde(assignment, student)["success"]
        assert [g.error for g in grade(kit, assignment, feedback=False) if g.error] == []
    return scores(stock), scores(kit), withheld(kit)


def test_stock_kernel_and_kit_executor_give_identical_scores_for_every_cell(both):
    stock, kit, withheld = both
    assert len(stock) > 300
    assert set(stock) == set(kit)
    assert {key: (stock[key], kit[key]) for key in stock if stock[key] != kit[key] and key not in withheld} == {}
    assert withheld and all(kit[key] == 0 for key in withheld)

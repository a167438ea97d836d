"""`python -m kitcheck`: the student's self-check, with nothing but the release folder.

The kit's own packages are made unimportable in the process that runs it (as on a student's machine,
where they do not exist), so a check that needed them would fail here.
"""
import json
import subprocess
import sys

import pytest

from tests.students import reference_source, variant
from tests.test_check import run_check, student_copy

WITHOUT_THE_KIT = ("import runpy, sys; sys.modules['autograder'] = sys.modules['solutions'] = None; "
                   "sys.argv = ['kitcheck', *sys.argv[1:]]; runpy.run_module('kitcheck', run_name='__main__')")
MISTAKES = dict(relu="def relu(v):\n    return np.array([max(0, x) for x in v])",
                L1="def L1(yhat, y):\n    return float(np.sum(y - yhat))")


def kitcheck(path, *options):
    return subprocess.run([sys.executable, "-c", WITHOUT_THE_KIT, path.name, *options], cwd=path.parent,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def wrong(course):
    return student_copy(course, "vectorization", variant("vectorization", **MISTAKES), "selfcheck_wrong")


def test_a_finished_notebook_passes_and_exits_0(course):
    done = kitcheck(student_copy(course, "broadcasting", reference_source("broadcasting"), "selfcheck_right"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout and "Public score: 20/20 points" in done.stdout
    assert "5 multiple-choice answer(s) are marked only after submission" in " ".join(done.stdout.split())


def test_a_mistake_and_a_loop_are_named_and_exit_1(wrong):
    done = kitcheck(wrong, "--json")
    assert done.returncode == 1, done.stderr
    checks = {(c["name"], c["part"]): c for c in json.loads(done.stdout)["checks"]}
    assert checks["L1", "tests"]["codes"][0] == "M_L1_NO_ABS"
    assert checks["L1", "tests"]["message"].startswith("case 'rank-1 vectors': L1 summed the signed differences")
    assert "LOOP003" in checks["relu", "vectorized"]["codes"]
    assert checks["relu", "vectorized"]["location"] == "relu, line 2"


def test_the_table_is_the_one_autograder_check_prints(wrong):
    assert kitcheck(wrong).stdout == run_check(wrong).stdout


def test_what_a_student_wrote_cannot_drive_the_terminal(course):
    source = variant("vectorization", relu='def relu(v):\n    raise ValueError("\\x1b[2J\\x1b]0;pwned\\x07gone")')
    done = kitcheck(student_copy(course, "vectorization", source, "selfcheck_escapes"))
    assert done.returncode == 1 and "relu" in done.stdout
    assert "\x1b" not in done.stdout and "pwned" in done.stdout.replace("]0;", "")

"""`autograder lint PATH`: the static loop rule alone, printed like a linter."""
import subprocess
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from tests.conftest import REPO


def lint(path):
    return subprocess.run([sys.executable, "-m", "autograder", "lint", str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_lint_of_a_python_file_prints_findings_with_file_line_and_code(tmp_path):
    path = tmp_path / "work.py"
    path.write_text(
        "import numpy as np\n\n"
        "def relu(v):\n"
        "    return np.array([max(0, x) for x in v])\n\n"
        "def sigmoid(x):\n"
        "    return 1 / (1 + np.exp(-x))\n"
    )
    done = lint(path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith(f"{path}:line 4: LOOP003 ")
    assert "relu" in done.stdout and "sigmoid" not in done.stdout


def test_lint_of_a_notebook_names_the_cell_and_follows_helpers_across_cells(tmp_path):
    path = tmp_path / "nb.ipynb"
    nb = new_notebook(cells=[
        new_code_cell("import numpy as np"),
        new_code_cell("def total(rows):\n    s = 0\n    for r in rows:\n        s += r\n    return s"),
        new_code_cell("def L1(yhat, y):\n    return float(total(np.abs(y - yhat)))"),
    ])
    nbformat.write(nb, path)
    done = lint(path)
    assert done.returncode == 1
    assert f"{path}:cell 2:line 3: LOOP001" in done.stdout
    assert "via helper `total`" in done.stdout


def test_lint_of_vectorized_code_is_silent_and_exits_0(tmp_path):
    path = tmp_path / "clean.py"
    path.write_text("import numpy as np\n\ndef softmax(x):\n    e = np.exp(x)\n    return e / e.sum(axis=1, keepdims=True)\n")
    done = lint(path)
    assert (done.returncode, done.stdout) == (0, "")

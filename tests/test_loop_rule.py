"""The static vectorization rule (autograder/kitcheck/loops), tested like flake8-bugbear.

The corpus in tests/loop_corpus/ is a set of plain source files, one per topic. Each file holds
independent snippets, each linted on its own as a notebook:

    # --- snippet: <what the variant is> ---
    <cell source>
    # --- cell ---                     (optional: starts the snippet's next cell)
    <cell source>

A line that must be flagged ends with `# expect: CODE[, CODE...]`; `CODE@function` also says which
graded function the finding is charged to. Lines without it must stay clean: the test compares
the exact multiset of (cell, line, code) per snippet. Policies come from course_config.py.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pytest
from traitlets.config.loader import PyFileConfigLoader

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # the kit is used from its checkout, not installed
    sys.path.insert(0, str(REPO))

from autograder.kitcheck.loops import (  # noqa: E402
    CODES, POLICIES, SUGGESTIONS, Finding, defined_functions, lint_cells, stubs)

CORPUS = Path(__file__).with_name("loop_corpus")
SNIPPET_MARK = re.compile(r"^# --- snippet: (?P<description>.+?) ---\s*$")
CELL_MARK = re.compile(r"^# --- cell ---\s*$")
EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>[\w@, ]+?)\s*$")
NBGRADER_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"


# --- course policy ---------------------------------------------------------------------------

@lru_cache(maxsize=None)
def course_policies() -> dict[str, str]:
    """Graded function name -> loop policy, from course_config.py (choice questions left out)."""
    config = PyFileConfigLoader("course_config.py", path=str(REPO)).load_config()
    policies: dict[str, str] = {}
    for units in config.Course.assignments.values():
        for name, unit in units.items():
            if unit.get("kind", "function") == "function":
                policy = unit.get("loops", "forbidden")
                assert policies.setdefault(name, policy) == policy, f"{name}: two policies"
    return policies


@pytest.fixture(scope="module")
def policies() -> dict[str, str]:
    return course_policies()


# --- corpus ----------------------------------------------------------------------------------

@dataclass
class Snippet:
    file: str
    description: str
    cells: list[tuple[str, str]] = field(default_factory=list)
    # (cell, line, code) -> how many findings; and who they are charged to where it is said.
    expected: Counter = field(default_factory=Counter)
    charged_to: list[tuple[str, int, str, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.file}: {self.description}"


def _add_cell(snippet: Snippet, lines: list[str]) -> None:
    label = f"cell {len(snippet.cells) + 1}"
    for number, line in enumerate(lines, start=1):
        match = EXPECT.search(line)
        if not match:
            continue
        for item in filter(None, (part.strip() for part in match["codes"].split(","))):
            code, _, function = item.partition("@")
            snippet.expected[(label, number, code)] += 1
            if function:
                snippet.charged_to.append((label, number, code, function))
    snippet.cells.append((label, "\n".join(lines)))


def load_corpus_file(path: Path) -> list[Snippet]:
    snippets: list[Snippet] = []
    lines: list[str] | None = None  # the current cell's lines; None before the first snippet
    for line in path.read_text().splitlines():
        snippet_start = SNIPPET_MARK.match(line)
        if snippet_start or (CELL_MARK.match(line) and lines is not None):
            if lines is not None:
                _add_cell(snippets[-1], lines)
            if snippet_start:
                snippets.append(Snippet(path.name, snippet_start["description"]))
            lines = []
        elif lines is not None:
            lines.append(line)
    if lines is not None:
        _add_cell(snippets[-1], lines)
    return snippets


SNIPPETS = [snippet for path in sorted(CORPUS.glob("*.py")) for snippet in load_corpus_file(path)]
LOOPING = [snippet for snippet in SNIPPETS if snippet.expected]
CLEAN = [snippet for snippet in SNIPPETS if not snippet.expected]


def _describe(findings: list[Finding]) -> str:
    return "\n".join(finding.format() for finding in findings) or "(no findings)"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[snippet.id for snippet in SNIPPETS])
def test_corpus_snippet_gets_exactly_its_expected_findings(snippet: Snippet, policies):
    findings = lint_cells(snippet.cells, policies)
    found = Counter((finding.cell, finding.line, finding.code) for finding in findings)
    assert found == snippet.expected, _describe(findings)
    for cell, line, code, function in snippet.charged_to:
        charged = {f.function for f in findings if (f.cell, f.line, f.code) == (cell, line, code)}
        assert function in charged, f"{cell}:line {line} {code} not charged to {function}: " \
            + _describe(findings)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[snippet.id for snippet in SNIPPETS])
def test_corpus_snippet_defines_a_graded_function(snippet: Snippet, policies):
    # A snippet without a graded function would pass whatever the rule does.
    assert defined_functions(snippet.cells) & set(policies)


@pytest.mark.parametrize("variants", [
    pytest.param(LOOPING, id=f"{len(LOOPING)} looping variants"),
    pytest.param(CLEAN, id=f"{len(CLEAN)} clean vectorized variants"),
])
def test_corpus_has_at_least_45_variants_of_each_kind(variants):
    assert len(variants) >= 45


@pytest.mark.parametrize("code", sorted(set(CODES) - {"SYNTAX"}))
def test_every_code_has_a_corpus_example(code):
    assert any(expected_code == code for snippet in LOOPING
               for (_, _, expected_code) in snippet.expected)


def test_every_finding_of_the_corpus_carries_its_code_suggestion(policies):
    for snippet in LOOPING:
        for finding in lint_cells(snippet.cells, policies):
            assert finding.suggestion == SUGGESTIONS[finding.code]
            assert finding.message and finding.function in policies


# --- messages --------------------------------------------------------------------------------

HELPER_LOOP = '''\
def _column_sums(X):
    total = 0
    for j in range(X.shape[1]):
        total = total + X[:, j]
    return total


def propagate(w, b, X, Y):
    m = X.shape[1]
    return _column_sums(X) / m
'''


def test_message_names_the_loop_the_function_and_the_helper_chain():
    [finding] = lint_cells([("cell 4", HELPER_LOOP)], {"propagate": "forbidden"})
    assert finding == Finding(
        code="LOOP001", function="propagate", cell="cell 4", line=3,
        message="for-loop over range(X.shape[1]) in propagate (via helper `_column_sums`)",
        suggestion=SUGGESTIONS["LOOP001"], place="_column_sums, line 3")


def test_a_finding_names_its_place_by_function_and_line_whatever_the_cells_are_called():
    """The same code reads `_column_sums, line 3` in a kernel (In [7]) and in a graded notebook (cell 12)."""
    in_kernel = lint_cells([("In [7]", HELPER_LOOP)], {"propagate": "forbidden"})[0]
    graded = lint_cells([("cell 12", "\n\n" + HELPER_LOOP)], {"propagate": "forbidden"})[0]
    assert in_kernel.place == graded.place == "_column_sums, line 3"
    assert in_kernel.describe().startswith("_column_sums, line 3: LOOP001 for-loop over range(X.shape[1])")


def test_format_reads_like_a_linter_with_and_without_a_path():
    finding = Finding("LOOP001", "propagate", "cell 7", 4, "for-loop over range(m) in propagate",
                      "use np.dot")
    assert finding.format("notebook.ipynb") == (
        "notebook.ipynb:cell 7:line 4: LOOP001 for-loop over range(m) in propagate: use np.dot")
    assert finding.format() == (
        "cell 7:line 4: LOOP001 for-loop over range(m) in propagate: use np.dot")


def test_alias_is_named_in_the_message():
    source = "from functools import reduce as r\n\ndef L1(yhat, y):\n    return r(min, y - yhat)\n"
    [finding] = lint_cells([("cell 1", source)], {"L1": "forbidden"})
    assert (finding.code, finding.line) == ("LOOP004", 4)
    assert "`r` is functools.reduce" in finding.message


def test_findings_are_sorted_by_function_then_cell_order_then_line():
    cells = [
        ("cell 9", "def sigmoid(x):\n    return np.array([1 / (1 + np.exp(-t)) for t in x])\n"),
        ("cell 2", "def _helper(r):\n    while r.any():\n        r = r[1:]\n    return r\n"),
        ("cell 3", "def relu(v):\n    _helper(v)\n    for t in v:\n        pass\n    return v\n"),
    ]
    findings = lint_cells(cells, {"sigmoid": "forbidden", "relu": "forbidden"})
    assert [(f.function, f.cell, f.line) for f in findings] == [
        ("relu", "cell 2", 2), ("relu", "cell 3", 3), ("sigmoid", "cell 9", 2)]


def test_an_unknown_policy_is_refused():
    with pytest.raises(ValueError, match="unknown loop policy"):
        lint_cells([("cell 1", "def relu(v):\n    return v\n")], {"relu": "sometimes"})
    assert set(POLICIES) == {"forbidden", "allowed", "dimensions", "iterations"}


# --- notebook syntax -------------------------------------------------------------------------

def test_ipython_lines_are_neutralized_and_line_numbers_kept():
    source = "\n".join([
        "%matplotlib inline",
        "!pip list",
        "np.sum?",
        "t = %timeit -o relu(x)",
        "def relu(v):",
        "    %time v.copy()",
        "    return np.array([max(t, 0) for t in v])",
    ])
    [finding] = lint_cells([("cell 5", source)], {"relu": "forbidden"})
    assert (finding.code, finding.cell, finding.line) == ("LOOP003", "cell 5", 7)


def test_a_non_python_cell_magic_is_skipped_and_a_timing_cell_magic_is_not():
    bash = ("cell 1", "%%bash\nfor f in *.ipynb; do echo $f; done\n")
    timed = ("cell 2", "%%timeit\ndef relu(v):\n    return [max(t, 0) for t in v]\n")
    findings = lint_cells([bash, timed], {"relu": "forbidden"})
    assert [(f.code, f.cell, f.line) for f in findings] == [("LOOP003", "cell 2", 3)]


def test_a_cell_that_does_not_parse_gives_one_syntax_finding_and_the_rest_is_checked():
    broken = ("cell 1", "def sigmoid(x):\n    return 1 / (1 + np.exp(-x)\n")
    looping = ("cell 2", "def relu(v):\n    for t in v:\n        pass\n    return v\n")
    findings = lint_cells([broken, looping], {"sigmoid": "forbidden", "relu": "forbidden"})
    assert [(f.code, f.function, f.cell) for f in findings] == [
        ("SYNTAX", "", "cell 1"), ("LOOP001", "relu", "cell 2")]
    assert findings[0].line in (2, 3) and "does not parse" in findings[0].message


# --- stubs and definitions -------------------------------------------------------------------

@pytest.mark.parametrize("body, stub", [
    pytest.param(NBGRADER_STUB, True, id="nbgrader stub"),
    pytest.param('"""Sigmoid of x."""\n' + NBGRADER_STUB, True, id="docstring then stub"),
    pytest.param("pass", True, id="pass"),
    pytest.param("# TODO\n...", True, id="comment and ellipsis"),
    pytest.param("raise NotImplementedError", True, id="raise the class"),
    pytest.param("return 1 / (1 + np.exp(-x))", False, id="implemented"),
    pytest.param('"""Sigmoid of x."""\nreturn 1 / (1 + np.exp(-x))', False, id="documented"),
    pytest.param("raise ValueError('x')", False, id="another exception"),
])
def test_stubs_recognize_the_nbgrader_stub(body, stub):
    indented = "\n".join("    " + line for line in body.splitlines())
    assert stubs([("cell 1", f"def sigmoid(x):\n{indented}\n")], ["sigmoid"]) == ({"sigmoid"} if stub else set())


def test_stubs_follow_the_last_definition():
    implemented = ("cell 1", "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n")
    stub = ("cell 2", "def sigmoid(x):\n    # YOUR CODE HERE\n    raise NotImplementedError()\n")
    assert stubs([implemented, stub], ["sigmoid"]) == {"sigmoid"}
    assert stubs([stub, implemented], ["sigmoid"]) == set()
    assert stubs([implemented], ["softmax"]) == {"softmax"}  # missing counts as a stub


def test_defined_functions_lists_defs_and_named_lambdas_after_all_cells():
    cells = [("cell 1", "import numpy as np\nX = np.ones(3)\ndef relu(v):\n    return v\n"),
             ("cell 2", "to_row = lambda a: a.reshape(1, -1)\nasync def fetch():\n    pass\n")]
    assert defined_functions(cells) == {"relu", "to_row", "fetch"}

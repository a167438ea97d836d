"""The static loop rule's work grows linearly with the notebook: a 600 KB notebook of 3000 helpers
calling each other in chains is checked in seconds (measured 1.4 s on the 2-core development
machine; the quadratic helper search it replaced took minutes). No timed assertion: the test checks
the result, and a quadratic rule would show as a test that takes minutes."""
from __future__ import annotations

from autograder.kitcheck.loops import MAX_CODE_CHARS, lint_cells


def chained_helpers(functions: int = 3000, chains: int = 10) -> list[tuple[str, str]]:
    """One cell per helper; chain c is h_c_0 -> h_c_1 -> ...; the last helper of chain 0 loops,
    and every helper of chain 1 also calls sigmoid (a graded function), which calls chain 1."""
    cells = [("cell 1", "import numpy as np\n")]
    per = functions // chains
    for chain in range(chains):
        for index in range(per):
            last = index + 1 == per
            callee = f"h_{chain}_{index + 1}(v)" if not last else ("[t for t in v]" if chain == 0 else "v")
            graded = " + 0 * sigmoid(v)" if chain == 1 and not last else ""
            cells.append((f"cell {len(cells) + 1}",
                          f"def h_{chain}_{index}(v):\n    # {'x' * 120}\n"
                          f"    w = np.maximum(v, 0) * 1.0 + 0.0\n    return {callee}{graded}\n"))
    calls = "".join(f"    v = h_{chain}_0(v)\n" for chain in range(chains) if chain != 1)
    cells.append((f"cell {len(cells) + 1}", f"def relu(v):\n{calls}    return v\n"))
    cells.append((f"cell {len(cells) + 1}", "def sigmoid(x):\n    return h_1_0(x)\n"))
    return cells


def test_a_600_kb_notebook_of_chained_helpers_gets_its_findings():
    cells = chained_helpers()
    assert sum(len(source) for _, source in cells) > 600_000
    findings = lint_cells(cells, {"relu": "forbidden", "sigmoid": "forbidden"})
    loop = [f for f in findings if f.function == "relu"]
    assert [(f.code, f.place) for f in loop] == [("LOOP003", "h_0_299, line 4")]
    # The chain is named by its ends, not by 300 names.
    assert "`h_0_0` -> `h_0_1` -> `h_0_2` -> ... -> `h_0_298` -> `h_0_299`" in loop[0].message
    recursion = [f for f in findings if f.function == "sigmoid"]
    assert recursion and {f.code for f in recursion} == {"LOOP006"}
    assert all(len(f.message) < 400 for f in findings)


def test_a_notebook_over_the_size_bound_gets_one_syntax_finding():
    cells = [("cell 1", "def relu(v):\n    return v\n"), ("cell 2", "x = 1\n" * (MAX_CODE_CHARS // 6 + 1))]
    [finding] = lint_cells(cells, {"relu": "forbidden"})
    assert (finding.code, finding.function) == ("SYNTAX", "")
    assert "too" in finding.message or "more than" in finding.message

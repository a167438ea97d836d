"""Turn notebook cells into ASTs: IPython syntax is neutralized, line numbers are kept."""

from __future__ import annotations

import ast
import functools
import re
import warnings
from dataclasses import dataclass

# Cell magics whose body is still Python: only the magic line is dropped. Any other cell magic
# (%%bash, %%writefile, %%html, ...) makes the whole cell opaque text, so it is blanked out.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})

# One line of IPython syntax: a line magic or shell escape (`%timeit f(x)`, `!pip list`), help
# (`?np.sum`, `np.sum??`), or their assigned forms (`t = %timeit -o f(x)`, `files = !ls`).
_IPYTHON_LINE = re.compile(
    r"""^\s*(?:
        [%!]                                  # %magic, !shell
      | \?{1,2}[\w.*]+\s*$                    # ?name, ??name
      | [\w.*\[\]()]+\?{1,2}\s*$              # name?, name??
      | [\w.,\s\[\]]+=\s*[%!]                 # x = %magic, files = !ls
    )""",
    re.VERBOSE,
)
_CELL_MAGIC = re.compile(r"^%%(\w+)")


@dataclass(frozen=True)
class Chunk:
    """One cell, parsed: `tree` is None and `error` says why when it does not parse."""

    index: int
    label: str
    tree: ast.Module | None
    error: SyntaxError | None = None


def neutralize_ipython(source: str) -> str:
    """Replace IPython-only lines by `pass` at the same indentation, keeping line numbers."""
    lines = source.split("\n")
    first = next((line for line in lines if line.strip()), "")
    magic = _CELL_MAGIC.match(first.strip())
    if magic and magic.group(1) not in PYTHON_CELL_MAGICS:
        return "\n" * (len(lines) - 1)
    return "\n".join(_neutralize_line(line) for line in lines)


def _neutralize_line(line: str) -> str:
    if not _IPYTHON_LINE.match(line):
        return line
    indent = line[: len(line) - len(line.lstrip())]
    return indent + "pass"


def parse_cell(index: int, label: str, source: str) -> Chunk:
    # Plain Python is parsed as written; only a cell that fails is retried without IPython
    # lines, so a docstring line that happens to start with `%` is never touched.
    try:
        return Chunk(index, label, _parse(source))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    try:
        return Chunk(index, label, _parse(neutralize_ipython(source)))
    except SyntaxError as error:
        return Chunk(index, label, None, error)
    except (ValueError, RecursionError, MemoryError) as error:  # null bytes, absurd nesting
        return Chunk(index, label, None, SyntaxError(str(error) or type(error).__name__))


@functools.lru_cache(maxsize=1024)
def _parse(source: str) -> ast.Module:
    """Parsed once per source text: the rule reads trees and never changes them."""
    with warnings.catch_warnings():  # the student sees SyntaxWarnings when the cell runs
        warnings.simplefilter("ignore")
        return ast.parse(source)


def parse_cells(cells: list[tuple[str, str]]) -> list[Chunk]:
    return [parse_cell(index, label, source) for index, (label, source) in enumerate(cells)]

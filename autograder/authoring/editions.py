"""Editions of the notebooks in other languages: the same cells, the text translated.

The English notebook built from `assignments/<a>/<a>.nb.md` is the only source of code. An edition
replaces, through the gettext catalogue `assignments/<a>/<a>.<language>.po`, what a student reads:
each markdown cell as a whole, and in code cells the comments and the string literals that are
prose (docstrings, printed labels, plot labels, test case names). Every other token is copied, so
both editions run the same code on the same solutions, public tests and hidden cases; nbgrader's
markers (### BEGIN SOLUTION, ...) are never translated. The edition is written to
`editions/<language>/<a>/`, with the assignment's data files, for nbgrader's source directory.
"""
from __future__ import annotations

import ast
import io
import re
import shutil
import tokenize
from dataclasses import dataclass, replace
from pathlib import Path

import nbformat
from babel.messages.catalog import Catalog
from nbformat import NotebookNode

from autograder.authoring.build import build_notebook
from autograder.i18n import catalogs
from autograder.nbgrader_plugins.sandbox_execute import data_files

NBGRADER_MARKER = re.compile(r"#+\s*(BEGIN|END) (SOLUTION|HIDDEN TESTS)|#\s*YOUR CODE HERE")
IDENTIFIER_LIKE = re.compile(r"^[\w.\-/]*$")  # keys, names, paths: code, not prose


def catalogue_path(root: Path, assignment: str, language: str) -> Path:
    return root / "assignments" / assignment / f"{assignment}.{language}.po"


def edition_folder(root: Path, assignment: str, language: str) -> Path:
    return root / "editions" / language / assignment


def edition_path(root: Path, assignment: str, language: str) -> Path:
    return edition_folder(root, assignment, language) / f"{assignment}.ipynb"


# -- what is translated ------------------------------------------------------------------------

def texts(notebook: NotebookNode) -> list[tuple[str, str]]:
    """(text, where) of everything an edition translates, in notebook order."""
    found = []
    for index, cell in enumerate(notebook.cells):
        where = f"{cell.get('id') or index}"
        if cell.cell_type == "markdown":
            found.append((cell.source, where))
        elif cell.cell_type == "code":
            found += [(span.text, where) for span in _prose_spans(cell.source)]
    return found


@dataclass(frozen=True)
class Span:
    """A translatable piece of a code cell: a string literal, an inline comment, or a block of
    full-line comments (one text, its lines joined with newlines)."""

    start: tuple[int, int]
    end: tuple[int, int]
    text: str
    opening: str  # what the translation goes after: the literal's prefix and quote, or "# "
    closing: str = ""  # a literal's closing quote
    own_line: bool = False  # a comment alone on its line (the next one may continue it)

    def replaced(self, translation: str) -> str:
        if self.closing:  # a string literal
            return self.opening + translation + self.closing
        indent = "\n" + " " * self.start[1]
        return indent.join(self.opening + line for line in translation.split("\n"))


def _prose_spans(source: str) -> list[Span]:
    """The comments and prose string literals of a code cell, in order."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        code_strings = _code_strings(ast.parse(source))
    except (SyntaxError, tokenize.TokenError):
        return []
    spans: list[Span] = []
    for previous, token in zip([None, *tokens], tokens):
        if token.type == tokenize.COMMENT and not NBGRADER_MARKER.match(token.string):
            text = token.string.lstrip("#").strip()
            opening = token.string[:len(token.string) - len(token.string.lstrip("#").lstrip())]
            own_line = previous is None or previous.type in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                                                              tokenize.DEDENT)
            last = spans[-1] if spans else None
            if own_line and last and last.own_line and last.end[0] == token.start[0] - 1 \
                    and last.start[1] == token.start[1]:
                spans[-1] = replace(last, end=token.end, text=f"{last.text}\n{text}")
            elif text:
                spans.append(Span(token.start, token.end, text, opening, own_line=own_line))
        elif token.type == tokenize.STRING and token.start not in code_strings:
            opening, text, closing = _quoted(token.string)
            if re.search(r"[A-Za-z]", text) and not IDENTIFIER_LIKE.match(text):
                spans.append(Span(token.start, token.end, text, opening, closing))
    return spans


def _code_strings(tree: ast.AST) -> set[tuple[int, int]]:
    """Where the strings are that the code uses as values: dict keys, subscripts, comparisons."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            found.update((k.lineno, k.col_offset) for k in node.keys if isinstance(k, ast.Constant))
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            found.add((node.slice.lineno, node.slice.col_offset))
        elif isinstance(node, ast.Compare):
            found.update((n.lineno, n.col_offset) for n in [node.left, *node.comparators]
                         if isinstance(n, ast.Constant))
    return found


def _quoted(literal: str) -> tuple[str, str, str]:
    """A string token as (prefix and opening quote, text as written, closing quote)."""
    body = literal.lstrip("rRbBuUfF")
    quote = body[:3] if body[:3] in ('"""', "'''") else body[0]
    opening = literal[:len(literal) - len(body) + len(quote)]
    return opening, literal[len(opening):-len(quote)], quote


# -- translating -------------------------------------------------------------------------------

def translate(notebook: NotebookNode, translations: dict[str, str]) -> NotebookNode:
    """A copy of `notebook` with every translatable text replaced (left as is where untranslated)."""
    edition = nbformat.from_dict(notebook)
    for cell in edition.cells:
        if cell.cell_type == "markdown":
            cell.source = translations.get(cell.source, cell.source)
        elif cell.cell_type == "code":
            cell.source = _translate_code(cell.source, translations)
    return edition


def _translate_code(source: str, translations: dict[str, str]) -> str:
    lines = source.splitlines(keepends=True)
    for span in reversed(_prose_spans(source)):  # from the end: earlier positions stay valid
        if span.text in translations:
            (row, col), (end_row, end_col) = span.start, span.end
            head, tail = lines[row - 1][:col], lines[end_row - 1][end_col:]
            lines[row - 1:end_row] = [head + span.replaced(translations[span.text]) + tail]
    return "".join(lines)


# -- catalogues and files ----------------------------------------------------------------------

def template(notebook: NotebookNode, assignment: str) -> Catalog:
    catalogue = catalogs.new(None, assignment)
    for text, where in texts(notebook):
        catalogue.add(text, locations=[(f"{assignment}.ipynb#{where}", None)])
    return catalogue


def catalogue_files(root: Path, assignment: str, language: str, notebook: NotebookNode | None = None) -> \
        tuple[Catalog, dict[Path, bytes]]:
    """The edition's catalogue merged with the notebook as built now, and the files it makes."""
    notebook = notebook or build_notebook(root, assignment)
    merged = catalogs.merged(template(notebook, assignment), catalogue_path(root, assignment, language), language)
    files = {catalogue_path(root, assignment, language): catalogs.po_bytes(merged)}
    edition = translate(notebook, catalogs.translations(merged))
    files[edition_path(root, assignment, language)] = (nbformat.writes(edition).rstrip("\n") + "\n").encode()
    return merged, files


def write_edition(root: Path, assignment: str, language: str) -> list[Path]:
    """Update the catalogue, write the edition's notebook and copy the assignment's data files."""
    _, files = catalogue_files(root, assignment, language)
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    for data in data_files(root / "assignments" / assignment):
        shutil.copy(data, edition_folder(root, assignment, language) / data.name)
    return list(files)

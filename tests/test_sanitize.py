"""SanitizeFeedback on single cells: each way a notebook could act in a page, and what is kept.
(The feedback pages themselves are checked end to end in test_batch_robustness.py.)"""
from __future__ import annotations

from html.parser import HTMLParser

import nbformat
import pytest
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

from autograder.nbgrader_plugins.sanitize import SanitizeFeedback, safe_markdown

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def render(markdown: str) -> str:
    return MarkdownWithMath(renderer=IPythonRenderer(escape=False)).render(markdown)


def sanitized(*cells) -> list:
    nb = nbformat.from_dict(new_notebook(cells=list(cells)))
    nb, _ = SanitizeFeedback()(nb, {})
    return nb.cells


@pytest.mark.parametrize("markdown", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=//evil></iframe>",
    "<svg onload=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVa&#x53;cript:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![x](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "```\nfine\n```\n<script>alert(1)</script>",
    "`` ` ``<script>alert(1)</script>",
    "$x$<script>alert(1)</script>$y$",
])
def test_markdown_that_could_act_renders_inert(markdown):
    tags = Tags()
    tags.feed(render(safe_markdown(markdown)))
    assert not {"script", "iframe", "svg", "object", "embed"} & {tag for tag, _ in tags.found}
    attributes = [(name, value) for _, attrs in tags.found for name, value in attrs]
    assert [name for name, _ in attributes if name.startswith("on")] == []
    assert [v for _, v in attributes if v and "".join(v.split()).lower().startswith("javascript:")] == []


@pytest.mark.parametrize("markdown", [
    "# Title\n\nSome *emphasis*, **bold**, `code < 3` and a [link](https://example.org).",
    "$$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$ and $a < b$",
    "| a | b |\n|---|:-:|\n| 1 | 2 |",
    "```python\nif a < b:\n    pass\n```",
    "> a quote\n\n- a list\n- [x] a task",
])
def test_markdown_without_html_is_unchanged(markdown):
    assert safe_markdown(markdown) == markdown


def test_outputs_keep_only_text_and_images_and_drop_their_metadata():
    cell = new_code_cell("x", outputs=[
        new_output("display_data", data={"text/html": "<b>x</b>", "application/javascript": "alert(1)",
                                         "image/svg+xml": "<svg onload=alert(1)>", "text/plain": "x",
                                         "image/png": PNG},
                   metadata={"image/png": {"width": "1 onerror=alert(1)"}}),
        new_output("display_data", data={"image/jpeg": 'x" onerror="alert(1)', "text/markdown": "<script>"}),
    ])
    [cell] = sanitized(cell)
    assert [dict(o.data) for o in cell.outputs] == [{"text/plain": "x", "image/png": PNG}, {}]
    assert all(o.metadata == {} for o in cell.outputs)


def test_raw_cells_and_cell_tags_are_escaped_or_dropped():
    raw = new_raw_cell("<script>alert(1)</script>", metadata={"raw_mimetype": "text/html"})
    markdown = new_markdown_cell("text", metadata={"tags": ['x" onmouseover="alert(1)', "demo"]})
    raw, markdown = sanitized(raw, markdown)
    assert "<script" not in raw.source
    assert markdown.metadata.tags == ["demo"]


def test_svg_attachments_are_dropped_and_a_missing_one_turns_the_cell_to_text():
    cell = new_markdown_cell("![a](attachment:a.svg)")
    cell.attachments = {"a.svg": {"image/svg+xml": "PHN2Zz4="}}
    [cell] = sanitized(cell)
    assert "attachments" not in cell
    render(cell.source)  # would raise on a missing attachment


def test_the_courses_own_markdown_is_shown_unchanged():
    from pathlib import Path

    changed = []
    for path in sorted((Path(__file__).resolve().parent.parent / "assignments").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown" and safe_markdown(cell.source, cell.get("attachments")) != cell.source:
                changed.append((path.name, cell.source[:80]))
    assert changed == []

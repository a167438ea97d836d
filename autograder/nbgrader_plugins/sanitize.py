"""Feedback pages show what a student wrote as text: nothing of it runs in a reader's browser.

A feedback page is opened by the student, and by course staff in the browser where they are logged
in to the formgrader. nbconvert copies a notebook's HTML and JavaScript into the page, so this step
(in GenerateFeedback's preprocessors, before the page is rendered) removes every way in:

- markdown: raw HTML is escaped (markdown and LaTeX are kept). The result is rendered the way the
  page will render it and checked; anything left that could act (a tag outside the markdown set,
  an on* attribute, a javascript: link) turns the cell into plain text.
- outputs: only text/plain, image/png and image/jpeg are kept (no HTML, JavaScript, SVG, markdown
  or widget outputs); images must be base64; output metadata (image width and alt text, which the
  template writes into attributes) is dropped.
- raw cells and cell tags, which the template also writes into the page, are escaped or dropped.

Every cell is treated so, the instructor's too: a student can edit any cell of the notebook and
its nbgrader metadata. The kit's own notebooks hold no raw HTML.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import List, Unicode

# what markdown itself produces; anything else came from raw HTML
MARKDOWN_TAGS = {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "code", "pre",
                 "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
                 "input", "span", "div", "sup", "sub"}  # div, span: highlighted code blocks
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "xlink:href", "background", "poster", "data"}
SAFE_SCHEMES = {"http", "https", "mailto", "attachment"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_IMAGE_DATA = re.compile(r"^data:image/(png|jpeg|gif);base64,[a-z0-9+/=]*$")
# regions markdown already shows as text: fenced code, code spans, math (nbconvert escapes them)
_VERBATIM = re.compile(r"(?ms)^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1|(`+)(?!`).+?(?<!`)\2(?!`)|\$\$.+?\$\$|\$[^$\n]+\$")
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
_TAG = re.compile(r"[A-Za-z0-9_\-]+")


class SanitizeFeedback(NbGraderPreprocessor):
    """Make every cell's markdown and outputs inert before the feedback page is rendered."""

    keep_output_types = List(Unicode(), ["text/plain", "image/png", "image/jpeg"],
                             help="The only output MIME types kept in feedback pages.").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        tags = cell.metadata.get("tags")
        if tags is not None:
            cell.metadata.tags = [t for t in tags if isinstance(t, str) and _TAG.fullmatch(t)]
        if cell.cell_type == "markdown":
            if not _attachments_are_images(cell):  # an SVG or HTML attachment could act
                cell.pop("attachments", None)
            cell.source = safe_markdown(cell.source, cell.get("attachments", {}))
        elif cell.cell_type == "raw":
            cell.source = html.escape(cell.source)
        for output in cell.get("outputs", []):
            self._clean_output(output)
        return cell, resources

    def _clean_output(self, output: NotebookNode) -> None:
        if output.output_type == "stream":
            output.name = "stderr" if output.get("name") == "stderr" else "stdout"
        if "data" in output:
            output.data = {k: v for k, v in output.data.items() if k in self.keep_output_types
                           and isinstance(v, str) and (k == "text/plain" or _BASE64.fullmatch(v))}
        if "metadata" in output:
            output.metadata = {}


def safe_markdown(source: str, attachments: dict | None = None) -> str:
    """`source` with raw HTML escaped; plain text (a code block) if it could still act in a page."""
    escaped = _escape_outside_verbatim(source)
    if _renders_inert(escaped, attachments or {}):
        return escaped
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", source)), default=0))
    return f"{fence}text\n{source}\n{fence}"


def _escape_outside_verbatim(source: str) -> str:
    parts, at = [], 0
    for match in _VERBATIM.finditer(source):
        parts += [source[at:match.start()].replace("<", "&lt;"), match.group(0)]
        at = match.end()
    return "".join(parts + [source[at:].replace("<", "&lt;")])


def _renders_inert(markdown: str, attachments: dict) -> bool:
    try:
        rendered = MarkdownWithMath(renderer=IPythonRenderer(escape=False, attachments=attachments)).render(markdown)
    except Exception:  # nbconvert rejects it (a missing attachment): it would break the page too
        return False
    checker = _ActiveContent()
    checker.feed(rendered)
    checker.close()
    return not checker.found


class _ActiveContent(HTMLParser):
    """Finds, in rendered markdown, a tag markdown does not make, an on* attribute or an unsafe URL."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = False

    def handle_starttag(self, tag, attrs):
        self.found |= tag not in MARKDOWN_TAGS or any(_active(tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag


def _active(tag: str, name: str, value: str) -> bool:
    if name.startswith("on") or name == "style" and not re.fullmatch(r"text-align:\s*\w+;?", value):
        return True
    if name not in URL_ATTRIBUTES:
        return False
    url = re.sub(r"[\x00-\x20]", "", value).lower()  # browsers ignore these inside a scheme
    if tag == "img" and name == "src" and _IMAGE_DATA.match(url):
        return False
    scheme = _SCHEME.match(url)
    return bool(scheme) and scheme.group(1) not in SAFE_SCHEMES


def _attachments_are_images(cell: NotebookNode) -> bool:
    return all(set(bundle) <= {"image/png", "image/jpeg", "image/gif"}
               for bundle in cell.get("attachments", {}).values())

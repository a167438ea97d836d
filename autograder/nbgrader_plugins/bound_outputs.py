"""Outputs bounded in the grader, whatever the student's process printed, displayed or forged.

The worker bounds its own outputs, but the worker runs student code: a cell can raise its limits
or hand back outputs of its own making. This step runs in the grader right after execution, so
the graded notebook, its feedback page and results.json stay small. An error output is never
dropped (it is what makes a test cell score 0), only shortened.
"""
from __future__ import annotations

from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

from autograder.kitcheck.i18n import ngettext

_TEXT_KEYS = ("text/plain", "text/html", "text/markdown", "text/latex", "application/javascript")


class BoundOutputs(NbGraderPreprocessor):
    """Cap the number and length of each cell's outputs and the outputs of the whole notebook."""

    max_outputs = Integer(50, help="Outputs kept per cell; the rest are replaced by a note.").tag(config=True)
    max_text = Integer(20_000, help="Characters kept per stream, text output or traceback.").tag(config=True)
    max_evalue = Integer(2_000, help="Characters kept of an error's message.").tag(config=True)
    max_image = Integer(500_000, help="Characters (base64) an image may have; a larger one is dropped.").tag(config=True)
    max_total = Integer(2_000_000, help="Characters of output kept per notebook; later outputs are "
                                        "replaced by a note.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict):
        self._left = self.max_total
        for cell in nb.cells:
            if cell.get("outputs"):
                cell.outputs = self._bound_cell(cell.outputs)
        return nb, resources

    def _bound_cell(self, outputs: list) -> list:
        kept, cut, error_kept = [], 0, False
        for output in outputs:
            output = self._shorten(output)
            size = _size(output)
            is_first_error = output.output_type == "error" and not error_kept
            if is_first_error or (len(kept) < self.max_outputs and size <= self._left):
                kept.append(output)
                self._left -= min(size, self._left)
                error_kept = error_kept or output.output_type == "error"
            else:
                cut += 1
        if cut:
            note = ngettext("{count} more output cut: over the grader's output limits",
                            "{count} more outputs cut: over the grader's output limits", cut).format(count=cut)
            kept.insert(_before_error(kept), new_output("stream", name="stderr", text=f"[... {note}]\n"))
        return kept

    def _shorten(self, output: NotebookNode) -> NotebookNode:
        if output.output_type == "stream":
            output.text = _cut(output.get("text", ""), self.max_text)
        elif output.output_type == "error":
            output.ename = _cut(str(output.get("ename", "")), 200)
            output.evalue = _cut(str(output.get("evalue", "")), self.max_evalue)
            output.traceback = _cut_lines(output.get("traceback", []), self.max_text)
        else:
            data = output.get("data", {})
            for key in list(data):
                if key in _TEXT_KEYS and isinstance(data[key], str):
                    data[key] = _cut(data[key], self.max_text)
                elif len(str(data[key])) > self.max_image:  # an image cannot be cut: it goes
                    del data[key]
            if len(str(output.get("metadata", {}))) > 1_000:
                output.metadata = {}
        return output


def _cut(text, limit: int) -> str:
    text = "".join(text) if isinstance(text, list) else str(text)
    if len(text) <= limit:
        return text
    cut = len(text) - limit
    note = ngettext("{count} character cut", "{count} characters cut", cut).format(count=cut)
    return text[:limit] + f"\n[... {note}]\n"


def _cut_lines(lines: list, limit: int) -> list[str]:
    kept, left = [], limit
    for line in map(str, lines):
        if len(line) > left:
            kept.append(_cut(line, left))
            break
        kept.append(line)
        left -= len(line)
    return kept


def _size(output: NotebookNode) -> int:
    if output.output_type == "stream":
        return len(output.text)
    if output.output_type == "error":
        return len(output.evalue) + sum(map(len, output.traceback))
    return sum(len(str(v)) for v in output.get("data", {}).values())


def _before_error(outputs: list) -> int:
    """Where a note goes: before a trailing error, which must stay the cell's last output."""
    return len(outputs) - 1 if outputs and outputs[-1].output_type == "error" else len(outputs)

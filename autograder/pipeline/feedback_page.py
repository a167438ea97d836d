"""A student's feedback page, built from the grade's result records (results.json) and the code the
student wrote: function by function in notebook order, each with its points, what failed, the known
mistakes named, and the student's code with the faulty line marked.

One self-contained HTML file: no script, nothing loaded from the network (a Content-Security-Policy
forbids both), every text a student could influence escaped, long messages wrapped rather than cut.
It shows no test code, hidden or public: only the checks' messages.
"""
from __future__ import annotations

from html import escape

from nbformat import NotebookNode

from autograder.kitcheck.i18n import N_, _, language
from autograder.notebook.results import PLACE, shown_place

# What each part of a function's grade is called on its line of the page.
PART_LABELS = {"tests": N_("tests"), "vectorized": N_("vectorization (no Python loops)")}

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #1d2330; }
header { border-bottom: 2px solid #d9dde6; margin-bottom: 1rem; }
h1 { margin: 0 0 .2rem; font-size: 1.6rem; } h2 { margin: 0; font-size: 1.15rem; }
.total { font-size: 1.1rem; } nav { display: flex; flex-wrap: wrap; gap: .2rem .9rem; padding-bottom: .6rem; }
nav a { white-space: nowrap; }
section { border: 1px solid #d9dde6; border-left: 6px solid #2a7f62; border-radius: 6px; margin: 1rem 0; padding: .8rem 1rem; }
section.fail { border-left-color: #d1495b; } section.pending { border-left-color: #3d6fb6; }
.points { float: right; font-weight: 600; } .part { color: #4b5563; margin: .3rem 0; }
.ok { color: #2a7f62; font-weight: 600; } .bad { color: #d1495b; font-weight: 600; }
.mistake { background: #fff4e5; border-radius: 4px; padding: .5rem .7rem; margin: .5rem 0; }
.code-name { font-family: ui-monospace, monospace; font-weight: 600; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f6f8; border-radius: 4px; padding: .6rem .8rem;
      font: 13px/1.4 ui-monospace, monospace; margin: .4rem 0; }
pre.code .marked { background: #ffd8dd; display: inline-block; width: 100%; }
.where { color: #4b5563; font-size: .9rem; }
"""
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def render(assignment: str, student: str, document: dict, nb: NotebookNode) -> str:
    """The page of one student's results.json and graded notebook."""
    units: dict[str, list[dict]] = {}
    for test in document.get("tests", []):
        units.setdefault(str(test.get("extra_data", {}).get("function", "")), []).append(test)
    code = {cell.get("metadata", {}).get("nbgrader", {}).get("grade_id"): cell.get("source", "")
            for cell in nb.cells if cell.get("metadata", {}).get("nbgrader", {}).get("solution")}
    total = _("{score} / {max_score} points").format(score=f"{document.get('score', 0):g}",
                                                     max_score=f"{document.get('max_score', 0):g}")
    title = _("{assignment}: feedback for {student}").format(assignment=escape(assignment), student=escape(student))
    nav = "".join(f'<a href="#{escape(name)}">{escape(name)} {_points(tests)}</a>' for name, tests in units.items())
    sections = "\n".join(_section(name, tests, code.get(name, "")) for name, tests in units.items())
    grader_note = f"<p class='bad'>{escape(str(document['output']))}</p>" if document.get("output") else ""
    return (f'<!DOCTYPE html>\n<html lang="{language()}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
            f"<title>{title}</title><style>{STYLE}</style></head>"
            f"<body><header><h1>{escape(assignment)}</h1><p class='total'>{escape(student)}: {total}</p>"
            f"{grader_note}<nav>{nav}</nav></header>\n{sections}\n</body></html>\n")


def _points(tests: list[dict]) -> str:
    return f"{sum(t.get('score', 0) for t in tests):g}/{sum(t.get('max_score', 0) for t in tests):g}"


def _section(name: str, tests: list[dict], source: str) -> str:
    failed = [t for t in tests if t.get("status") != "passed"]
    pending = any(t.get("extra_data", {}).get("pending") for t in tests)
    kind = "fail" if failed else "pending" if pending else "pass"
    parts = "".join(_part(t) for t in tests)
    mistakes = {m["code"]: m["sentence"] for t in failed for m in t.get("extra_data", {}).get("mistakes", [])
                if isinstance(m, dict) and "code" in m and "sentence" in m}
    known = "".join(f"<div class='mistake'><span class='code-name'>{escape(str(c))}</span> {escape(str(s))}</div>"
                    for c, s in mistakes.items())
    messages = "".join(f"<pre class='message'>{escape(str(t.get('output', '')))}</pre>" for t in failed)
    marked = {_marked_line(name, t) for t in failed} - {None}
    yours = f"<pre class='code'>{_code(name, source, marked)}</pre>" if source.strip() else ""
    return (f"<section id='{escape(name)}' class='{kind}'><h2>{escape(name)}<span class='points'>{_points(tests)}"
            f"</span></h2>{parts}{known}{messages}{yours}</section>")


def _part(test: dict) -> str:
    extra = test.get("extra_data", {})
    part = str(extra.get("part", ""))
    if extra.get("pending"):
        verdict = _("{answered}: marked after submission").format(answered=_verdict("ok", _("answered")))
    elif test.get("status") == "passed":
        verdict = _verdict("ok", _("passed"))
    else:
        where = shown_place(str(extra["location"])) if extra.get("location") else ""
        verdict = _verdict("bad", _("failed")) + (f" <span class='where'>({escape(where)})</span>" if where else "")
    label = _(PART_LABELS[part]) if part in PART_LABELS else part
    return f"<p class='part'>{escape(label)}: {verdict} &middot; {test.get('score', 0):g}/{test.get('max_score', 0):g}</p>"


def _verdict(kind: str, word: str) -> str:
    return f"<span class='{kind}'>{escape(word)}</span>"


def _marked_line(name: str, test: dict) -> int | None:
    """The line of the function's `def` cell the test blames: `relu, line 2` -> line 2 of relu."""
    found = PLACE.match(str(test.get("extra_data", {}).get("location", "")))
    return int(found["line"]) if found and found["function"] == name else None


def _code(name: str, source: str, marked: set[int]) -> str:
    """The student's cell, its lines numbered from the function's `def` as messages count them."""
    lines = source.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith(f"def {name}(")), 0)
    shown = []
    for i, line in enumerate(lines):
        number = i - start + 1
        text = f"{number:>3}  {escape(line)}" if number >= 1 else f"     {escape(line)}"
        shown.append(f"<span class='marked'>{text}</span>" if number in marked else text)
    return "\n".join(shown)

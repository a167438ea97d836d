"""`autograder report ASSIGNMENT`: one self-contained HTML page on what the class got right and wrong.

Reads every `autograded/<student>/<assignment>/results.json` (and `timing.json`, {"seconds": ...},
where the grader wrote one). The first half turns those documents into summaries (pure functions,
tested on their own); the second renders them: charts are matplotlib PNGs embedded as data URIs,
so the page is a single file to mail or upload. Everything a student could have influenced is
escaped, and the page forbids scripts outright.
"""
from __future__ import annotations

import base64
import io
import json
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from autograder.course_dir import course_dir
from autograder.kitcheck.codes import CODES
from autograder.kitcheck.i18n import N_, _, language, ngettext
from autograder.kitcheck.loops.findings import CODES as LOOP_CODES
from autograder.notebook.results import shown_place

# The loop rule's codes, static and dynamic: one colour in the charts, one section of the page.
LOOP_RULE_CODES = frozenset(LOOP_CODES) | {"LOOP", "LOOP_DYNAMIC", "FORBIDDEN", "SLOW"}
CHART_STYLE = {"text.parse_math": False, "font.size": 10, "axes.spines.top": False, "axes.spines.right": False}
BINS = [(N_("no points"), "#d1495b"), (N_("under half"), "#f4a259"), (N_("half or more"), "#8cb369"),
        (N_("full points"), "#2a7f62")]
LOOP_COLOUR, OTHER_COLOUR = "#7b5ea7", "#3d6fb6"
# How results.json says that a submission could not be graded (pipeline.submission.write_results).
GRADING_FAILED = N_("grading failed: {reason}")


@dataclass
class Submission:
    student: str
    document: dict
    seconds: float | None = None

    @property
    def tests(self) -> list[dict]:
        return self.document.get("tests", [])


@dataclass
class CodeCount:
    code: str
    count: int = 0  # failed functions (student x function) that carry the code
    students: set = field(default_factory=set)
    example: str = ""
    where: str = ""  # "function, student" of the example


# --- report data ------------------------------------------------------------------------------

def load_submissions(root: Path, assignment: str) -> list[Submission]:
    """Every student's results.json for the assignment; an unreadable one becomes a failed submission."""
    found, folders = [], course_dir(root)
    for student in folders.students("autograded", assignment, must_exist="results.json"):
        path = folders.autograded(student, assignment) / "results.json"
        try:
            document = json.loads(path.read_text())
        except (OSError, ValueError) as error:
            reason = _("unreadable results.json ({error})").format(error=error)
            document = {"score": 0, "max_score": 0, "output": _(GRADING_FAILED).format(reason=reason), "tests": []}
        found.append(Submission(student, document, _seconds(path.parent / "timing.json")))
    if not found:
        raise FileNotFoundError(_("no autograded/*/{assignment}/results.json: run `autograder grade {assignment}` "
                                  "first").format(assignment=assignment))
    return found


def _seconds(path: Path) -> float | None:
    try:
        return float(json.loads(path.read_text())["seconds"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def failure(sub: Submission) -> str:
    """Why a submission did not grade ("" if it did): the grader's error, or no graded cell at all."""
    output = str(sub.document.get("output", ""))
    if output.startswith(_failure_prefixes()):
        return output
    if not sub.tests or all(t.get("extra_data", {}).get("codes") == ["NOT_DEFINED"] for t in sub.tests):
        return _("no graded cell was found in the notebook (every check is NOT_DEFINED)")
    return ""


def _failure_prefixes() -> tuple[str, ...]:
    """How a failed submission's output begins, in English and in the course's language."""
    return tuple({template.split("{reason}")[0] for template in (GRADING_FAILED, _(GRADING_FAILED))})


def graded(subs: list[Submission]) -> list[Submission]:
    return [s for s in subs if not failure(s)]


def _function(test: dict) -> str:
    return str(test.get("extra_data", {}).get("function", ""))


def _messages(test: dict) -> list[dict]:
    """What each check found, as results.json lists it (code, text, case, location)."""
    found = test.get("extra_data", {}).get("messages", [])
    return [m for m in found if isinstance(m, dict)] if isinstance(found, list) else []


def _said(message: dict) -> str:
    """One finding as a line: `relu, line 2: LOOP003 list comprehension over v in relu`."""
    where = shown_place(str(message.get("location") or "")) or (
        _("case {case}").format(case=repr(message["case"])) if message.get("case") else "")
    text = str(message.get("text", "")).strip()
    return f"{where}: {message.get('code')} {text}" if where else f"{message.get('code')} {text}"


def unit_fractions(subs: list[Submission]) -> dict[str, list[float]]:
    """Per function (notebook order), the fraction of its points each graded submission earned."""
    fractions: dict[str, list[float]] = {}
    for sub in graded(subs):
        points: dict[str, tuple[float, float]] = {}
        for test in sub.tests:
            got, top = points.get(_function(test), (0.0, 0.0))
            points[_function(test)] = (got + test.get("score", 0), top + test.get("max_score", 0))
        for name, (got, top) in points.items():
            if top > 0:
                fractions.setdefault(name, []).append(got / top)
    return fractions


def mistake_codes(subs: list[Submission]) -> list[CodeCount]:
    """Codes of failed checks across the class, most frequent first, each with one example message."""
    counts: dict[str, CodeCount] = {}
    for sub in graded(subs):
        seen = set()
        for test in sub.tests:
            for code in test.get("extra_data", {}).get("codes", []):
                entry = counts.setdefault(code, CodeCount(code))
                if (_function(test), code) not in seen:
                    seen.add((_function(test), code))
                    entry.count += 1
                entry.students.add(sub.student)
                if not entry.example:
                    entry.example = next((_said(m) for m in _messages(test) if m.get("code") == code), "")
                    entry.where = f"{_function(test)}, {sub.student}"
    return sorted(counts.values(), key=lambda c: (-c.count, -len(c.students), c.code))


def loop_findings(subs: list[Submission]) -> list[tuple[str, str, list[str], str]]:
    """(student, function, loop-rule codes, the findings with where they are), by function."""
    rows = []
    for sub in graded(subs):
        for test in sub.tests:
            found = [m for m in _messages(test) if m.get("code") in LOOP_RULE_CODES]
            if found:
                codes = list(dict.fromkeys(str(m.get("code")) for m in found))
                rows.append((sub.student, _function(test), codes, "\n".join(_said(m) for m in found)))
    order = {name: i for i, name in enumerate(unit_fractions(subs))}
    return sorted(rows, key=lambda row: (order.get(row[1], len(order)), row[0]))


def failed_submissions(subs: list[Submission]) -> list[tuple[str, str]]:
    return [(s.student, failure(s)) for s in subs if failure(s)]


def slowest(subs: list[Submission], n: int = 10) -> list[Submission]:
    return sorted((s for s in subs if s.seconds is not None), key=lambda s: -s.seconds)[:n]


# --- rendering --------------------------------------------------------------------------------

def write_report(root: Path, assignment: str, out: Path | None = None) -> Path:
    out = out or root / "reports" / f"{assignment}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(assignment, load_submissions(root, assignment)), encoding="utf-8")
    return out


def render(assignment: str, subs: list[Submission]) -> str:
    ok = graded(subs)
    totals = [s.document.get("score", 0) for s in ok]
    top = max((s.document.get("max_score", 0) for s in ok), default=0)
    tiles = [(len(subs), N_("submissions")), (len(ok), N_("graded")),
             (f"{sum(totals) / len(totals):.1f} / {top:g}" if ok else "-", N_("mean score")),
             (sum(t >= top > 0 for t in totals), N_("full marks")), (len(subs) - len(ok), N_("failed to grade"))]
    sections = [_scores(subs), _mistakes(mistake_codes(subs)), _loops(loop_findings(subs)),
                _failed(failed_submissions(subs)), _slowest(slowest(subs), sum(s.seconds is not None for s in subs),
                                           sum(s.seconds is None for s in subs))]
    source = f"<code>autograded/*/{escape(assignment)}/results.json</code>"
    return PAGE.format(lang=language(), title=_text(_("{assignment}: class report").format(assignment=assignment)),
                       heading=_text(_("{assignment} — class report").format(assignment=assignment)),
                       source=_("From {results}, written {when}.").format(
                           results=source, when=datetime.now().strftime("%Y-%m-%d %H:%M")),
                       tiles="".join(f'<div class="tile"><b>{_text(str(v))}</b><span>{_text(_(label))}</span></div>'
                                     for v, label in tiles),
                       sections="\n".join(sections))


def _scores(subs: list[Submission]) -> str:
    ok, failed = len(graded(subs)), len(subs) - len(graded(subs))
    lead = ngettext("Share of the {count} graded submission by the fraction of each function's points (tests and "
                    "vectorization) it earned.",
                    "Share of the {count} graded submissions by the fraction of each function's points (tests and "
                    "vectorization) they earned.", ok).format(count=ok)
    if failed:
        lead += " " + ngettext("The {count} that failed to grade is left out.",
                               "The {count} that failed to grade are left out.", failed).format(count=failed)
    chart = ""
    if ok:
        chart = _img(_score_chart(unit_fractions(subs)), _("score distribution per function")) + _legend(
            [(_(label), colour) for label, colour in BINS],
            _("share of graded submissions (numbers: students); at the right, each function's mean"))
    return _section("scores", _("Score distribution per function"), lead, chart)


def _mistakes(codes: list[CodeCount]) -> str:
    chart = ""
    if codes:
        chart = _img(_codes_chart(codes), _("most frequent mistake codes")) + _legend(
            [(_("loop rule"), LOOP_COLOUR), (_("other checks"), OTHER_COLOUR)],
            _("failed functions carrying the code (in brackets: students)"))
    rows = [[_code(c.code) + _meaning(c.code), str(c.count), str(len(c.students)),
             f'<div class="where">{escape(c.where)}</div>' + _msg(c.example)] for c in codes]
    table = _table("mistake-codes", [N_("code"), N_("count"), N_("students"), N_("example message")], rows,
                   _("No failed checks: every graded submission earned full points."), numeric=(1, 2))
    return _section("mistakes", _("Most frequent mistake codes"), _(
        "How many functions failed with each code across the class (a function counts once), and how many "
        "students made the mistake."), chart + table)


def _loops(findings: list) -> str:
    rows = [[escape(student), escape(function), " ".join(map(_code, codes)), _msg(message)]
            for student, function, codes, message in findings]
    return _section("loops", _("Loop findings"), _(
        "Graded functions where the loop rule found a Python loop (or code it cannot check), with the cell and "
        "line."), _table("loop-findings", [N_("student"), N_("function"), N_("codes"), N_("finding")], rows,
                         _("No loop findings.")))


def _failed(failed: list[tuple[str, str]]) -> str:
    rows = [[escape(student), _msg(reason)] for student, reason in failed]
    return _section("failed", _("Submissions that failed to grade"), _(
        "The grader could not run these notebooks, or found none of the graded cells in them: look at them by "
        "hand."), _table("failed-submissions", [N_("student"), N_("reason")], rows, _("Every submission was graded.")))


def _slowest(slow: list[Submission], timed: int, untimed: int) -> str:
    title = _("Slowest submissions")
    if not slow:
        missing = _("Grading time is not recorded for this assignment (the grader writes {file} beside each "
                    "results.json).").format(file="<code>timing.json</code>")
        return _section("slowest", title, "", f'<p class="empty">{missing}</p>')
    rows = [[escape(s.student), f"{s.seconds:.1f}",
             f"{s.document.get('score', 0):g} / {s.document.get('max_score', 0):g}"] for s in slow]
    lead = (_("Wall-clock grading time of every submission, slowest first.") if len(slow) == timed
            else _("Wall-clock grading time, the {count} slowest.").format(count=len(slow)))
    if untimed:
        lead += " " + ngettext("{count} submission has no timing.json.", "{count} submissions have no timing.json.",
                               untimed).format(count=untimed)
    return _section("slowest", title, lead,
                    _table("slowest-submissions", [N_("student"), N_("seconds"), N_("score")], rows, "",
                           numeric=(1, 2), narrow=True))


def _section(anchor: str, title: str, lead: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{_text(title)}</h2><p class="lead">{_text(lead)}</p>{body}</section>'


def _table(anchor: str, headers: list[str], rows: list[list[str]], empty: str, numeric=(), narrow=False) -> str:
    """Cells arrive as HTML already escaped by the caller; headers are marked messages, shown in the
    course's language; numeric columns are right-aligned."""
    if not rows:
        return f'<p class="empty">{_text(empty)}</p>'
    cls = [' class="num"' if i in numeric else "" for i in range(len(headers))]
    head = "".join(f"<th{c}>{_text(_(h))}</th>" for c, h in zip(cls, headers))
    body = "".join("<tr>" + "".join(f"<td{c}>{cell}</td>" for c, cell in zip(cls, row)) + "</tr>" for row in rows)
    narrow_class = ' class="narrow"' if narrow else ""
    return f'<table id="{anchor}"{narrow_class}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _legend(keys: list[tuple[str, str]], note: str) -> str:
    """A chart's words, under it in the page (the PNG holds only numbers and names, in any language)."""
    shown = "".join(f'<span class="key"><i style="background: {colour}"></i>{_text(label)}</span>'
                    for label, colour in keys)
    return f'<p class="legend">{shown}<br>{_text(note)}</p>'


def _text(text: str) -> str:
    return escape(text, quote=False)


def _code(code: str) -> str:
    return f'<span class="code">{escape(code)}</span>'


def _meaning(code: str) -> str:
    meaning = CODES.get(code) or LOOP_CODES.get(code)
    return f'<div class="meaning">{_text(_(meaning))}</div>' if meaning else ""


def _msg(text: str, limit: int = 600) -> str:
    text = text if len(text) <= limit else text[:limit] + " ..."
    return f'<div class="msg">{escape(text)}</div>'


def _img(png: bytes, alt: str) -> str:
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def _figure(height: float):
    """A figure on the Agg canvas, outside pyplot: no global state, nothing to close."""
    fig = Figure(figsize=(10, height), dpi=110)
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


@rc_context(CHART_STYLE)  # student-influenced labels are never parsed as mathtext
def _score_chart(fractions: dict[str, list[float]]) -> bytes:
    """One horizontal bar per function, split by how much of its points the class earned."""
    names = list(fractions)
    fig, ax = _figure(0.36 * len(names) + 1.3)
    left = [0.0] * len(names)
    for i, (label, colour) in enumerate(BINS):
        counts = [sum(_bin(f) == i for f in fractions[n]) for n in names]
        shares = [c / len(fractions[n]) for c, n in zip(counts, names)]
        ax.barh(names, shares, left=left, color=colour, label=label, height=0.7)
        for y, (c, s, x) in enumerate(zip(counts, shares, left)):
            if c and s >= 0.06:
                ax.text(x + s / 2, y, str(c), ha="center", va="center", color="white", fontweight="bold")
        left = [x + s for x, s in zip(left, shares)]
    for y, n in enumerate(names):
        ax.text(1.01, y, f"{100 * sum(fractions[n]) / len(fractions[n]):.0f}%", va="center", color="#333")
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda x, position: f"{100 * x:.0f}%")
    return _png(fig)


def _bin(fraction: float) -> int:
    return 0 if fraction <= 0 else 3 if fraction >= 1 else 1 if fraction < 0.5 else 2


@rc_context(CHART_STYLE)
def _codes_chart(codes: list[CodeCount], top: int = 15) -> bytes:
    shown = codes[:top]
    fig, ax = _figure(0.36 * len(shown) + 1.0)
    colours = [LOOP_COLOUR if c.code in LOOP_RULE_CODES else OTHER_COLOUR for c in shown]
    ax.barh([c.code for c in shown], [c.count for c in shown], color=colours, height=0.7)
    for y, c in enumerate(shown):
        ax.text(c.count, y, f"  {c.count}  ({len(c.students)})", va="center", color="#333", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, max(c.count for c in shown) * 1.3)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _png(fig)


PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933;
       background: #f5f7fa; margin: 0; }}
main {{ max-width: 1080px; margin: 0 auto; padding: 24px 32px 48px; }}
h1 {{ font-size: 26px; margin: 8px 0 2px; }} h2 {{ font-size: 19px; margin: 0 0 4px; }}
.sub, .lead, .meaning, .empty {{ color: #616e7c; }} .lead {{ margin: 0 0 12px; font-size: 14px; }}
.tiles {{ display: flex; gap: 12px; margin: 18px 0; }}
.tile {{ flex: 1; background: #fff; border-radius: 8px; padding: 10px 14px; box-shadow: 0 1px 2px #0002; }}
.tile b {{ display: block; font-size: 22px; }} .tile span {{ color: #616e7c; font-size: 13px; }}
section {{ background: #fff; border-radius: 8px; padding: 18px 22px; margin: 16px 0; box-shadow: 0 1px 2px #0002; }}
img {{ max-width: 100%; display: block; margin: 0 auto 12px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
th {{ text-align: left; color: #52606d; font-weight: 600; border-bottom: 2px solid #e4e7eb; padding: 6px 8px;
      white-space: nowrap; }}
td {{ border-bottom: 1px solid #e4e7eb; padding: 6px 8px; vertical-align: top; }}
tbody tr:nth-child(even) {{ background: #f9fafb; }}
.code {{ font: 12px ui-monospace, Menlo, Consolas, monospace; background: #e8edf7; color: #243b6b;
        border-radius: 4px; padding: 1px 6px; margin-right: 4px; white-space: nowrap; }}
.meaning {{ font-size: 12px; margin-top: 2px; min-width: 240px; max-width: 320px; }}
.where {{ font-size: 12px; color: #616e7c; margin-bottom: 2px; }}
th.num, td.num {{ text-align: right; }} table.narrow {{ width: auto; min-width: 50%; }}
.legend {{ color: #616e7c; font-size: 13px; margin: 0 0 14px; text-align: center; }}
.key {{ white-space: nowrap; margin: 0 8px; }}
.key i {{ display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }}
.msg {{ font: 12px/1.45 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }}
</style></head>
<body><main>
<h1>{heading}</h1>
<p class="sub">{source}</p>
<div class="tiles">{tiles}</div>
{sections}
</main></body></html>
"""

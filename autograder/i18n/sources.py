"""The English source of every feedback message: the code tables the kit already has.

One message per code (the msgid is the code itself), plus a short title per mistake (context
"title"). The English catalogue is generated from these; the others translate them.
"""
from __future__ import annotations

from dataclasses import dataclass

from autograder.kitcheck.codes import CODES
from autograder.kitcheck.loops.findings import CODES as LOOP_CODES
from autograder.mistakes import MISTAKES

TITLE = "title"  # msgctxt of a mistake's short title


@dataclass(frozen=True)
class Source:
    code: str
    text: str
    origin: str  # where the English text is written, for translators
    context: str | None = None


def sources() -> list[Source]:
    """Every message in catalogue order: check codes, loop-rule codes, then each mistake and its title."""
    found = [Source(code, text, "autograder/kitcheck/codes.py") for code, text in CODES.items()]
    found += [Source(code, text, "autograder/kitcheck/loops/findings.py") for code, text in LOOP_CODES.items()]
    for code, mistake in MISTAKES.items():
        found.append(Source(code, mistake.message, "autograder/mistakes/catalog.py"))
        found.append(Source(code, mistake.title, "autograder/mistakes/catalog.py", TITLE))
    return found


def codes() -> list[str]:
    """Every feedback code, once each."""
    return list(dict.fromkeys(source.code for source in sources()))

"""Every student-facing message in the course's language (gettext, English source text as msgid).

    from .i18n import _, N_, ngettext
    _("expected shape {expected}, got {got}").format(expected=..., got=...)
    CODES = {"SHAPE": N_("an array has the wrong shape")}   # marked for extraction, translated where shown

The catalogues live in kitcheck/locale (so the students' copy of kitcheck carries them) and are
built from the code by `python -m autograder.i18n.compile`. The language is, first to last: the one
set by `use()` (the grader, from course_config.py), the environment variable KITCHECK_LANGUAGE (set
by the `autograder` command for its child processes), the file locale/LANGUAGE (written by
`autograder release` into the students' copy), else English. A message without a translation, or a
template whose translation lost a placeholder, is shown in English.
"""
from __future__ import annotations

import gettext
import os
import string
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

__all__ = ["LANGUAGES", "N_", "_", "fill", "language", "ngettext", "speaking", "use"]

LANGUAGES = ("en", "ko")
DOMAIN = "kitcheck"
GRADER_DOMAIN = "autograder"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGE_FILE = LOCALE_DIR / "LANGUAGE"
ENVIRONMENT = "KITCHECK_LANGUAGE"

_chosen: str | None = None


def use(language: str) -> None:
    """Show every message from now on in `language` (this process and the children it starts)."""
    global _chosen
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: choose one of {', '.join(LANGUAGES)}")
    _chosen = language
    os.environ[ENVIRONMENT] = language


@contextmanager
def speaking(language: str):
    """Messages in `language` inside the block only (this process)."""
    global _chosen
    before, _chosen = _chosen, language
    try:
        yield
    finally:
        _chosen = before


def language() -> str:
    if _chosen is not None:
        return _chosen
    chosen = os.environ.get(ENVIRONMENT) or _release_language()
    return chosen if chosen in LANGUAGES else "en"


@lru_cache(maxsize=1)
def _release_language() -> str:
    try:
        return LANGUAGE_FILE.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


@lru_cache(maxsize=None)
def catalogue(language: str) -> gettext.NullTranslations:
    """kitcheck's messages, then the grader's (which a students' copy does not have)."""
    messages = gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[language], fallback=True)
    messages.add_fallback(gettext.translation(GRADER_DOMAIN, str(LOCALE_DIR), languages=[language], fallback=True))
    return messages


def _(message: str) -> str:
    return catalogue(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return catalogue(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; `_` translates it where it is shown."""
    return message


def fill(template: str, **fills) -> str:
    """A marked template in the current language with its fields filled in; in English if the
    translation does not take exactly the template's fields (a catalogue error must not cost feedback)."""
    translated = _(template)
    if _fields(translated) != _fields(template):
        translated = template
    return translated.format(**fills)


def _fields(template: str) -> set[str]:
    return {name for literal, name, spec, conversion in string.Formatter().parse(template) if name is not None}

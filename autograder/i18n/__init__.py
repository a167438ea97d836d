"""Feedback in the course's language: English by default, Korean as a course setting.

The messages live in gettext catalogues under locale/<language>/LC_MESSAGES/autograder.po (compiled
to .mo by `python -m autograder.i18n.compile`); their message ids are the feedback codes.

    explain("RANK1", "ko")                     # one line about any code: check, loop rule or mistake
    title("M_MISSING_1_OVER_M", "ko")          # a mistake's short title
    message("M_MISSING_1_OVER_M", "ko", what="dw", m=7)   # a mistake's fix-it sentence, filled in

A language without a catalogue, or a code a catalogue lacks, falls back to English.
"""
from __future__ import annotations

import gettext
import string
from functools import lru_cache
from pathlib import Path

from .sources import TITLE

__all__ = ["LANGUAGES", "explain", "message", "title", "translation"]

LANGUAGES = ("en", "ko")
SOURCE_LANGUAGE = "en"  # the language the code tables are written in
DOMAIN = "autograder"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@lru_cache(maxsize=None)
def translation(language: str = SOURCE_LANGUAGE) -> gettext.NullTranslations:
    """The catalogue of `language` ("ko", "ko_KR", ...), falling back to English, then to the code itself."""
    return gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[language or SOURCE_LANGUAGE, SOURCE_LANGUAGE],
                               fallback=True)


def explain(code: str, language: str = SOURCE_LANGUAGE) -> str:
    """A one-line explanation of a feedback code (a mistake's: its fix-it sentence template)."""
    return translation(language).gettext(code)


def title(code: str, language: str = SOURCE_LANGUAGE) -> str:
    """A mistake's short title, e.g. "missing 1/m"."""
    return translation(language).pgettext(TITLE, code)


def message(code: str, language: str = SOURCE_LANGUAGE, **fills) -> str:
    """A mistake's fix-it sentence with the measured values filled in; English if the translation
    does not take exactly the fields given."""
    template = explain(code, language)
    if _fields(template) != set(fills):
        template = explain(code, SOURCE_LANGUAGE)
    return template.format(**fills)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}

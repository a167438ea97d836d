"""Babel catalogues written the same way every time, so a rebuild of unchanged code changes no file.

Shared by the kit's message catalogue (autograder.i18n.compile) and the notebooks' catalogues
(autograder.authoring.editions).
"""
from __future__ import annotations

import io
import re
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)  # no build date in a committed file
# str.format fields, f-string expressions and LaTeX groups (but \text{...}, which is prose);
# %-format conversions (without the rare space flag, so that "56.5% of" is prose too)
PLACEHOLDER = re.compile(r"(?<!\\text)\{[^{}]*\}|%[-#0+]*\d*(?:\.\d+)?[diouxXeEfFgGcrs%]")


def new(language: str | None, project: str) -> Catalog:
    return Catalog(locale=language, project=project, version="1", creation_date=FIXED_DATE,
                   revision_date=FIXED_DATE, fuzzy=False)


def read(path: Path, language: str) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language)


def merged(template: Catalog, path: Path, language: str) -> Catalog:
    """The translations of `path` (if it exists) over the messages of `template`; exact ids only,
    no guessed (fuzzy) translations: a changed English text is translated anew."""
    catalog = read(path, language) if path.exists() else new(language, template.project)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=True)
    catalog.obsolete.clear()
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, ignore_obsolete=True, include_lineno=False)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def translations(catalog: Catalog) -> dict[str, str]:
    """msgid -> msgstr of every translated message (plurals: a tuple of each; .mo readers give lists)."""
    plain = lambda text: tuple(text) if isinstance(text, list) else text
    return {plain(message.id): plain(message.string) for message in catalog if message.id and message.string}


def untranslated(path: Path) -> list[str]:
    """What a translator must still do: messages without a translation, translations that lost or
    added a placeholder."""
    if not path.exists():
        return [f"{path}: missing"]
    found = []
    for message in read(path, path.parent.parent.name):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)  # plurals: (one, many)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(texts):
            found.append(f"{path}: not translated: {sources[0]!r}")
        elif any(lost_placeholders(sources[-1], text) for text in texts):
            found.append(f"{path}: placeholders differ: {sources[0]!r} -> {texts[0]!r}")
    return found


def lost_placeholders(source: str, translation: str) -> bool:
    return Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(translation))

"""Keep the gettext catalogues current and compile them (standard library only).

    python -m autograder.i18n.compile            # update en.po from the code tables, merge the others, build .mo
    python -m autograder.i18n.compile --check    # exit 1 if a catalogue or a .mo is stale or incomplete

The English catalogue is generated from the code tables (never edit it by hand). The other languages
keep their translations; a new code arrives with an empty msgstr (shown in English until translated),
and each entry carries the English text as a comment for the translator.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DOMAIN, LOCALE_DIR, SOURCE_LANGUAGE, po
from .sources import sources


def po_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return po_path(language, locale_dir).with_suffix(".mo")


def languages(locale_dir: Path = LOCALE_DIR) -> list[str]:
    return sorted(path.parent.parent.name for path in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def catalogue_text(language: str, existing: str | None = None) -> str:
    """The .po text of `language`: English from the sources, or the existing translations merged in."""
    translated = {}
    if existing is not None and language != SOURCE_LANGUAGE:
        translated = {entry.key: entry.msgstr for entry in po.parse(existing) if entry.msgid}
    entries = [po.header(language)]
    for source in sources():
        entry = po.Entry(source.code, source.text, source.context, [f": {source.origin}"])
        if language != SOURCE_LANGUAGE:
            entry.comments.insert(0, f". English: {source.text}")  # extracted comments come first
            entry.msgstr = translated.get(entry.key, "")
        entries.append(entry)
    return po.format_entries(entries)


def compile_catalogue(source: Path, target: Path) -> None:
    """One .po file to its .mo file."""
    target.write_bytes(po.mo_bytes(po.parse(source.read_text(encoding="utf-8"))))


def update(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Regenerate en.po, merge every other .po with the sources; returns the files that changed."""
    changed = []
    for language in sorted({SOURCE_LANGUAGE, *languages(locale_dir)}):
        path = po_path(language, locale_dir)
        existing = path.read_text(encoding="utf-8") if path.exists() else None
        text = catalogue_text(language, existing)
        if text != existing:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def build(locale_dir: Path = LOCALE_DIR, out_dir: Path | None = None) -> list[Path]:
    """Compile every .po under locale_dir into .mo files (in place, or under out_dir with the same layout)."""
    built = []
    for language in languages(locale_dir):
        target = mo_path(language, out_dir or locale_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        compile_catalogue(po_path(language, locale_dir), target)
        built.append(target)
    return built


def problems(locale_dir: Path = LOCALE_DIR) -> list[str]:
    """What is stale or missing: an outdated catalogue, an untranslated code, a .mo not rebuilt."""
    found = []
    for language in sorted({SOURCE_LANGUAGE, *languages(locale_dir)}):
        path = po_path(language, locale_dir)
        if not path.exists():
            found.append(f"{path}: missing")
            continue
        text = path.read_text(encoding="utf-8")
        if catalogue_text(language, text) != text:
            found.append(f"{path}: not current with the code tables")
        for entry in po.parse(text):
            if entry.msgid and not entry.msgstr:
                found.append(f"{path}: {entry.key!r} is not translated")
        mo = mo_path(language, locale_dir)
        if not mo.exists() or mo.read_bytes() != po.mo_bytes(po.parse(text)):
            found.append(f"{mo}: not compiled from the current {path.name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.i18n.compile", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale or incomplete catalogues")
    options = parser.parse_args(argv)
    if not options.check:
        for path in update():
            print(f"updated {path}")
        for path in build():
            print(f"compiled {path}")
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

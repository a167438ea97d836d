"""Keep the message catalogues current and compile them, with Babel.

    python -m autograder.i18n.compile            # extract, merge into every language, build the .mo files
    python -m autograder.i18n.compile --check    # exit 1 if a catalogue is stale, incomplete or broken

Message ids are the English texts marked in the code with _(), N_() or ngettext() (Babel's Python
extractor). kitcheck/locale/kitcheck.pot is the template; each language keeps its translations in
kitcheck/locale/<language>/LC_MESSAGES/kitcheck.po, and a new message arrives there untranslated
(shown in English until it is translated; --check fails meanwhile). The notebooks' own catalogues
are kept the same way by autograder.authoring.editions.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir

from autograder.kitcheck.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

from . import catalogs

PACKAGE = Path(__file__).resolve().parent.parent  # autograder/
SOURCES = [("**/__pycache__/**", "ignore"), ("**.py", "python")]


def template_path() -> Path:
    return LOCALE_DIR / f"{DOMAIN}.pot"


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract():
    """The template catalogue: every marked message of the package, with where it is used."""
    template = catalogs.new(None, "autograder")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), SOURCES, comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        template.add(message, locations=[(f"autograder/{filename}", lineno)], auto_comments=comments,
                     context=context)
    return template


def expected_files() -> dict[Path, bytes]:
    """Every catalogue file as the code makes it: the template, each translation merged, each .mo."""
    template = extract()
    files = {template_path(): catalogs.po_bytes(template)}
    for language in LANGUAGES[1:]:
        path = po_path(language)
        translated = catalogs.merged(template, path, language)
        files[path] = catalogs.po_bytes(translated)
        files[path.with_suffix(".mo")] = catalogs.mo_bytes(translated)
    return files


def problems() -> list[str]:
    found = [f"{path}: not current with the code (run python -m autograder.i18n.compile)"
             for path, content in expected_files().items() if not path.exists() or path.read_bytes() != content]
    for language in LANGUAGES[1:]:
        found += catalogs.untranslated(po_path(language))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.i18n.compile", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale or incomplete catalogues")
    options = parser.parse_args(argv)
    if not options.check:
        for path, content in expected_files().items():
            if not path.exists() or path.read_bytes() != content:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
                print(f"updated {path}")
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

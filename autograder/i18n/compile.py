"""Keep the message catalogues current and compile them, with Babel.

    python -m autograder.i18n.compile            # extract, merge into every language, build the .mo files
    python -m autograder.i18n.compile --check    # exit 1 if a catalogue is stale, incomplete or broken

Message ids are the English texts marked in the code with _(), N_() or ngettext() (Babel's Python
extractor), in two domains: kitcheck (the students' copy) and autograder (the grader's).
kitcheck/locale/<domain>.pot is the template; each language keeps its translations in
kitcheck/locale/<language>/LC_MESSAGES/<domain>.po, and a new message arrives there untranslated
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
IGNORED = [("**/__pycache__/**", "ignore")]
# The students' copy of kitcheck carries its own messages only: the grader's (the mistakes' fix-it
# sentences above all, which name the right code) stay with the instructor.
DOMAINS = {
    "kitcheck": (PACKAGE / "kitcheck", IGNORED + [("**.py", "python")]),
    "autograder": (PACKAGE, IGNORED + [("kitcheck/**", "ignore"), ("**.py", "python")]),
}


def template_path(domain: str) -> Path:
    return LOCALE_DIR / f"{domain}.pot"


def po_path(language: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def extract(domain: str = DOMAIN):
    """The template catalogue of a domain: every marked message of its files, with where it is used."""
    folder, methods = DOMAINS[domain]
    template = catalogs.new(None, "autograder")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(folder), methods, comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        where = (folder / filename).relative_to(PACKAGE.parent)
        template.add(message, locations=[(str(where), lineno)], auto_comments=comments, context=context)
    return template


def expected_files() -> dict[Path, bytes]:
    """Every catalogue file as the code makes it: each template, each translation merged, each .mo."""
    files = {}
    for domain in DOMAINS:
        template = extract(domain)
        files[template_path(domain)] = catalogs.po_bytes(template)
        for language in LANGUAGES[1:]:
            path = po_path(language, domain)
            translated = catalogs.merged(template, path, language)
            files[path] = catalogs.po_bytes(translated)
            files[path.with_suffix(".mo")] = catalogs.mo_bytes(translated)
    return files


def problems() -> list[str]:
    found = [f"{path}: not current with the code (run python -m autograder.i18n.compile)"
             for path, content in expected_files().items() if not path.exists() or path.read_bytes() != content]
    for language in LANGUAGES[1:]:
        for domain in DOMAINS:
            found += catalogs.untranslated(po_path(language, domain))
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

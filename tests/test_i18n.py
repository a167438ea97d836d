"""Feedback language: both gettext catalogues cover every feedback code, the compiled .mo files are
current, and explain() speaks the course's language (English when it has no catalogue)."""
from __future__ import annotations

import shutil
import string
import subprocess
import sys

import pytest

from autograder.i18n import LANGUAGES, LOCALE_DIR, explain, message, title, translation
from autograder.i18n import compile as catalogues
from autograder.i18n import po
from autograder.i18n.sources import TITLE
from autograder.kitcheck.codes import CODES
from autograder.kitcheck.loops import CODES as LOOP_CODES
from autograder.mistakes import MISTAKES

ALL_CODES = [*CODES, *LOOP_CODES, *MISTAKES]


def catalogue(language: str) -> dict[str, str]:
    """key ("CODE", or "title\\x04CODE") -> msgstr of the language's .po file."""
    text = catalogues.po_path(language).read_text(encoding="utf-8")
    return {entry.key: entry.msgstr for entry in po.parse(text) if entry.msgid}


def hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_translates_every_code_and_every_mistake_title(language):
    translated = catalogue(language)
    untranslated = [code for code in ALL_CODES if not translated.get(code)]
    untitled = [code for code in MISTAKES if not translated.get(f"{TITLE}{po.CONTEXT_SEPARATOR}{code}")]
    assert untranslated == [] and untitled == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_code_the_kit_does_not_use(language):
    assert set(catalogue(language)) - set(ALL_CODES) - {f"{TITLE}\x04{code}" for code in MISTAKES} == set()


def test_english_catalogue_is_generated_from_the_code_tables():
    """Editing a code's text in the tables without `python -m autograder.i18n.compile` fails here."""
    english = catalogue("en")
    assert {code: english[code] for code in CODES} == CODES
    assert {code: english[code] for code in LOOP_CODES} == LOOP_CODES
    assert {code: english[code] for code in MISTAKES} == {code: m.message for code, m in MISTAKES.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_files_are_current_with_the_code_tables(language):
    text = catalogues.po_path(language).read_text(encoding="utf-8")
    assert catalogues.catalogue_text(language, text) == text, "run: python -m autograder.i18n.compile"


def test_mo_files_are_compiled_from_the_current_po_files(tmp_path):
    built = catalogues.build(LOCALE_DIR, tmp_path)
    assert sorted(path.parent.parent.name for path in built) == sorted(LANGUAGES)
    for language in LANGUAGES:
        fresh = catalogues.mo_path(language, tmp_path).read_bytes()
        assert catalogues.mo_path(language).read_bytes() == fresh, "run: python -m autograder.i18n.compile"


def test_compile_check_reports_nothing_stale():
    result = subprocess.run([sys.executable, "-m", "autograder.i18n.compile", "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_check_finds_an_untranslated_code_and_a_stale_mo(tmp_path):
    shutil.copytree(LOCALE_DIR, tmp_path / "locale")
    ko = catalogues.po_path("ko", tmp_path / "locale")
    entries = po.parse(ko.read_text(encoding="utf-8"))
    next(entry for entry in entries if entry.key == "VALUE").msgstr = ""
    ko.write_text(po.format_entries(entries), encoding="utf-8")
    found = catalogues.problems(tmp_path / "locale")
    assert any("'VALUE' is not translated" in problem for problem in found), found
    assert any(problem.endswith("not compiled from the current autograder.po") for problem in found), found
    assert explain("VALUE", "ko") != CODES["VALUE"]  # the kit's own catalogue is untouched


@pytest.mark.skipif(shutil.which("msgunfmt") is None, reason="GNU gettext tools are not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_reads_back_like_gnu_msgfmts(language, tmp_path):
    gnu = tmp_path / "gnu.mo"
    subprocess.run(["msgfmt", "-o", str(gnu), str(catalogues.po_path(language))], check=True)
    ours = subprocess.run(["msgunfmt", str(catalogues.mo_path(language))], capture_output=True, check=True).stdout
    theirs = subprocess.run(["msgunfmt", str(gnu)], capture_output=True, check=True).stdout
    assert ours == theirs


def test_explain_speaks_korean_for_ko_and_english_for_en():
    assert explain("RANK1", "en") == CODES["RANK1"]
    assert explain("LOOP001") == LOOP_CODES["LOOP001"]
    for code in ALL_CODES:
        assert hangul(explain(code, "ko")), code
        assert not hangul(explain(code, "en")), code
    assert "rank-1" in explain("RANK1", "ko") and "shape" in explain("RANK1", "ko")  # terms stay in English


def test_unknown_language_falls_back_to_english_and_unknown_code_to_itself():
    assert explain("SHAPE", "fr") == explain("SHAPE", "en") == CODES["SHAPE"]
    assert explain("SHAPE", "") == CODES["SHAPE"]
    assert hangul(explain("SHAPE", "ko_KR"))  # a regional variant finds the language
    assert explain("NO_SUCH_CODE", "ko") == "NO_SUCH_CODE"


def test_korean_fix_it_sentences_take_the_same_fields_as_the_english_ones():
    for code, mistake in MISTAKES.items():
        assert fields(explain(code, "ko")) == mistake.fields, code
        assert title(code, "en") == mistake.title and hangul(title(code, "ko")), code


def test_message_fills_the_translated_template():
    assert message("M_MISSING_1_OVER_M", "en", what="dw", m=7) == \
        "dw is exactly m = 7 times the expected value: divide by m"
    korean = message("M_MISSING_1_OVER_M", "ko", what="dw", m=7)
    assert hangul(korean) and "dw" in korean and "m = 7" in korean


def test_message_falls_back_to_english_when_a_translation_takes_other_fields(monkeypatch):
    class Broken:
        def gettext(self, code):
            return "{other} 번역"
    monkeypatch.setattr("autograder.i18n.translation",
                        lambda language="en": Broken() if language == "ko" else translation(language))
    assert message("M_MISSING_1_OVER_M", "ko", what="db", m=3) == \
        "db is exactly m = 3 times the expected value: divide by m"


def test_po_format_round_trips_escapes_contexts_and_the_header():
    entries = [po.header("ko"),
               po.Entry("A", 'say "hi"\\ then\ttab', None, [". English: x"]),
               po.Entry("A", "제목", TITLE, [": somewhere"])]
    parsed = po.parse(po.format_entries(entries))
    assert [(e.msgid, e.msgstr, e.msgctxt, e.comments) for e in parsed] == \
           [(e.msgid, e.msgstr, e.msgctxt, e.comments) for e in entries]

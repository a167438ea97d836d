"""The kit's messages in the course's language: the catalogues are extracted from the code and
current, every message has a Korean translation that keeps its placeholders and reads as Korean,
and the language is chosen the way the docs say."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

from autograder.i18n import catalogs
from autograder.i18n import compile as catalogues
from autograder.kitcheck import i18n
from autograder.kitcheck.codes import CODES
from autograder.mistakes import MISTAKES
from korean import english_prose, hangul

KOREAN = [catalogues.po_path("ko", domain) for domain in catalogues.DOMAINS]


def test_compile_check_reports_nothing_stale_or_untranslated():
    """Changing a marked message without `python -m autograder.i18n.compile` (or leaving a new one
    untranslated) fails here, with what to do."""
    result = subprocess.run([sys.executable, "-m", "autograder.i18n.compile", "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_students_messages_and_graders_messages_are_extracted_apart():
    """The students' copy of kitcheck carries the codes' meanings, never a mistake's fix-it sentence."""
    students = {message.id for message in catalogues.extract("kitcheck") if message.id}
    graders = {message.id for message in catalogues.extract("autograder") if message.id}
    sentences = {m.message for m in MISTAKES.values()} | {m.title for m in MISTAKES.values()}
    assert set(CODES.values()) <= students and sentences <= graders and not sentences & students


def test_every_korean_message_reads_as_korean():
    leftovers = {}
    for message in [message for path in KOREAN for message in catalogs.read(path, "ko")]:
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in texts:
            text = re.sub(r"(?m)^    .*$", "", text)  # a markdown code block (the students' README)
            if message.id and text and (not hangul(text) or english_prose(text)):
                leftovers[message.id] = english_prose(text) or text
    assert leftovers == {}


@pytest.mark.parametrize("path", KOREAN, ids=lambda path: path.stem)
def test_compiled_catalogue_is_the_po_file(path):
    with path.with_suffix(".mo").open("rb") as file:
        compiled = read_mo(file)
    assert catalogs.translations(compiled) == catalogs.translations(catalogs.read(path, "ko"))


def test_check_finds_a_lost_placeholder_and_an_untranslated_message(tmp_path):
    catalogue = catalogs.read(catalogues.po_path("ko", "autograder"), "ko")
    template = next(m for m in catalogue if m.id == MISTAKES["M_MISSING_1_OVER_M"].message)
    template.string = template.string.replace("{m}", "m")
    untouched = next(m for m in catalogue if m.id == MISTAKES["M_RANK1"].title)
    untouched.string = ""
    broken = tmp_path / "ko" / "LC_MESSAGES" / "autograder.po"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(catalogs.po_bytes(catalogue))
    found = catalogs.untranslated(broken)
    assert any("placeholders differ" in problem and "{m}" in problem for problem in found), found
    assert any(f"not translated: {MISTAKES['M_RANK1'].title!r}" in problem for problem in found), found


def test_a_mistake_sentence_is_filled_in_the_course_language(korean, monkeypatch):
    sentence = MISTAKES["M_MISSING_1_OVER_M"].problem(what="dw", m=7).message
    assert hangul(sentence) and "dw" in sentence and "m = 7" in sentence and english_prose(sentence) == []
    monkeypatch.setenv(i18n.ENVIRONMENT, "en")
    assert MISTAKES["M_MISSING_1_OVER_M"].problem(what="dw", m=7).message == \
        "dw is exactly m = 7 times the expected value: divide by m"


def test_a_translation_that_lost_a_field_falls_back_to_english(korean, monkeypatch):
    class Broken:
        def gettext(self, message):
            return "{other} 번역"
    monkeypatch.setattr(i18n, "catalogue", lambda language: Broken())
    assert i18n.fill("{what} is exactly m = {m} times the expected value: divide by m", what="db", m=3) == \
        "db is exactly m = 3 times the expected value: divide by m"


def test_language_comes_from_use_then_the_environment_then_the_release_file(tmp_path, monkeypatch):
    """The grader calls use(); its children read the environment; a student's copy of kitcheck
    reads locale/LANGUAGE, written by `autograder release`."""
    copy = tmp_path / "kitcheck"
    shutil.copytree(Path(i18n.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "locale" / "LANGUAGE").write_text("ko\n")
    probe = "import kitcheck.i18n as t; print(t.language(), t._(t.N_(%r)))" % CODES["VALUE"]
    env = {key: value for key, value in os.environ.items() if key != i18n.ENVIRONMENT}
    run = lambda **extra: subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env={**env, **extra},
                                         capture_output=True, text=True, check=True).stdout.split(" ", 1)
    language, text = run()
    assert language == "ko" and hangul(text)
    language, text = run(KITCHECK_LANGUAGE="en")
    assert language == "en" and text.strip() == CODES["VALUE"]


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="en, ko"):
        i18n.use("fr")

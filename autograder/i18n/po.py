"""The gettext catalogue formats, standard library only: read and write .po files, write .mo files.

A port of the parts of CPython's Tools/i18n/msgfmt.py the kit needs (msgctxt, escapes, the header),
made deterministic: the .mo is little-endian whatever the machine, so a rebuild compares byte for byte.
"""
from __future__ import annotations

import ast
import struct
from dataclasses import dataclass, field

MO_MAGIC = 0x950412DE
CONTEXT_SEPARATOR = "\x04"  # how gettext keys a message with a context: "title\x04M_RANK1"


@dataclass
class Entry:
    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    comments: list[str] = field(default_factory=list)  # the lines after "#" (e.g. ". English: ...")

    @property
    def key(self) -> str:
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}{CONTEXT_SEPARATOR}{self.msgid}"


def header(language: str) -> Entry:
    """The catalogue's metadata entry (msgid ""); no dates, so that a rebuild changes nothing."""
    fields = {
        "Project-Id-Version": "autograder",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;" if language == "ko" else "nplurals=2; plural=(n != 1);",
    }
    return Entry("", "".join(f"{name}: {value}\n" for name, value in fields.items()))


def parse(text: str) -> list[Entry]:
    """The entries of a .po file, the header (msgid "") included; obsolete (#~) entries are skipped."""
    entries: list[Entry] = []
    current: dict = {}
    comments: list[str] = []
    section = None

    def finish():
        nonlocal current, comments
        if "msgid" in current:
            entries.append(Entry(current["msgid"], current.get("msgstr", ""), current.get("msgctxt"), comments))
            current, comments = {}, []

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if "msgstr" in current:
                finish()
            comments.append(line[1:])
            continue
        if not line:
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid", "msgstr"):
            if keyword in ("msgctxt", "msgid") and "msgstr" in current:
                finish()
            section = keyword
            current[section] = _string(rest, number)
        elif line.startswith('"') and section is not None:
            current[section] += _string(line, number)
        else:
            raise ValueError(f"line {number}: cannot read {raw!r}")
    finish()
    return entries


def _string(text: str, number: int) -> str:
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"line {number}: expected a quoted string, got {text!r}")
    return ast.literal_eval(text)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    return f'"{escaped}"'


def format_entries(entries: list[Entry]) -> str:
    """A .po file: one entry per block, multi-line strings (the header) split after each \\n."""
    blocks = []
    for entry in entries:
        lines = [f"#{comment}" for comment in entry.comments]
        if entry.msgctxt is not None:
            lines.append(f"msgctxt {_quote(entry.msgctxt)}")
        lines.append(f"msgid {_quote(entry.msgid)}")
        if "\n" in entry.msgstr.rstrip("\n"):
            lines.append('msgstr ""')
            lines += [_quote(part) for part in entry.msgstr.splitlines(keepends=True)]
        else:
            lines.append(f"msgstr {_quote(entry.msgstr)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def mo_bytes(entries: list[Entry]) -> bytes:
    """The compiled catalogue (GNU .mo): translated entries only, sorted by key, no hash table."""
    messages = {entry.key.encode(): entry.msgstr.encode() for entry in entries
                if entry.msgstr and "fuzzy" not in "".join(entry.comments)}
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\0"
        strs += messages[key] + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    table = [n for start, length, _, _ in offsets for n in (length, start + key_start)]
    table += [n for _, _, start, length in offsets for n in (length, start + value_start)]
    head = struct.pack("<7I", MO_MAGIC, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return head + struct.pack(f"<{len(table)}I", *table) + ids + strs

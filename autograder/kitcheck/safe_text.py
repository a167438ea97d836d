"""Text a student wrote, made safe to show where it could act: a terminal, a spreadsheet.

`terminal_safe` keeps what a terminal prints as text and drops what it obeys: ANSI/OSC escape
sequences (colours, cursor moves, window titles, hyperlinks, clipboard writes), other C0/C1
control characters (a carriage return overwrites the line before it) and the bidirectional
overrides that make a line read differently from what it holds. `csv_safe` keeps a spreadsheet
from reading a cell as a formula (OWASP's advice on CSV injection).
"""
from __future__ import annotations

import re

_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|$)"   # OSC ... BEL/ST (or never terminated)
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|$)"    # the same, 8-bit
    r"|\x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c|$)"       # DCS, PM, APC, SOS strings
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"                       # CSI: colours, cursor moves, erase
    r"|\x9b[0-?]*[ -/]*[@-~]?"                         # CSI, 8-bit
    r"|\x1b[ -/]*[0-~]?"                               # other escapes (charset, keypad, reset)
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def terminal_safe(text: str) -> str:
    """`text` without escape sequences and control characters, but newlines and tabs."""
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))


def csv_safe(value):
    """A CSV cell's value: text that a spreadsheet would take for a formula gets a leading
    apostrophe; numbers (and anything not text) are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value

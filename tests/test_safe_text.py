"""autograder.safe_text: what a terminal would obey and what a spreadsheet would compute is removed."""
from __future__ import annotations

import pytest

from autograder.kitcheck.safe_text import csv_safe, terminal_safe


@pytest.mark.parametrize("text, shown", [
    ("\x1b[31mred\x1b[0m text", "red text"),                        # colour
    ("a\x1b[2J\x1b[Hb", "ab"),                                      # clear screen, cursor home
    ("\x1b]0;owned title\x07after", "after"),                       # window title (OSC, BEL)
    ("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"),           # OSC 8 hyperlink (ST)
    ("\x1b]52;c;Y3VybCB4fHNo\x07", ""),                             # clipboard write
    ("\x1b]0;never terminated", ""),                                # OSC to the end
    ("\x9b31mred", "red"),                                          # 8-bit CSI
    ("\x9d0;title\x9cok", "ok"),                                    # 8-bit OSC
    ("\x1bPq#0;2;0;0;0\x1b\\x", "x"),                               # DCS (sixel)
    ("ok\rFAIL", "okFAIL"),                                         # carriage return overwrites
    ("bell\x07 back\x08 nul\x00 del\x7f", "bell back nul del"),
    ("\u202eevil\u202c", "evil"),                                   # bidi override
    ("line 1\n\tline 2", "line 1\n\tline 2"),                       # kept
    ("μ ≠ σ, 한국어", "μ ≠ σ, 한국어"),                              # kept
    ("trailing \x1b", "trailing "),
])
def test_terminal_safe_drops_what_a_terminal_would_obey(text, shown):
    assert terminal_safe(text) == shown


def test_terminal_safe_leaves_no_control_character_in_any_byte_soup():
    soup = "".join(chr(i) for i in range(0x00, 0xA0)) * 3 + "\x1b[" + "\x1b]"
    safe = terminal_safe(soup)
    assert {c for c in safe if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0} <= {"\n", "\t"}


@pytest.mark.parametrize("value, cell", [
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("alice", "alice"), ("", ""), ("a=b", "a=b"),
    (3.5, 3.5), (-2, -2), (0.0, 0.0), (None, None),
])
def test_csv_safe_neutralises_formulas_and_keeps_numbers(value, cell):
    assert csv_safe(value) == cell

"""Characters a reader never sees but that change what text does: defined once, shown as U+XXXX.

A writer never types these on purpose, and each can do harm where untrusted text goes:
- control characters (C0 but tab and line feed, DEL, C1): ESC rewrites a terminal or a CI log
  ("\\x1b]0;title\\x07", "\\x1b[2J"); PyYAML refuses C1 and noncharacters in a file, so one in a
  generated page's front matter made MkDocs drop the whole header;
- bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C): make text show
  in another order than it is written ("Trojan Source"), in a message or on the page;
- line and paragraph separators (U+2028, U+2029): line breaks to YAML and some terminals;
- noncharacters (U+FDD0-U+FDEF and the last two of every plane) and lone surrogates: not text
  at all; a surrogate cannot even be written out as UTF-8.

The tree check refuses them in every text of a tree, the page check in a page, and file names
that hold one are refused; everything we print that came from a file (messages, excerpts,
warnings, path tables, the pull-request summary) shows any that remain as U+XXXX.
"""

from __future__ import annotations

import re

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
UNSEEN = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters, except tab and line feed
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional controls
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff"  # lone surrogates
    f"{_NONCHARACTERS}"
    "]"
)
"""Every character above; tab and line feed are the only control characters allowed."""
_LINE_BREAKS = re.compile("[\t\n\r]")


def code_point(character: str) -> str:
    """U+001B for ESC: how a message names a character."""
    return f"U+{ord(character):04X}"


def visible(text: str) -> str:
    """text with every unseen character written as U+XXXX (tab and line feed kept)."""
    return UNSEEN.sub(lambda match: code_point(match.group()), text)


def one_line(text: str) -> str:
    """visible(text), and tab, line feed and carriage return shown as U+XXXX too: for a file
    name or a label, which must stay on one line."""
    return visible(_LINE_BREAKS.sub(lambda match: code_point(match.group()), text))


def kind_of(character: str) -> str:
    """What the character is, in a few plain words."""
    code = ord(character)
    if code in (0x061C, 0x200E, 0x200F) or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return "an invisible character that changes the direction text is shown in"
    if code in (0x2028, 0x2029):
        return "an invisible line break"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "an invisible control character"
    return "a code that is not a character"


def first_unseen(text: str, allowed: str = "") -> int:
    """The index of the first unseen character in text that is not in allowed, or -1."""
    for match in UNSEEN.finditer(text):
        if match.group() not in allowed:
            return match.start()
    return -1

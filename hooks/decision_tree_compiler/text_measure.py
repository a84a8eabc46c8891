"""How wide a line of text will be, without a browser: enough to size the flowchart's boxes.

SVG text does not wrap, so the build wraps it and sizes each box from an estimate. The
diagram's stylesheet asks for Arial or a font with the same widths (Helvetica, Liberation Sans,
Arimo, Nimbus Sans, FreeSans; Roboto on Android is close), so the estimate uses those widths:
the Helvetica widths published in Adobe's core font metrics, in thousandths of the font size,
for printable ASCII. Other characters: accented letters count as their base letter, wide East
Asian characters as a full em, combining marks as nothing, anything else as a wide letter.
SAFETY covers the small differences between those fonts and hinting at small sizes: measured
in Chromium with Liberation Sans, every line of the real tree's diagram is 93-95% of its
estimate. A system with none of those fonts falls back to a wider one (DejaVu Sans: up to 16%
wider than the estimate), where the longest lines run up to about 20 px past a box's edge.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

SAFETY = 1.06

# Printable ASCII from space (32) to tilde (126).
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)
_PUNCTUATION = {
    "\u2018": (222, 278), "\u2019": (222, 278), "\u201c": (333, 500), "\u201d": (333, 500),
    "\u2013": (556, 556), "\u2014": (1000, 1000), "\u2026": (1000, 1000), "\u00a0": (278, 278),
    "\u2022": (350, 350), "\u00b7": (278, 278),
}
_WIDE_LETTER = 722


@lru_cache(maxsize=4096)
def _character_width(character: str, bold: bool) -> int:
    code = ord(character)
    if 32 <= code <= 126:
        return (_BOLD if bold else _REGULAR)[code - 32]
    if character in _PUNCTUATION:
        return _PUNCTUATION[character][bold]
    category = unicodedata.category(character)
    if category in ("Mn", "Me", "Cf", "Cc"):
        return 0
    if unicodedata.east_asian_width(character) in ("W", "F"):
        return 1000
    base = unicodedata.normalize("NFD", character)[0]
    if base != character and 32 <= ord(base) <= 126:
        return _character_width(base, bold)
    return _WIDE_LETTER


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width in CSS pixels of text set in one line at size pixels."""
    return sum(_character_width(character, bold) for character in text) * size * SAFETY / 1000


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Lines of at most width pixels, broken at spaces; a word too long for a line is broken
    between characters. Runs of white space count as one space."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while text_width(word, size, bold) > width:
            cut = _longest_prefix(word, width, size, bold)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current or not lines:
        lines.append(current)
    return lines


def _longest_prefix(word: str, width: float, size: float, bold: bool) -> int:
    used = 0.0
    for index, character in enumerate(word):
        used += _character_width(character, bold) * size * SAFETY / 1000
        if used > width:
            return max(1, index)
    return len(word)

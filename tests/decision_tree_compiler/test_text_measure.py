"""Text widths estimated without a browser, and wrapping to a width."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_tree_compiler.text_measure import SAFETY, text_width, wrap


def test_widths_follow_the_font_metrics():
    # Arial/Helvetica: "i" is narrow, "m" wide, bold wider than regular; scales with the size.
    assert text_width("i", 10) < text_width("n", 10) < text_width("m", 10)
    assert text_width("minimum", 14, bold=True) > text_width("minimum", 14)
    assert text_width("abc", 28) == 2 * text_width("abc", 14)
    assert text_width("n", 1000) == pytest.approx(556 * SAFETY)


def test_other_characters_have_sensible_widths():
    assert text_width("é", 10) == text_width("e", 10)  # accented letters as their base letter
    assert text_width("e\u0301", 10) == text_width("e", 10)  # a combining accent takes no room
    assert text_width("漢", 10) == pytest.approx(10 * SAFETY) # wide East Asian characters are a full em
    assert text_width("\u2715", 10) > 0 and text_width("\u2019", 10) > 0


def test_wrap_breaks_at_spaces_within_the_width():
    text = "Does your plan exclude scar revision or cosmetic care, with no exceptions?"
    lines = wrap(text, 200, 14, bold=True)
    assert len(lines) > 1 and " ".join(lines) == text
    assert all(text_width(line, 14, bold=True) <= 200 for line in lines)
    assert wrap("Short", 200, 14) == ["Short"]
    assert wrap("", 200, 14) == [""]


def test_a_word_too_long_for_a_line_is_broken_between_characters():
    lines = wrap("x" * 100, 50, 12)
    assert "".join(lines) == "x" * 100 and all(text_width(line, 12) <= 50 for line in lines)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=80), st.integers(20, 300), st.sampled_from([12, 13, 14]), st.booleans())
def test_wrapped_lines_fit_and_keep_every_character(text, width, size, bold):
    lines = wrap(text, width, size, bold)
    assert all(text_width(line, size, bold) <= width or len(line) == 1 for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(text.split())

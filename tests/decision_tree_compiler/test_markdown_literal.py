"""Tree text written into Markdown stays text when GitHub renders it (review 1, defect 13)."""

from __future__ import annotations

import pytest

from decision_tree_compiler.markdown_literal import code_span, shown_id, table_cell

from .gfm import render

HOSTILE = [
    "A scar <!-- [Approve: verified by maintainers](https://evil.example/)",
    "[Approve](https://evil.example/) ![x](https://evil.example/p.png)",
    "www.evil.example, https://evil.example/x and a@evil.example",
    '<img src=x onerror="alert(1)"> <a href="https://evil.example/">x</a> </code>',
    "&lt;b&gt; &amp; &#x3c;!-- \\<!-- \\`",
    "**bold** _em_ ~~gone~~ <https://evil.example/>",
    "`one` ``two`` ```three```",
    "`starts and ends`",
    " spaced ",
    "a | b",
    "",
    "   ",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_code_span_shows_any_text_as_written_and_nothing_else(text):
    rendered = render(f"- question: {code_span(text)} ⇒ **after**\n- next line\n")
    assert rendered.comments == [], rendered.html
    assert rendered.tags == ["ul", "li", "code", "strong", "li"], rendered.html
    assert rendered.codes == [text or " "], rendered.html
    assert "next line" in rendered.text


def test_unseen_characters_are_shown_and_the_span_stays_on_one_line():
    assert code_span("A\x1b]0;PWNED\x07\nB") == "`AU+001B]0;PWNEDU+0007U+000AB`"


@pytest.mark.parametrize("text", ["a | b", "`|`", "x\\|y"])
def test_a_table_cell_keeps_its_pipes_inside_the_cell(text):
    rendered = render(f"| Outcome | Paths |\n| --- | --- |\n| {table_cell(code_span(text))} | 3 |\n")
    assert rendered.codes == [text], rendered.html
    assert rendered.tags.count("td") == 2, rendered.html


def test_ids_stay_plain_and_anything_else_is_a_code_span():
    assert shown_id("scar-from-injury") == "scar-from-injury"
    assert shown_id("www.evil.example") == "`www.evil.example`"
    assert shown_id("a<!--") == "`a<!--`"

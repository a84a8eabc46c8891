"""The HTML parser every check runs on writers' HTML reads marked sections as browsers do,
where Python's own stops with an AssertionError (Python 3.11.7 here)."""

from __future__ import annotations

import pytest

from decision_tree_compiler.html_reading import TolerantHTMLParser

MARKED_SECTIONS = ["<![x[ a ]]>", "<![ x>", "<![1>", "<p><![x[ <b>bold</b></p>", "<![if x]>", "<![CDATA[ a ]]>"]


class _Record(TolerantHTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag))

    def handle_data(self, data):
        self.events.append(("data", data))

    def unknown_decl(self, data):
        self.events.append(("section", data))


def _read(html: str) -> list[tuple]:
    parser = _Record()
    parser.feed(html)
    parser.close()
    return parser.events


@pytest.mark.parametrize("html", MARKED_SECTIONS)
def test_every_marked_section_is_read_without_an_error(html):
    _read(html)


def test_an_unknown_section_ends_at_the_next_greater_than_sign_as_in_a_browser():
    # Chromium reads "<![x[ <b>" as a comment, then "bold" as text and </b> as an end tag.
    assert _read("<p><![x[ <b>bold</b></p>") == [("start", "p"), ("section", "x[ <b"), ("data", "bold")]


def test_an_unfinished_section_at_the_end_is_kept_as_text():
    events = _read("a <![x[ b")
    assert {kind for kind, _ in events} == {"data"}
    assert "".join(text for _, text in events) == "a <![x[ b"

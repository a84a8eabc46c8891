"""Markdown rendered as GitHub renders a job summary or a .md file: GitHub Flavored Markdown by
cmark-gfm (GitHub's own parser), with its autolinks and tables, and raw HTML let through, so a
test sees any markup that got into the Markdown (GitHub then sanitises it, but a comment or a
link with lying text survives that)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options


@dataclass
class Rendered:
    html: str
    tags: list[str] = field(default_factory=list)
    """Every element the HTML has, in order."""
    comments: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    """The text of each <code> element, character codes decoded."""
    text: str = ""
    """Everything a reader sees, character codes decoded."""


class _Reader(HTMLParser):
    def __init__(self, rendered: Rendered):
        super().__init__(convert_charrefs=True)
        self.rendered = rendered
        self._code: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.rendered.tags.append(tag)
        if tag == "code":
            self._code = []

    def handle_endtag(self, tag):
        if tag == "code" and self._code is not None:
            self.rendered.codes.append("".join(self._code))
            self._code = None

    def handle_comment(self, data):
        self.rendered.comments.append(data)

    def handle_data(self, data):
        self._text.append(data)
        if self._code is not None:
            self._code.append(data)


def render(markdown: str) -> Rendered:
    rendered = Rendered(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE))
    reader = _Reader(rendered)
    reader.feed(rendered.html)
    reader.close()
    rendered.text = "".join(reader._text)
    return rendered

"""Content rules that span pages: nothing said twice, and the source's errors corrected."""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from tests.site.built_pages import content_pages

MIN_WORDS = 8  # shorter lines ("Ask your insurer.") may fairly recur


class _Paragraphs(HTMLParser):
    """Text of each <p> and <li> inside the article, footnotes excluded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self._open, self._article, self._footnote = [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self._article += 1
        if "footnote" in classes or self._footnote:
            self._footnote += 1 if tag not in ("br", "img", "hr", "input") else 0
        if tag in ("p", "li") and self._article:
            self._open.append([])

    def handle_endtag(self, tag):
        if self._footnote:
            self._footnote -= 1
        if tag == "article":
            self._article -= 1
        if tag in ("p", "li") and self._open:
            text = " ".join("".join(self._open.pop()).split())
            if not self._footnote:
                self.paragraphs.append(text)

    def handle_data(self, data):
        for paragraph in self._open:
            paragraph.append(data)


def paragraphs(html: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed(html)
    return parser.paragraphs


def normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower())


def test_no_paragraph_is_repeated_across_pages(built_site: Path):
    where = defaultdict(set)
    for page in content_pages(built_site):
        for paragraph in paragraphs(page.html):
            if len(paragraph.split()) >= MIN_WORDS and not page.path.startswith("decision-tree/"):
                where[normalise(paragraph)].add(page.path)
    repeated = {text: sorted(pages) for text, pages in where.items() if len(pages) > 1}
    assert not repeated, f"Say each thing once and link to it instead: {repeated}"


def test_the_repeat_check_sees_paragraphs_and_skips_footnotes():
    html = ('<article><p>One <a href="#">two</a> three.</p><ul><li>Item text</li></ul>'
            '<div class="footnote"><ol><li><p>Source title</p></li></ol></div></article><p>outside</p>')
    assert paragraphs(html) == ["One two three.", "Item text"]


def _page(built_site: Path, name: str) -> str:
    return (built_site / name / "index.html").read_text(encoding="utf-8")


def test_hsa_and_fsa_claim_is_corrected_with_the_irs_source(built_site: Path):
    """The source said HSA/FSA money may pay for cosmetic microneedling; IRS rules say generally not."""
    page = _page(built_site, "paying-without-insurance")
    assert "irs.gov" in page and "502" in page
    assert "20%" in page


def test_prior_authorization_is_not_called_a_guarantee(built_site: Path):
    page = _page(built_site, "before-treatment")
    assert "predetermination" in page.lower() and "referral" in page.lower()
    assert "17999" in page

"""Content rules that span pages: nothing said twice, and the source's errors corrected."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from tests.site.built_pages import content_pages
from tests.site.readability import prose_units

MIN_WORDS = 8  # shorter lines ("Ask your insurer.") may fairly recur


def normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower())


def test_no_paragraph_is_repeated_across_pages(built_site: Path):
    where = defaultdict(set)
    for page in content_pages(built_site):
        for paragraph in prose_units(page.html):
            if len(paragraph.split()) >= MIN_WORDS and not page.path.startswith("decision-tree/"):
                where[normalise(paragraph)].add(page.path)
    repeated = {text: sorted(pages) for text, pages in where.items() if len(pages) > 1}
    assert not repeated, f"Say each thing once and link to it instead: {repeated}"


def test_the_repeat_check_sees_blocks_and_skips_footnotes():
    html = ('<article><p>One <a href="#">two</a> three.</p><ul><li>Item text</li></ul>'
            '<div class="footnote"><hr /><ol><li><p>Source title</p></li></ol></div>'
            '<p class="md-last-reviewed">Last reviewed</p><p>After.</p></article><p>outside</p>')
    assert prose_units(html) == ["One two three.", "Item text", "After."]


def _page(built_site: Path, name: str) -> str:
    return (built_site / name / "index.html").read_text(encoding="utf-8")


def test_hsa_and_fsa_claim_is_corrected_with_the_tax_law_source(built_site: Path):
    """The source said HSA/FSA money may pay for cosmetic microneedling; the tax code says not.

    The page cites 26 U.S.C. 213(d)(9), the definition of cosmetic surgery, and the IRS's own
    text for the extra 20% tax on HSA money not spent on medical care.
    """
    page = _page(built_site, "paying-without-insurance")
    assert "uscode/text/26/213" in page and "irs.gov" in page
    assert "20%" in page


def test_prior_authorization_is_not_called_a_guarantee(built_site: Path):
    page = _page(built_site, "before-treatment")
    assert "predetermination" in page.lower() and "referral" in page.lower()
    assert "17999" in page

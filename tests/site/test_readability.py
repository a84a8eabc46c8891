"""Every page reads at US grade 8 or lower by the Flesch-Kincaid formula."""

from __future__ import annotations

from pathlib import Path

from tests.site.readability import MAX_GRADE, grade, page_prose, site_grades

# One paragraph in the style of the source text the site grew from (grade 14.5 overall).
SOURCE_STYLE = (
    "Insurance companies typically cover medical procedures that are deemed medically "
    "necessary. Microneedling is generally considered a cosmetic procedure, aimed at "
    "enhancing appearance rather than treating a medical condition. Consequently, it is "
    "unlikely to be covered by insurance unless it is utilized to treat a specific "
    "medical issue, such as scarring resulting from acne or surgical intervention."
)


def test_the_formula_flags_the_source_style():
    """Proves the check can fail: the source's style scores well above grade 8."""
    assert grade(SOURCE_STYLE) > 12


def test_the_formula_passes_plain_words():
    assert grade("Most plans do not pay for this. Ask your plan in writing first.") < 6


def test_each_block_is_its_own_sentence_and_footnotes_do_not_count():
    html = """
    <article>
      <h1>Title</h1>
      <ul><li>first item</li><li>second item</li></ul>
      <p>A sentence with <code>code_here</code> inside.</p>
      <div class="footnote"><ol><li>Aetna Clinical Policy Bulletin Number 0031 Cosmetic Surgery</li></ol></div>
    </article>
    <footer><p>Outside the article.</p></footer>
    """
    assert page_prose(html) == "Title. first item. second item. A sentence with inside."


def test_every_page_is_grade_8_or_lower(built_site: Path):
    grades = site_grades(built_site)
    assert len(grades) >= 10, f"expected the guidance pages, found {sorted(grades)}"
    too_hard = {page: value for page, value in grades.items() if value > MAX_GRADE}
    assert not too_hard, (
        f"These pages read above US grade {MAX_GRADE:g}: {too_hard}. Use shorter sentences "
        "and common words. See each page's grade with: "
        ".venv/bin/mkdocs build && .venv/bin/python tests/site/readability.py site"
    )

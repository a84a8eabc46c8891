"""Reading grade of each built page's prose, by the Flesch-Kincaid formula.

Used by test_readability.py and runnable on its own after a build, so a writer can
see every page's grade at once:

    .venv/bin/mkdocs build && .venv/bin/python tests/site/readability.py site

Only the page's own prose counts: the article body, without code, footnotes (source
titles are not ours to simplify), permalink symbols or scripts. Every block element
(paragraph, list item, heading, table cell) counts as its own sentence, because
Flesch-Kincaid would otherwise glue a bulleted list into one very long sentence.
"""

from __future__ import annotations

import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path

with warnings.catch_warnings():
    # textstat 0.7.4 (the last that counts syllables with pyphen, offline) imports pkg_resources,
    # which warns on import that it is deprecated; requirements.in explains the pin.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    import textstat

MAX_GRADE = 8.0

# Elements that end a sentence-like unit of text.
BLOCK_TAGS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd",
    "blockquote", "figcaption", "summary", "legend", "div", "section", "a",
}
# Subtrees that are not prose a writer controls, or not prose at all.
SKIP_TAGS = {"pre", "code", "script", "style", "svg", "template", "noscript"}
# The "Last reviewed" line is the template's, the same on every page.
SKIP_CLASSES = {"footnote", "headerlink", "md-source-file", "md-content__button", "md-last-reviewed"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ProseExtractor(HTMLParser):
    """Collects text inside <article>, one unit per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.units: list[str] = []
        self._current: list[str] = []
        self._in_article = 0
        self._skip_depth = 0  # >0 while inside a skipped subtree
        self._stack: list[tuple[str, bool]] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.units.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        if tag == "article":
            self._in_article += 1
        self._stack.append((tag, skip))
        if skip:
            self._skip_depth += 1
        if tag in BLOCK_TAGS and not tag == "a":
            self._flush()

    def handle_endtag(self, tag):
        # Close up to the matching open tag; ignore stray end tags (and the end half
        # of self-closing void tags such as <hr />, which have no open tag here).
        if tag in VOID_TAGS or all(open_tag != tag for open_tag, _ in self._stack):
            return
        while self._stack:
            open_tag, skip = self._stack.pop()
            if skip:
                self._skip_depth -= 1
            if open_tag == "article":
                self._in_article -= 1
            if open_tag in BLOCK_TAGS and open_tag != "a":
                self._flush()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._in_article and not self._skip_depth:
            self._current.append(data)


def prose_units(html: str) -> list[str]:
    """The article's text, one string per block element (paragraph, list item, ...)."""
    parser = _ProseExtractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.units


def page_prose(html: str) -> str:
    """The page's prose as sentences, each block ending in a full stop."""
    return " ".join(unit if unit[-1] in ".!?:" else unit + "." for unit in prose_units(html))


def grade(text: str) -> float:
    """US school grade by the Flesch-Kincaid formula (textstat, offline)."""
    return float(textstat.flesch_kincaid_grade(text))


def site_grades(site_dir: Path) -> dict[str, float]:
    """Grade of every content page in a built site, keyed by its path in the site."""
    grades = {}
    for html_file in sorted(site_dir.rglob("*.html")):
        relative = html_file.relative_to(site_dir).as_posix()
        if relative == "404.html":
            continue
        prose = page_prose(html_file.read_text(encoding="utf-8"))
        if prose.split():
            grades[relative] = grade(prose)
    return grades


def main(argv: list[str]) -> int:
    site_dir = Path(argv[1] if len(argv) > 1 else "site")
    grades = site_grades(site_dir)
    worst = 0.0
    for page, value in grades.items():
        flag = "  <-- above grade 8" if value > MAX_GRADE else ""
        print(f"{value:5.1f}  {page}{flag}")
        worst = max(worst, value)
    return 1 if worst > MAX_GRADE else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""A page's problems are found in what it renders to, and named on the lines of its Markdown."""

from __future__ import annotations

import markdown

from decision_tree_compiler.page_anchors import site_markdown_from_config
from site_security.page_check import page_problems
from tests.project_copy import PROJECT_ROOT

SITE = site_markdown_from_config(PROJECT_ROOT / "mkdocs.yml")


def render(source: str) -> str:
    body = source.split("---\n", 2)[2] if source.startswith("---\n") else source
    return markdown.Markdown(extensions=SITE.extensions, extension_configs=SITE.configs).convert(body)


def problems_of(source: str) -> list[str]:
    return [str(problem) for problem in page_problems("docs/page.md", source, render(source))]


PAGE = """---
description: https://cdn.example.org/logo.png is named here, in the front matter, too.
last_reviewed: 2026-11-27
---

# A page

See [the IRS](https://www.irs.gov/) and ![logo](https://cdn.example.org/logo.png).

Write to <help@example.org>.

![again][logo]

[logo]: https://cdn.example.org/logo.png

<p onclick="alert(1)">x</p>

[run](JaVaScRiPt:alert(1))
"""


def test_every_problem_is_named_on_its_own_line_and_column():
    assert problems_of(PAGE) == [
        'docs/page.md:8:49: this page loads "https://cdn.example.org/logo.png" from another site (cdn.example.org): '
        "every reader's browser would contact that site, which then learns who reads this page. "
        "Save the file in docs/assets/ and use it from there. A plain link to another site is fine: [text](https://...).",
        # The reference image names the line of its definition, the next place the address appears.
        'docs/page.md:14:9: this page loads "https://cdn.example.org/logo.png" from another site (cdn.example.org): '
        "every reader's browser would contact that site, which then learns who reads this page. "
        "Save the file in docs/assets/ and use it from there. A plain link to another site is fine: [text](https://...).",
        "docs/page.md:16:4: this page has an event handler (onclick=) on a <p> element; it runs code when the page "
        "loads or the reader touches it. Pages may not run code of their own. Remove the onclick attribute.",
        'docs/page.md:18:7: this page links to "JaVaScRiPt:alert(1)": a "javascript:" link runs code when it is '
        "clicked. Links may go to a page of this site by its file name, like [appeal](if-you-are-denied.md), to a "
        "full https:// or http:// address, or be mailto: (email) or tel: (phone) links.",
    ]


def test_every_real_page_passes():
    for path in sorted((PROJECT_ROOT / "docs").rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        assert problems_of(source) == [], path


def test_stylesheets_published_as_they_are_are_checked_too():
    # (docs_files.py refuses every kind of file a browser would run or open as a page.)
    from site_security.page_check import static_file_problems

    css = "a {\n  color: red;\n  background: url(../img/ok.png), url('https://cdn.example.org/p.png');\n}\n"
    [problem] = static_file_problems("docs/assets/site.css", css)
    assert (problem.line, problem.code) == (3, "other-origin") and problem.message.startswith("this stylesheet loads")
    assert static_file_problems("docs/assets/data.json", '{"x": "<script>"}') == []
    assert static_file_problems("docs/assets/site.css", (PROJECT_ROOT / "docs" / "assets" / "site.css").read_text()) == []


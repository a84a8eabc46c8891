"""The tree page's own weight, gzipped as a web server sends it: its script and stylesheet, and
what the drawn flowchart adds to the page's HTML.

The budgets are 10 KB for the script and stylesheet together, and 20 KB for the drawing. The
tests allow 9 KB and 18 KB, so that a server compressing a little worse than Python's gzip
(level 6, the usual default) still stays within them.
"""

from __future__ import annotations

import gzip
import re

from decision_tree_compiler.render_diagram import Limits
from decision_tree_compiler.render_html import page_context, render_tree_html

from tests.browser.decision_tree_helpers import TREE_ID, TREE_PAGE, compiled_tree

BUDGET = 10 * 1024
MARGIN = 1024
DRAWING_BUDGET = 20 * 1024
DRAWING_MARGIN = 2 * 1024
ASSETS = ("assets/decision-tree/decision-tree.js", "assets/decision-tree/decision-tree.css")


def test_script_and_stylesheet_fit_the_budget_gzipped(built_site):
    sizes = {name: len(gzip.compress((built_site / name).read_bytes(), compresslevel=6)) for name in ASSETS}
    print("gzipped bytes:", sizes, "total", sum(sizes.values()))
    assert sum(sizes.values()) <= BUDGET - MARGIN, sizes


def gzipped(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=6))


def test_the_drawing_adds_at_most_20_kb_gzipped_to_the_real_tree_page(built_site):
    # The page as built, against the same page with the list alone in place of the drawing (what
    # the page was before the drawing, and what a tree too big to draw still gets).
    html = (built_site / TREE_PAGE / "index.html").read_text(encoding="utf-8")
    compiled = compiled_tree()
    assert compiled.html in html and 'class="dt-diagram"' in compiled.html
    undrawn = render_tree_html(page_context(compiled.tree, compiled.context.fields, limits=Limits(0, 0, 0)))
    assert 'class="dt-diagram"' not in undrawn
    growth = gzipped(html) - gzipped(html.replace(compiled.html, undrawn))
    print("the drawing adds", growth, "bytes gzipped to", gzipped(html))
    assert 0 < growth <= DRAWING_BUDGET - DRAWING_MARGIN


def test_every_page_loads_the_assets_from_the_site_itself(built_site):
    # Instant navigation never loads a script twice, so every page must carry them.
    for page in [built_site / "index.html", built_site / TREE_PAGE / "index.html", built_site / "glossary/index.html"]:
        html = page.read_text(encoding="utf-8")
        for name in ASSETS:
            assert re.search(rf'(src|href)="(\.\./)*{re.escape(name)}"', html), (page, name)


def test_the_first_question_is_in_the_html_before_any_script(built_site):
    html = (built_site / TREE_PAGE / "index.html").read_text(encoding="utf-8")
    root = html.index(f'data-decision-tree="{TREE_ID}"')
    first_section = html.index('class="dt-node', root)
    assert "dt-start" in html[first_section : html.index(">", first_section)]
    # Nothing on the page comes before the tree's own markup but Material's chrome: no script
    # builds the question.
    assert html.index("<script", root) > first_section

"""The tree page's own weight: its script and stylesheet, gzipped as a web server sends them.

The budget is 10 KB for both together. The test allows 9 KB so that a server compressing a
little worse than Python's gzip (level 6, the usual default) still stays within budget.
"""

from __future__ import annotations

import gzip
import re

from tests.browser.decision_tree_helpers import TREE_ID, TREE_PAGE

BUDGET = 10 * 1024
MARGIN = 1024
ASSETS = ("assets/decision-tree/decision-tree.js", "assets/decision-tree/decision-tree.css")


def test_script_and_stylesheet_fit_the_budget_gzipped(built_site):
    sizes = {name: len(gzip.compress((built_site / name).read_bytes(), compresslevel=6)) for name in ASSETS}
    print("gzipped bytes:", sizes, "total", sum(sizes.values()))
    assert sum(sizes.values()) <= BUDGET - MARGIN, sizes


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

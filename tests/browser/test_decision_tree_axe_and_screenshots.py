"""axe-core on the whole tree page, at the first question and at an outcome, in both palettes,
with screenshots of the same moments at a phone and a desktop width for reviewers
(test-artifacts/decision-tree-*.png)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.decision_tree_helpers import TREE_PAGE, answer, assert_clean, expect_on, expect_outcome, longest_path

WIDTHS = {375: 812, 1280: 900}


def violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_and_screenshots_are_saved(site_server, new_page, artifacts_dir, scheme):
    answers, outcome_id = longest_path()
    found = {}
    for width, height in WIDTHS.items():
        page, watch = new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
        page.goto(site_server + TREE_PAGE)
        expect_on(page, answers[0][0])
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", "slate" if scheme == "dark" else "default"
        )
        page.screenshot(path=artifacts_dir / f"decision-tree-first-question-{scheme}-{width}.png", full_page=True)
        if width == 1280:  # axe looks at the whole page; one width is enough
            found["first question"] = violations(page)
        answer(page, answers)
        expect_outcome(page, outcome_id)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=artifacts_dir / f"decision-tree-outcome-{scheme}-{width}.png", full_page=True)
        if width == 1280:
            found["outcome"] = violations(page)
        assert_clean(watch)
    assert found == {"first question": [], "outcome": []}

"""axe-core on the whole tree page, at the first question and at an outcome, in both palettes, with
the page's scripts and without them; with screenshots of the same moments at a phone and a desktop width for
reviewers: the whole page (test-artifacts/decision-tree-*.png) and the drawn flowchart as the
reader sees it in its scroll container (test-artifacts/decision-tree-diagram-*.png)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.decision_tree_helpers import (
    TREE_PAGE,
    address,
    answer,
    assert_clean,
    expect_on,
    expect_outcome,
    longest_path,
)

WIDTHS = {375: 812, 1280: 900}


def violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
    ]


def expect_palette(page, scheme: str) -> None:
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")


def screenshots(page, artifacts_dir, moment: str, scheme: str, width: int) -> None:
    # First as a reader gets there: scroll down to the drawing and wait until it shows the box
    # where the reader stands (the map is rendered only near the screen).
    page.evaluate("document.querySelector('.dt-diagram-scroll').scrollIntoView({block: 'start'})")
    page.wait_for_function(
        """() => {
            const view = document.querySelector(".dt-diagram-scroll").getBoundingClientRect();
            const box = document.querySelector(".dt-diagram [aria-current] .dt-diagram-box").getBoundingClientRect();
            return box.width > 0 && box.left >= view.left - 1 && box.right <= view.right + 1
                && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
        }"""
    )
    # A full-page screenshot would leave the map unrendered once it is off screen again: keep
    # it rendered for the pictures (a test-only change; the drawing's scroll stays as it was).
    page.evaluate("document.querySelector('.dt-map').style.contentVisibility = 'visible'")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=artifacts_dir / f"decision-tree-{moment}-{scheme}-{width}.png", full_page=True)
    # A clip of the full page, not an element screenshot: that would scroll the page and catch
    # Material's fixed header over the drawing.
    clip = page.locator(".dt-map").bounding_box()
    page.screenshot(path=artifacts_dir / f"decision-tree-diagram-{moment}-{scheme}-{width}.png", full_page=True, clip=clip)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_and_screenshots_are_saved(site_server, new_page, artifacts_dir, scheme):
    answers, outcome_id = longest_path()
    found = {}
    for width, height in WIDTHS.items():
        page, watch = new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
        page.goto(site_server + TREE_PAGE)
        expect_on(page, answers[0][0])
        expect_palette(page, scheme)
        screenshots(page, artifacts_dir, "first-question", scheme, width)
        if width == 1280:  # axe looks at the whole page; one width is enough
            found["first question"] = violations(page)
        answer(page, answers)
        expect_outcome(page, outcome_id)
        screenshots(page, artifacts_dir, "outcome", scheme, width)
        if width == 1280:
            found["outcome"] = violations(page)
        assert_clean(watch)
    assert found == {"first question": [], "outcome": []}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_without_the_script_with_the_list_open_too(site_server, new_page, scheme):
    # axe needs JavaScript to run (with it off in the browser, its timers never fire), so the
    # page's script files are refused instead: the tree's and Material's. What is left is the
    # page as a reader without JavaScript gets it (the theme's small inline scripts only set
    # up its palette and search).
    answers, outcome_id = longest_path()
    page, watch = new_page(color_scheme=scheme)
    page.route("**/*.js", lambda route: route.abort())
    found = {}
    for moment, node_id in (("first question", answers[0][0]), ("outcome", outcome_id)):
        page.goto(site_server + TREE_PAGE + address(node_id))
        expect(page.locator(f"{address(node_id)}:visible")).to_have_count(1)
        expect(page.locator(".dt.dt-js")).to_have_count(0)  # the tree's script did not run
        if scheme == "dark":
            # Material applies the palette with its script, so without JavaScript a reader always
            # gets the light one; the dark one is set here by hand to check its colours anyway.
            page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        expect_palette(page, scheme)
        found[moment] = violations(page)
    # The list version of the flowchart, opened by its disclosure.
    page.locator("details.dt-outline summary").click()
    expect(page.locator(".dt-map-node").first).to_be_visible()
    found["list open"] = violations(page)
    assert found == {"first question": [], "outcome": [], "list open": []}
    assert watch.foreign_requests() == []

"""No id on a tree page can collide with a heading's: a hostile title cannot break the tree.

Issue 8, item 5. The page's H1 gets its id from the tree's title ("Coverage reason" gives
`id="coverage-reason"`). When sections were "<tree>-<node>", that was also the id of the question
"reason" that the first answer leads to: with JavaScript the first answer showed nothing and
threw, without it the answer showed the first question again. Section ids are now
"<tree>--<node>" (html_ids.py), and heading ids never contain "--". The real tree is built
strictly with that title and walked in Chromium, with JavaScript on and off: the path through
the first answer, which broke, and the longest path. (tests/decision_tree_compiler/test_html_ids.py
proves that no title and no pair of trees can make ids collide.)
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.changed_site import changed_site
from tests.browser.decision_tree_helpers import (
    TREE_PAGE,
    answer,
    assert_clean,
    every_path,
    expect_on,
    expect_outcome,
    longest_path,
    tree_data,
)

# The id the first answer's question or outcome had under the old "<tree>-<node>" scheme, made
# into a title: "Coverage coverage" gives the H1 id="coverage-coverage" (what Python-Markdown's toc
# makes of it). Taken from the tree, so the test follows any change to it.
FIRST_NEXT = tree_data()["questions"][tree_data()["start"]]["options"][0]["next"]
HOSTILE_TITLE = f"{tree_data()['id'].capitalize()} {FIRST_NEXT}"
HEADING_ID = f"{tree_data()['id']}-{FIRST_NEXT}"


def retitle(project) -> None:
    tree_file = project / "decision_tree" / "coverage.yml"
    text = tree_file.read_text(encoding="utf-8")
    assert "\ntitle: Check your coverage for microneedling\n" in text
    tree_file.write_text(text.replace("\ntitle: Check your coverage for microneedling\n", f"\ntitle: {HOSTILE_TITLE}\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def retitled_site(tmp_path_factory):
    with changed_site(tmp_path_factory.mktemp("retitled"), retitle) as site:
        yield site


def duplicate_ids(page) -> list[str]:
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(element => element.id)")
    return sorted({id_ for id_ in ids if ids.count(id_) > 1})


def test_the_title_gives_the_heading_an_id_that_no_tree_element_has(retitled_site, new_page_for):
    page, watch = new_page_for(retitled_site.url)
    page.goto(retitled_site.url + TREE_PAGE)
    expect(page.locator("h1")).to_have_id(HEADING_ID)
    expect(page.locator(f"[id='{HEADING_ID}']")).to_have_count(1)
    assert duplicate_ids(page) == []
    # Walked to an outcome, with the ids the script adds: still all different.
    answers, outcome_id = every_path()[0]
    answer(page, answers)
    expect_outcome(page, outcome_id)
    assert duplicate_ids(page) == []
    assert_clean(watch)


def paths_to_walk():
    """The first path (through the first answer, whose question's id the title used to take) and the longest."""
    return [every_path()[0], longest_path()]


def test_with_javascript_the_paths_reach_their_outcomes(retitled_site, new_page_for):
    page, watch = new_page_for(retitled_site.url)
    page.goto(retitled_site.url + TREE_PAGE)
    expect(page.locator(".dt.dt-js")).to_have_count(1)
    assert every_path()[0][0][0] == (tree_data()["start"], tree_data()["questions"][tree_data()["start"]]["options"][0]["label"])
    assert HEADING_ID == f"{tree_data()['id']}-{FIRST_NEXT}"
    for answers, outcome_id in paths_to_walk():
        answer(page, answers)
        expect_outcome(page, outcome_id)
        page.get_by_role("button", name="Start again").click()
        expect_on(page, tree_data()["start"])
    # The heading's own link (its permalink) is no node's address: the first question stays.
    # (When "#<tree>-<node>" was the address of that node, it jumped there.)
    page.locator("h1 a.headerlink").click()
    expect(page).to_have_url(retitled_site.url + TREE_PAGE + f"#{HEADING_ID}")
    expect_on(page, tree_data()["start"])
    assert_clean(watch)


def test_without_javascript_the_paths_reach_their_outcomes(retitled_site, new_page_for):
    page, watch = new_page_for(retitled_site.url, java_script_enabled=False)
    page.goto(retitled_site.url + TREE_PAGE)
    shown = page.locator(".dt-node:visible")
    start = tree_data()["start"]
    for answers, outcome_id in paths_to_walk():
        for question_id, label in answers:
            expect(shown).to_have_count(1)
            expect(shown).to_have_attribute("data-node", question_id)
            shown.get_by_role("link", name=label, exact=True).click()
        expect(shown).to_have_count(1)
        expect(shown).to_have_attribute("data-node", outcome_id)
        shown.get_by_role("link", name="Start again").click()
        expect(shown).to_have_attribute("data-node", start)
    # The heading's permalink shows the first question, as the page does with no address.
    page.locator("h1 a.headerlink").click()
    expect(shown).to_have_count(1)
    expect(shown).to_have_attribute("data-node", start)
    assert_clean(watch)

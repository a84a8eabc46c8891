"""No limit on a question's options, on either side: what the compiler accepts, the page restores.

Issue 8, item 8. The script used to read at most 4 digits per answer from the address while the
compiler accepts any number of options, so answer 10,001 could be chosen but not restored on a
reload or from a copied link. Now neither side has a limit of its own: the only one is the
question's own number of options, which the script checks. A strict build of a tree whose first
question has 10,001 options proves the compiler side; Chromium proves the page side.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.changed_site import add_to_nav, changed_site, write_tree

OPTIONS = 10_001
PAGE = "decision-tree/long/"


def long_question_project(project) -> None:
    options = [{"label": f"Answer {number}", "next": "other"} for number in range(1, OPTIONS)]
    options.append({"label": f"Answer {OPTIONS}", "next": "after"})
    write_tree(project, "long", {
        "title": "A long question",
        "description": "A question with more answers than four digits can number.",
        "start": "pick",
        "questions": {
            "pick": {"text": "Which one?", "options": options},
            "after": {"text": "And then?", "options": [{"label": "First", "next": "other"}, {"label": "Second", "next": "last"}]},
        },
        "outcomes": {
            "other": {"verdict": "unlikely", "title": "Another answer", "body": "Not the last one."},
            "last": {"verdict": "possible", "title": "The last answer", "body": "You reached the end."},
        },
    })
    add_to_nav(project, "A long question: decision-tree/long.md")


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    with changed_site(tmp_path_factory.mktemp("long-question"), long_question_project) as site:
        yield site


def expect_shown(page, node: str) -> None:
    expect(page.locator(".dt-node.dt-current")).to_have_attribute("data-node", node)


def test_answer_10001_is_restored_from_the_address_and_chosen_by_a_click(long_site, new_page_for):
    # One load: the page is large (10,001 answers, each on the flowchart too).
    page, watch = new_page_for(long_site.url)
    # A copied link, or a reload: the address alone brings the reader back.
    page.goto(long_site.url + PAGE + f"#long:pick={OPTIONS},after=2")
    expect_shown(page, "last")
    expect(page.locator(".dt-answers .dt-answer-a")).to_have_text([f"Answer {OPTIONS}", "Second"])

    page.get_by_role("button", name="Start again").click()
    expect_shown(page, "pick")
    expect(page.locator(".dt-current .dt-options a")).to_have_count(OPTIONS)
    page.locator(".dt-current .dt-options a").nth(OPTIONS - 1).click()
    expect_shown(page, "after")
    expect(page).to_have_url(long_site.url + PAGE + f"#long:pick={OPTIONS}")

    # Numbers the question does not have stop there, however many digits they have.
    for fragment, shown, address in [
        (f"#long:pick={OPTIONS + 1}", "pick", ""),  # one past the last answer
        ("#long:pick=" + "9" * 400, "pick", ""),  # too long for a number: Infinity, out of range
        (f"#long:pick=0{OPTIONS},after=2", "last", f"#long:pick={OPTIONS},after=2"),  # written plainly
    ]:
        page.evaluate("fragment => { location.hash = fragment; }", fragment)
        expect_shown(page, shown)
        expect(page).to_have_url(long_site.url + PAGE + address)
    assert watch.errors == [] and watch.foreign_requests() == []

"""The decision tree page in Chromium: every path, with and without JavaScript, and everything a
reader does around it (history, links, changing answers, the flowchart, keyboard, zoom, print).
The drawn flowchart's own tests are in test_decision_tree_diagram.py.

Each test ends with assert_clean: no request left the site's origin and no script error was
logged. Waits are on conditions (Playwright's expect), never fixed sleeps.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.decision_tree_helpers import (
    TREE_ID,
    TREE_IDS,
    TREE_PAGE,
    address,
    answer,
    assert_clean,
    box,
    current,
    every_path,
    expect_on,
    expect_outcome,
    longest_path,
    map_card,
    option,
    section,
    tree_data,
    tree_page,
)


def option_number(question_id: str, label: str) -> int:
    labels = [option["label"] for option in tree_data()["questions"][question_id]["options"]]
    return labels.index(label) + 1


def remaining(question_id: str, tree_id: str = TREE_ID) -> int:
    return tree_data(tree_id)["remaining"][question_id]


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_path_with_javascript_reaches_the_outcome_the_yaml_gives(site_server, new_page, tree_id):
    page, watch = new_page()
    page.goto(site_server + tree_page(tree_id))
    expect(page.locator(f"[data-decision-tree={tree_id}].dt-js")).to_have_count(1)
    live = page.locator(".dt [aria-live=polite]")
    paths = every_path(tree_id)
    assert len(paths) > 1
    for answers, outcome_id in paths:
        for step, (question_id, label) in enumerate(answers, start=1):
            expect_on(page, question_id, tree_id)
            expect(page.locator(".dt-progress")).to_have_text(
                f"Question {step} of at most {step - 1 + remaining(question_id, tree_id)}"
            )
            option(page, label).click()
            # Focus moves to the new heading, and a screen reader hears where it is.
            next_id = outcome_id if step == len(answers) else answers[step][0]
            expect(section(page, next_id, tree_id).locator("h2")).to_be_focused()
            expect(live).not_to_be_empty()
        expect_outcome(page, outcome_id, tree_id)
        # The answers given, in order, as the printable summary.
        expect(page.locator(".dt-answers .dt-answer-a")).to_have_text([label for _, label in answers])
        page.get_by_role("button", name="Start again").click()
        expect_on(page, tree_data(tree_id)["start"], tree_id)
    assert_clean(watch)


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_path_without_javascript_reaches_the_same_outcome_by_plain_links(site_server, new_page, tree_id):
    page, watch = new_page(java_script_enabled=False)
    page.goto(site_server + tree_page(tree_id))
    shown = page.locator(".dt-node:visible")
    start = tree_data(tree_id)["start"]
    # The first question is in the HTML and on screen with no script at all.
    expect(shown).to_have_count(1)
    expect(shown).to_have_attribute("data-node", start)
    for answers, outcome_id in every_path(tree_id):
        for question_id, label in answers:
            expect(shown).to_have_count(1)
            expect(shown).to_have_attribute("data-node", question_id)
            shown.get_by_role("link", name=label, exact=True).click()
        expect(shown).to_have_count(1)
        expect(shown).to_have_attribute("data-node", outcome_id)
        expect(shown.locator("h2")).to_have_text(tree_data(tree_id)["outcomes"][outcome_id]["title"])
        shown.get_by_role("link", name="Start again").click()
        expect(shown).to_have_attribute("data-node", start)
    # The flowchart, the text version of the whole tree, is there too.
    data = tree_data(tree_id)
    expect(page.locator(".dt-map-node")).to_have_count(len(data["questions"]) + len(data["outcomes"]))
    assert_clean(watch)


def test_back_forward_reload_and_a_copied_link(site_server, new_page):
    answers, _ = longest_path()
    first, second, third = answers[0][0], answers[1][0], answers[2][0]
    page, watch = new_page()
    page.goto(site_server + TREE_PAGE)
    answer(page, answers[:2])
    expect_on(page, third)
    # The address names each question and the number of the answer chosen there.
    numbers = [option_number(question_id, label) for question_id, label in answers[:2]]
    assert page.url == site_server + TREE_PAGE + f"#{TREE_ID}:{first}={numbers[0]},{second}={numbers[1]}"

    page.go_back()
    expect_on(page, second)
    expect(section(page, second).locator("h2")).to_be_focused()
    page.go_back()
    expect_on(page, first)
    assert "#" not in page.url  # the start has the plain address
    page.go_forward()
    expect_on(page, second)
    page.go_forward()
    expect_on(page, third)

    page.reload()
    expect_on(page, third)
    expect(page.locator(".dt-answers .dt-answer-a")).to_have_text([label for _, label in answers[:2]])

    # The address alone carries the answers: a fresh browser context lands on the same place.
    other, other_watch = new_page()
    other.goto(page.url)
    expect_on(other, third)
    expect(other.locator(".dt-answers .dt-answer-a")).to_have_text([label for _, label in answers[:2]])
    assert_clean(watch)
    assert_clean(other_watch)


def test_stale_or_tampered_addresses_fall_back_to_the_furthest_valid_question(site_server, new_page):
    data = tree_data()
    start = data["start"]
    first_next = data["questions"][start]["options"][0]["next"]
    deep_answers, deep_outcome = longest_path()
    deep_question = deep_answers[-1][0]
    tampered = {
        # address fragment: (node expected on screen, the fragment the address has then;
        # None: the script writes its own form, "#tree:question=number,...")
        f"#{TREE_ID}:nonsense": (start, ""),
        f"#{TREE_ID}:{start}=99": (start, ""),
        f"#{TREE_ID}:{start}=0": (start, ""),
        f"#{TREE_ID}:{start}=-1": (start, ""),
        f"#{TREE_ID}:constructor=1": (start, ""),
        f"#{TREE_ID}:{start}=1,unknown=1": (first_next, f"#{TREE_ID}:{start}=1"),
        f"#{TREE_ID}:{start}=1,{start}=1,,": (first_next, f"#{TREE_ID}:{start}=1"),
        # Not a node of this tree: maybe an anchor on the page, so the address is left alone.
        address("constructor"): (start, address("constructor")),
        # The H1's own anchor ("#coverage-" and words) is no node's address: left alone.
        f"#{TREE_ID}-{first_next}": (start, f"#{TREE_ID}-{first_next}"),
        # The address of a node without JavaScript: reached the shortest way from the start.
        address(deep_question): (deep_question, None),
        address(deep_outcome): (deep_outcome, None),
    }
    page, watch = new_page()
    for fragment, (expected, written) in tampered.items():
        page.goto("about:blank")
        page.goto(site_server + TREE_PAGE + fragment)
        expect_on(page, expected)
        if written is not None:
            assert page.url == site_server + TREE_PAGE + written, fragment
        else:
            assert page.url.startswith(site_server + TREE_PAGE + f"#{TREE_ID}:"), fragment
    # Editing the address on an open page works the same way, without a reload.
    page.goto(site_server + TREE_PAGE + f"#{TREE_ID}:{start}=1,unknown=3")
    expect_on(page, first_next)
    expect(page).to_have_url(site_server + TREE_PAGE + f"#{TREE_ID}:{start}=1")
    assert_clean(watch)


def test_change_an_answer_go_back_and_start_again(site_server, new_page):
    answers, _ = longest_path()
    page, watch = new_page()
    page.goto(site_server + TREE_PAGE)
    expect(page.get_by_role("button", name="Back", exact=True)).to_be_hidden()
    answer(page, answers[:3])
    changes = page.locator(".dt-answers .dt-change")
    expect(changes).to_have_count(3)
    # Each change control names the question it changes, for screen readers.
    expect(changes.nth(1)).to_have_accessible_name(f"Change your answer to: {tree_data()['questions'][answers[1][0]]['text']}")
    changes.nth(1).click()
    expect_on(page, answers[1][0])
    expect(section(page, answers[1][0]).locator("h2")).to_be_focused()
    expect(page.locator(".dt-answers .dt-answer-a")).to_have_text([answers[0][1]])

    answer(page, answers[1:3])
    page.get_by_role("button", name="Back", exact=True).click()
    expect_on(page, answers[2][0])
    page.get_by_role("button", name="Start again").click()
    expect_on(page, answers[0][0])
    expect(page.locator(".dt-answers")).to_be_hidden()
    assert "#" not in page.url
    assert_clean(watch)


def test_the_flowchart_and_its_list_light_the_path_and_go_back_to_a_node_on_it(site_server, new_page):
    answers, _ = longest_path()
    page, watch = new_page()
    page.goto(site_server + TREE_PAGE)
    answer(page, answers[:2])
    here = answers[2][0]
    page.locator("details.dt-outline summary").click()  # the list version of the flowchart
    cards = page.locator(".dt-map-node[data-on-path]")
    expect(cards).to_have_count(3)
    expect(map_card(page, here).locator(".dt-map-name")).to_have_attribute("aria-current", "step")
    expect(map_card(page, here).locator(".dt-map-name")).to_have_accessible_name(
        "You are here: " + tree_data()["questions"][here]["text"]
    )
    expect(box(page, here)).to_have_attribute("aria-current", "step")
    expect(page.locator(".dt-map [aria-current]")).to_have_count(2)  # its box and its card, nothing else
    # The arrow before each answer's link is read as "leads to:".
    link = page.locator(".dt-map-options a").first
    expect(link).to_have_accessible_name("leads to: " + link.inner_text().removeprefix("\u2192").strip())

    # Inside the list, an answer's link moves to the card it leads to; the answers stay.
    url_before = page.url
    map_card(page, answers[0][0]).locator(".dt-map-options a").first.click()
    expect(page.locator(".dt-map-node:focus")).to_have_count(1)
    assert page.url == url_before

    # A node on the path goes back to it, from the list or from the drawing.
    map_card(page, answers[1][0]).locator(".dt-map-name").click()
    expect_on(page, answers[1][0])
    expect(cards).to_have_count(2)
    answer(page, answers[1:2])
    box(page, answers[0][0]).click()
    expect_on(page, answers[0][0])
    expect(page.locator(".dt-answers")).to_be_hidden()
    # A node off the path is reached the shortest way from the start, like its plain address.
    answer(page, answers[:1])
    for on_path in (box(page, answers[0][0]), box(page, answers[1][0])):
        expect(on_path).to_have_attribute("data-on-path", "")
    node_id = page.locator(".dt-diagram a[data-node]:not([data-on-path])").last.get_attribute("data-node")
    box(page, node_id).click()
    expect_on(page, node_id)
    url_after_click = page.url
    page.goto("about:blank")
    page.goto(site_server + TREE_PAGE + address(node_id))
    expect_on(page, node_id)
    assert page.url.split("#")[1] == url_after_click.split("#")[1]
    assert_clean(watch)


def test_keyboard_alone_walks_a_path(site_server, new_page):
    answers, outcome_id = longest_path()
    page, watch = new_page()
    page.goto(site_server + TREE_PAGE)
    expect(current(page)).to_have_count(1)
    for question_id, label in answers:
        expect_on(page, question_id)
        # Tab forward until the wanted answer has focus; it must come soon after the question.
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == label:
                break
        else:
            raise AssertionError(f"Tab never reached the answer {label!r}")
        page.keyboard.press("Enter")
    expect_outcome(page, outcome_id)
    assert_clean(watch)


def test_no_sideways_scroll_at_200_percent_zoom_or_on_a_small_phone(site_server, new_page):
    answers, outcome_id = longest_path()
    wide = {}
    for viewport in ({"width": 640, "height": 450}, {"width": 320, "height": 640}):
        # 200% zoom of a 1280 px window is a 640 CSS px viewport at device scale 2.
        page, watch = new_page(viewport=viewport, device_scale_factor=2)
        page.goto(site_server + TREE_PAGE)
        expect_on(page, answers[0][0])
        wide[f"{viewport['width']} first question"] = page.evaluate("document.documentElement.scrollWidth")
        answer(page, answers)
        expect_outcome(page, outcome_id)
        wide[f"{viewport['width']} outcome"] = page.evaluate("document.documentElement.scrollWidth")
        assert_clean(watch)
    too_wide = {name: width for name, width in wide.items() if width > int(name.split()[0])}
    assert not too_wide, too_wide


def test_the_printed_summary_shows_the_answers_the_outcome_and_the_path_on_the_drawing(site_server, new_page):
    answers, outcome_id = longest_path()
    page, watch = new_page()
    page.goto(site_server + TREE_PAGE)
    answer(page, answers)
    expect_outcome(page, outcome_id)
    expect(page.get_by_role("button", name="Print your answers")).to_be_visible()
    page.emulate_media(media="print")
    expect(section(page, outcome_id)).to_be_visible()
    expect(page.locator(".dt-answers")).to_be_visible()
    for hidden in (".dt-outline", ".dt-diagram-tools", ".dt-controls", ".md-header", ".md-sidebar--primary",
                   ".dt-change", ".dt-intro"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".dt-diagram")).to_be_visible()  # test_decision_tree_diagram.py checks its width
    page.emulate_media(media="screen")
    expect(page.locator(".dt-diagram-tools")).to_be_visible()
    assert_clean(watch)


def test_instant_navigation_sets_the_tree_up_once_per_visit(site_server, new_page):
    answers, _ = longest_path()
    page, watch = new_page()
    page.goto(site_server)
    page.evaluate("window.sameDocument = true")  # gone if the browser loads a new document
    page.locator(f'.md-content a[href$="{TREE_PAGE}"]').first.click()
    expect(page.locator(".dt.dt-js")).to_have_count(1)
    assert page.evaluate("window.sameDocument") is True
    answer(page, answers[:1])
    expect_on(page, answers[1][0])

    # Away and back again by links: a new page, set up again, exactly once.
    page.locator(".md-nav a", has_text="How insurers decide").first.click()
    expect(page.locator(".dt")).to_have_count(0)
    page.locator(f'.md-content a[href*="{TREE_PAGE}"]').first.click()
    expect(page.locator(".dt.dt-js")).to_have_count(1)
    expect(page.locator(".dt-progress")).to_have_count(1)
    expect(page.locator(".dt-controls")).to_have_count(1)
    expect_on(page, answers[0][0])
    answer(page, answers[:1])
    expect_on(page, answers[1][0])
    page.go_back()
    expect_on(page, answers[0][0])
    assert page.evaluate("window.sameDocument") is True
    assert_clean(watch)


def test_nothing_on_screen_moves_when_the_script_takes_over(site_server, new_page):
    # The first question is in the HTML; the script fills in a progress line that is already
    # there, so readers (and Lighthouse's layout shift score) see no jump.
    page, watch = new_page(viewport={"width": 375, "height": 812})
    page.goto(site_server + TREE_PAGE, wait_until="load")
    expect(page.locator(".dt.dt-js")).to_have_count(1)
    shift = page.evaluate(
        """() => new Promise(resolve => {
            let total = 0;
            new PerformanceObserver(list => {
                for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
            }).observe({type: "layout-shift", buffered: true});
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
        })"""
    )
    assert shift < 0.001
    expect(page.locator(".dt-progress")).to_have_text(f"Question 1 of at most {tree_data()['max_questions']}")
    assert_clean(watch)


def test_the_script_works_without_material_too(site_server, new_page):
    # Without Material's bundle there is no document$: the script sets up on DOMContentLoaded.
    answers, outcome_id = longest_path()
    page, watch = new_page()
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto(site_server + TREE_PAGE)
    assert page.evaluate("typeof window.document$") == "undefined"
    answer(page, answers)
    expect_outcome(page, outcome_id)
    page.go_back()
    expect_on(page, answers[-1][0])
    assert_clean(watch)

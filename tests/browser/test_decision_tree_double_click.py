"""One activation, one answer: double clicks, triple clicks, double taps and a held Enter key.

Issue 8, item 7. The first click of a double click answers the question and the next question
(or the outcome) appears under the pointer, so the second click used to answer that too, or
follow a link in the outcome. Every answer of the real tree is tried, at 1280 and 375 px: each
gesture must leave the page one answer further, and no click may follow a link.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.decision_tree_helpers import TREE_ID, TREE_PAGE, assert_clean, current, tree_data

# Every click on the page is recorded: whether it was on a link, whether anything prevented the
# link being followed, and whether it bubbled up to the window, past document.body where
# Material's instant navigation follows links. A link is followed when the click reached the
# top or nothing prevented it.
CLICK_RECORDER = """
window.clickLog = [];
addEventListener("click", (event) => {
    const link = event.target.closest ? event.target.closest("a[href]") : null;
    const record = {detail: event.detail, link: link && link.getAttribute("href"), reachedTop: false};
    window.clickLog.push(record);
    setTimeout(() => { record.prevented = event.defaultPrevented; });  // once dispatch is over
}, true);
addEventListener("click", () => { window.clickLog[window.clickLog.length - 1].reachedTop = true; });
addEventListener("pointerup", () => { window.lastPointerUp = performance.now(); }, true);
"""
DOUBLE_TAP_TIMEOUT_MS = 300
"""Chromium counts a tap as the next of a run when it comes this soon after the last one, close by."""

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE_TOUCH = {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def shortest_states() -> dict[str, list[tuple[str, int]]]:
    """For every question, the answers ((question, option number), ...) that reach it soonest,
    as the page's script walks the tree."""
    data = tree_data()
    states = {data["start"]: []}
    queue = [data["start"]]
    for node in queue:
        question = data["questions"].get(node)
        if question is None:
            continue
        for number, option in enumerate(question["options"], start=1):
            if option["next"] not in states:
                states[option["next"]] = states[node] + [(node, number)]
                queue.append(option["next"])
    return {node: state for node, state in states.items() if node in data["questions"]}


def fragment(state: list[tuple[str, int]]) -> str:
    return f"#{TREE_ID}:" + ",".join(f"{question}={number}" for question, number in state) if state else ""


def walks() -> list[tuple[list[tuple[str, int]], list[tuple[str, int]]]]:
    """Walks that give every answer of the tree once: (state to start from, answers to give).

    Each walk starts at a question's shortest state and goes on while there is an answer not yet
    given, so most answers are tried without loading a new address."""
    questions = tree_data()["questions"]
    states = shortest_states()
    left = [(question, number) for question in states for number in range(1, len(questions[question]["options"]) + 1)]
    found = []
    while left:
        question, number = left[0]
        start, steps = states[question], []
        while True:
            steps.append((question, number))
            left.remove((question, number))
            question = questions[question]["options"][number - 1]["next"]
            remaining = [answer for answer in left if answer[0] == question]
            if not remaining:
                break
            number = remaining[0][1]
        found.append((start, steps))
    return found


def every_answer() -> set[tuple[str, int]]:
    questions = tree_data()["questions"]
    return {(question, number) for question in questions for number in range(1, len(questions[question]["options"]) + 1)}


def double_click(link) -> int:
    link.dblclick()
    return 2


def triple_click(link) -> int:
    link.click(click_count=3)
    return 3


def double_tap(link) -> int:
    # A new gesture, not the third tap of the last one: wait until that run is over, as a
    # reader does when they read the next question.
    link.page.wait_for_function(
        "gap => performance.now() - (window.lastPointerUp ?? -Infinity) > gap", arg=DOUBLE_TAP_TIMEOUT_MS + 100
    )
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    link.page.touchscreen.tap(x, y)
    link.page.touchscreen.tap(x, y)
    return 2


def press_enter_twice(link) -> int:
    link.focus()
    link.page.keyboard.press("Enter")
    link.page.keyboard.press("Enter")
    return 1  # the second Enter lands on the new question's heading, which is no control


def hold_enter(link) -> int:
    link.focus()
    keyboard = link.page.keyboard
    keyboard.down("Enter")
    keyboard.down("Enter")  # the key repeating while held
    keyboard.down("Enter")
    keyboard.up("Enter")
    return 1


@pytest.mark.parametrize(
    "device, gestures",
    [
        pytest.param(DESKTOP, [double_click, triple_click, press_enter_twice, hold_enter], id="1280px-mouse-keyboard"),
        pytest.param(PHONE_TOUCH, [double_tap, double_click, triple_click], id="375px-touch-mouse"),
    ],
)
def test_every_answer_takes_one_activation_however_fast_the_clicks(site_server, new_page, device, gestures):
    page, watch = new_page(**device)
    page.add_init_script(CLICK_RECORDER)
    page.goto(site_server + TREE_PAGE)
    expect(page.locator(".dt.dt-js")).to_have_count(1)
    page.evaluate("window.sameDocument = true")  # gone if a link is followed to another page
    tried = []
    for gesture in gestures:
        for start, steps in walks():
            # Same page, new fragment: the script shows the question (no reload).
            page.evaluate("hash => { location.hash = hash; }", fragment(start) or f"#{TREE_ID}:")
            expect(current(page)).to_have_attribute("data-node", steps[0][0])
            state = list(start)
            for question_id, number in steps:
                page.evaluate("clickLog = []")
                clicks = gesture(current(page).locator(".dt-options a").nth(number - 1))
                state.append((question_id, number))
                after = page.wait_for_function(
                    """count => clickLog.length === count && clickLog.every(record => 'prevented' in record) && {
                        followed: clickLog.filter(r => r.link && (r.reachedTop || !r.prevented)).map(r => r.link),
                        hash: location.hash,
                        answers: document.querySelectorAll('.dt-answers .dt-answer-a').length}""",
                    arg=clicks,
                ).json_value()
                where = f"{gesture.__name__} on answer {number} of {question_id!r}"
                assert after["followed"] == [], f"{where} followed {after['followed']}"
                assert (after["hash"], after["answers"]) == (fragment(state), len(state)), where
                tried.append((gesture.__name__, question_id, number))
    assert sorted(tried) == sorted((gesture.__name__, *answer) for gesture in gestures for answer in every_answer())
    assert page.evaluate("window.sameDocument") is True
    assert_clean(watch)

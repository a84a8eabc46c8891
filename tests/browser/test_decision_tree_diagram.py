"""The drawn flowchart in Chromium, as readers meet it: the path lit on every path of the real
tree, boxes measured with the fonts the browser really uses, every box a link with JavaScript
off, zoom by keyboard, a phone's width, print, and the list alone for a tree too big to draw.

The real tree's ids, answers and paths come from decision_tree/coverage.yml through the compiler
(decision_tree_helpers.py), never from a list typed here.
"""

from __future__ import annotations

import itertools
import json

import pytest
from decision_tree_compiler.compiler import compile_tree_source
from decision_tree_compiler.render_diagram import LIMITS, Limits, too_big_to_draw
from playwright.sync_api import expect

from tests.browser.changed_site import add_to_nav, changed_site, write_tree
from tests.decision_tree_compiler.helpers import FakePages
from tests.browser.decision_tree_helpers import (
    TREE_PAGE,
    answer,
    assert_clean,
    box,
    compiled_tree,
    every_path,
    expect_on,
    expect_outcome,
    longest_path,
    nodes_of,
    option,
    section,
    state_address,
    tree_data,
    tree_page,
    TREE_IDS,
)

LIT = """() => {
    const drawing = document.querySelector(".dt-diagram");
    const all = (selector) => [...drawing.querySelectorAll(selector)];
    return {
        boxes: all("[data-node][data-on-path]").map((box) => box.dataset.node).sort(),
        arrows: all("[data-from][data-on-path]").map((arrow) => arrow.dataset.from + ">" + arrow.dataset.to).sort(),
        current: all("[aria-current]").map((box) => box.dataset.node),
    };
}"""

IN_VIEW = """(node) => {
    const scroller = document.querySelector(".dt-diagram-scroll").getBoundingClientRect();
    const box = document.querySelector(`.dt-diagram a[data-node="${node}"] .dt-diagram-box`).getBoundingClientRect();
    return box.left >= scroller.left - 1 && box.right <= scroller.right + 1;
}"""


def see_drawing(page, node_id: str) -> None:
    """Scroll the page to the drawing, as a reader does, and wait until it shows node_id's box:
    the map renders only near the screen, and the script scrolls the drawing once it does."""
    page.evaluate("document.querySelector('.dt-diagram-scroll').scrollIntoView({block: 'start'})")
    page.wait_for_function(IN_VIEW, arg=node_id)


def expected_lit(nodes: list[str]) -> dict:
    return {
        "boxes": sorted(nodes),
        "arrows": sorted(f"{source}>{target}" for source, target in zip(nodes, nodes[1:])),
        "current": [nodes[-1]],
    }


def text(key: str, **values) -> str:
    """One of the page's words (page_text.py), as the script gets them from the page's JSON."""
    return tree_data()["text"][key].format(**values)


DRAWN_TREES = [tree_id for tree_id in TREE_IDS if too_big_to_draw(compiled_tree(tree_id).tree) is None]
"""Every tree the page draws (a tree past the limits shows the list alone: tested below)."""


@pytest.mark.parametrize("tree_id", DRAWN_TREES)
def test_every_path_lights_exactly_its_boxes_and_arrows_after_each_answer_back_and_change(site_server, new_page, tree_id):
    page, watch = new_page()
    page.goto(site_server + tree_page(tree_id))
    start = tree_data(tree_id)["start"]
    for answers, outcome_id in every_path(tree_id):
        nodes = nodes_of(answers, tree_id)
        for step, (question_id, label) in enumerate(answers):
            expect_on(page, question_id, tree_id)
            assert page.evaluate(LIT) == expected_lit(nodes[: step + 1]), (answers, step)
            see_drawing(page, question_id)
            option(page, label).click()
        expect_outcome(page, outcome_id, tree_id)
        assert page.evaluate(LIT) == expected_lit(nodes)
        see_drawing(page, outcome_id)
        # Back, then Change the first answer: the path shortens with the page.
        page.get_by_role("button", name=text("back"), exact=True).click()
        expect_on(page, answers[-1][0], tree_id)
        assert page.evaluate(LIT) == expected_lit(nodes[:-1])
        if len(answers) > 1:
            page.locator(".dt-answers .dt-change").first.click()
        expect_on(page, start, tree_id)
        assert page.evaluate(LIT) == expected_lit([start])
    assert_clean(watch)


def test_no_two_boxes_overlap_and_every_line_of_text_fits_its_box_in_chromium(site_server, new_page):
    # Measured with the fonts Chromium really uses here, not the build's estimates (text_measure.py).
    page, watch = new_page()
    page.goto(site_server + TREE_PAGE)
    measured = page.evaluate(
        """() => [...document.querySelectorAll(".dt-diagram a[data-node]")].map((link) => {
            const box = link.querySelector(".dt-diagram-box").getBBox();
            return {
                node: link.dataset.node,
                box: [box.x, box.y, box.width, box.height],
                texts: [...link.querySelectorAll("text")].map((text) => {
                    const bounds = text.getBBox();
                    return [text.textContent, bounds.x, bounds.y, bounds.width, bounds.height];
                }),
            };
        })"""
    )
    data = tree_data()
    assert sorted(entry["node"] for entry in measured) == sorted([*data["questions"], *data["outcomes"]])
    for first, second in itertools.combinations(measured, 2):
        (x1, y1, w1, h1), (x2, y2, w2, h2) = first["box"], second["box"]
        apart = x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
        assert apart, (first["node"], second["node"])
    for entry in measured:
        x, y, width, height = entry["box"]
        for words, left, top, text_width, text_height in entry["texts"]:
            assert x < left and left + text_width < x + width, (entry["node"], words)
            assert y <= top and top + text_height <= y + height, (entry["node"], words)
    assert_clean(watch)


def test_every_option_has_its_arrow_drawn_from_its_question_to_where_it_leads(site_server, new_page):
    page, watch = new_page()
    page.goto(site_server + TREE_PAGE)
    arrows = page.evaluate(
        """() => [...document.querySelectorAll(".dt-diagram [data-from]")].map((arrow) => ({
            from: arrow.dataset.from, to: arrow.dataset.to, options: arrow.dataset.options.split(" ").map(Number),
            label: arrow.querySelector("text").textContent,
            drawn: arrow.querySelector(".dt-diagram-line").getTotalLength(),
        }))"""
    )
    numbered = {(arrow["from"], number): arrow["to"] for arrow in arrows for number in arrow["options"]}
    expected = {
        (question_id, number): option_data["next"]
        for question_id, question in tree_data()["questions"].items()
        for number, option_data in enumerate(question["options"], start=1)
    }
    assert numbered == expected
    for arrow in arrows:
        assert arrow["drawn"] > 0 and arrow["label"] == ", ".join(map(str, arrow["options"]))
    assert_clean(watch)


def test_every_box_is_a_working_link_with_javascript_off(site_server, new_page):
    page, watch = new_page(java_script_enabled=False)
    page.goto(site_server + TREE_PAGE)
    shown = page.locator(".dt-node:visible")
    tree = compiled_tree().tree

    def name_of(node_id: str) -> str:
        node = tree.node(node_id)
        return node.text if node.kind == "question" else f"{node.title} ({tree_data()['verdicts'][node.verdict]['label']})"

    names = {node_id: name_of(node_id) for node_id in [*tree.questions, *tree.outcomes]}
    for node_id, name in names.items():
        link = box(page, node_id)
        # A link, named by its question, or its outcome and verdict, for screen readers (two
        # branches may ask the same question in the same words).
        expect(link).to_have_accessible_name(name)
        same_name = sum(1 for other in names.values() if other == name)
        expect(page.locator(".dt-diagram").get_by_role("link", name=name, exact=True)).to_have_count(same_name)
        link.click()
        expect(shown).to_have_count(1)
        expect(shown).to_have_attribute("data-node", node_id)
        assert page.url.endswith(f"#{section(page, node_id).get_attribute('id')}")
    assert_clean(watch)


def test_zoom_buttons_work_by_keyboard_and_keep_the_text_readable_by_default(site_server, new_page):
    page, watch = new_page(viewport={"width": 375, "height": 812})
    page.goto(site_server + TREE_PAGE)
    svg = page.locator("svg.dt-diagram")
    full_width = int(svg.get_attribute("viewBox").split()[2])
    level = page.locator(".dt-zoom-level")
    expect(level).to_have_text(text("zoom", percent=100))
    buttons = page.locator(".dt-diagram-tools button")
    expect(buttons).to_have_text([text("zoom_out"), text("zoom_in"), text("fit")])

    # Tab reaches the buttons in order, and Enter and Space press them.
    buttons.first.focus()
    page.keyboard.press("Enter")
    expect(level).to_have_text(text("zoom", percent=80))
    expect(svg).to_have_attribute("width", str(round(full_width * 0.8)))
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=text("zoom_in"))).to_be_focused()
    page.keyboard.press(" ")
    expect(level).to_have_text(text("zoom", percent=100))
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=text("fit"))).to_be_focused()
    page.keyboard.press("Enter")
    scroller_width = page.evaluate("document.querySelector('.dt-diagram-scroll').clientWidth")
    expect(svg).to_have_attribute("width", str(scroller_width))
    assert page.evaluate("(() => { const s = document.querySelector('.dt-diagram-scroll'); return s.scrollWidth <= s.clientWidth; })()")
    # Zoom in from "fit" goes up the steps; zoom out never goes below it.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(level).to_have_text(text("zoom", percent=25))
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(svg).to_have_attribute("width", str(scroller_width))
    # After the buttons, Tab goes to the drawing's scroll container, where the arrow keys scroll
    # it sideways, then into the drawing: its first box.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(level).to_have_text(text("zoom", percent=25))
    page.keyboard.press("Tab")
    scroller = page.get_by_role("region", name="Flowchart drawing")
    page.keyboard.press("Tab")
    expect(scroller).to_be_focused()
    before = scroller.evaluate("element => element.scrollLeft")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("before => document.querySelector('.dt-diagram-scroll').scrollLeft > before", arg=before)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.dt-diagram') !== null")
    assert_clean(watch)


@pytest.mark.parametrize("width", [320, 375, 390])
def test_on_a_phone_the_page_never_scrolls_sideways_and_no_text_is_under_12_px(site_server, new_page, width):
    answers, outcome_id = longest_path()
    page, watch = new_page(viewport={"width": width, "height": 700})
    for address in ("", state_address(answers)):
        page.goto("about:blank")
        page.goto(site_server + TREE_PAGE + address)
        expect_on(page, answers[0][0] if not address else outcome_id)
        sizes = page.evaluate(
            """() => {
                const scroller = document.querySelector(".dt-diagram-scroll");
                const svg = scroller.querySelector("svg");
                const scale = svg.getScreenCTM().a;
                const fonts = [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
                return {page: document.documentElement.scrollWidth, smallest: Math.min(...fonts),
                        inside: scroller.scrollWidth > scroller.clientWidth, container: scroller.getBoundingClientRect().right};
            }"""
        )
        assert sizes["page"] <= width, sizes
        assert sizes["smallest"] >= 12, sizes
        assert sizes["inside"] and sizes["container"] <= width, sizes  # the drawing scrolls in its own box
    assert_clean(watch)


def test_the_drawing_opens_centred_on_the_readers_current_box(site_server, new_page):
    answers, outcome_id = longest_path()
    nodes = nodes_of(answers)
    page, watch = new_page(viewport={"width": 375, "height": 812})
    for node_id, address in ((nodes[0], ""), (nodes[len(nodes) // 2], state_address(answers[: len(nodes) // 2])),
                             (outcome_id, state_address(answers))):
        page.goto("about:blank")
        page.goto(site_server + TREE_PAGE + address)
        expect_on(page, node_id)
        see_drawing(page, node_id)
        offset = page.evaluate(
            """(node) => {
                const scroller = document.querySelector(".dt-diagram-scroll");
                const view = scroller.getBoundingClientRect();
                const box = document.querySelector(`.dt-diagram a[data-node="${node}"] .dt-diagram-box`).getBoundingClientRect();
                const atEdge = scroller.scrollLeft === 0 || scroller.scrollLeft + scroller.clientWidth >= scroller.scrollWidth - 1;
                return {off: Math.abs(box.left + box.width / 2 - (view.left + scroller.clientWidth / 2)), atEdge};
            }""",
            node_id,
        )
        assert offset["off"] <= 1 or offset["atEdge"], (node_id, offset)
    assert_clean(watch)


def test_after_walking_to_an_outcome_the_drawing_shows_the_readers_box_both_ways(site_server, new_page):
    """As a reader meets it: answer every question on a phone, then scroll down to the drawing.
    The box where the reader stands is in sight inside the drawing's own window, sideways and
    up and down, without the reader scrolling the drawing."""
    answers, outcome_id = longest_path()
    page, watch = new_page(viewport={"width": 375, "height": 812})
    page.goto(site_server + TREE_PAGE)
    answer(page, answers)
    expect_outcome(page, outcome_id)
    page.evaluate("document.querySelector('.dt-diagram-scroll').scrollIntoView({block: 'start'})")
    page.wait_for_function(
        """(node) => {
            const view = document.querySelector(".dt-diagram-scroll").getBoundingClientRect();
            const box = document.querySelector(`.dt-diagram a[data-node="${node}"] .dt-diagram-box`).getBoundingClientRect();
            return box.left >= view.left - 1 && box.right <= view.right + 1 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
        }""",
        arg=outcome_id,
    )
    # The drawing's window is shorter than the screen, so the page can always be scrolled past it.
    assert page.evaluate("document.querySelector('.dt-diagram-scroll').clientHeight") < 812
    assert_clean(watch)


def test_the_list_version_is_behind_a_disclosure_that_works_without_javascript(site_server, new_page):
    for javascript in (True, False):
        page, watch = new_page(java_script_enabled=javascript)
        page.goto(site_server + TREE_PAGE)
        disclosure = page.locator("details.dt-outline")
        cards = page.locator(".dt-map-node")
        expect(cards.first).to_be_hidden()  # so a screen reader meets the tree once, as the drawing
        disclosure.locator("summary").click()
        expect(disclosure.locator("summary")).to_have_text("Show the flowchart as a list")
        expect(cards.first).to_be_visible()
        expect(cards).to_have_count(len(tree_data()["questions"]) + len(tree_data()["outcomes"]))
        assert_clean(watch)


def test_print_shows_the_drawing_with_the_path_at_the_page_width(site_server, new_page):
    answers, outcome_id = longest_path()
    page, watch = new_page()
    page.goto(site_server + TREE_PAGE)
    answer(page, answers)
    expect_outcome(page, outcome_id)
    page.emulate_media(media="print")
    for hidden in (".dt-diagram-tools", ".dt-outline", ".dt-controls"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("svg.dt-diagram")).to_be_visible()
    fit = page.evaluate(
        """() => {
            const svg = document.querySelector("svg.dt-diagram").getBoundingClientRect();
            const content = document.querySelector(".md-content__inner").getBoundingClientRect();
            return {svg: [svg.left, svg.right], content: [content.left, content.right],
                    page: document.documentElement.scrollWidth, window: innerWidth};
        }"""
    )
    assert fit["content"][0] - 1 <= fit["svg"][0] and fit["svg"][1] <= fit["content"][1] + 1, fit
    assert fit["page"] <= fit["window"], fit
    assert page.evaluate(LIT) == expected_lit(nodes_of(answers))  # the reader's path, on paper too
    assert_clean(watch)


# --- A tree too big to draw -------------------------------------------------------------------

WIDE_OPTIONS = LIMITS.per_row + 1


def wide_tree() -> dict:
    """One question with more answers than a row may hold: the page shows the list alone."""
    return {
        "title": "Too wide to draw",
        "start": "which",
        "questions": {
            "which": {
                "text": "Which one?",
                "options": [{"label": f"Choice {number}", "next": f"end-{number}"} for number in range(WIDE_OPTIONS)],
            }
        },
        "outcomes": {
            f"end-{number}": {"verdict": "unlikely", "title": f"End {number}", "body": "The end."}
            for number in range(WIDE_OPTIONS)
        },
    }


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory):
    def change(project):
        write_tree(project, "wide", wide_tree())
        add_to_nav(project, "decision-tree/wide.md")

    with changed_site(tmp_path_factory.mktemp("wide-tree"), change) as site:
        yield site


def test_a_tree_too_big_to_draw_shows_the_list_alone_and_says_why(wide_site, new_page_for):
    compiled = compile_tree_source(json.dumps(wide_tree()).encode(), file="wide.yml", tree_id="wide", pages=FakePages())
    reason = too_big_to_draw(compiled.compiled.tree)
    assert reason is not None  # too wide, and only just:
    assert too_big_to_draw(compiled.compiled.tree, Limits(LIMITS.boxes, WIDE_OPTIONS, LIMITS.crossings)) is None
    page, watch = new_page_for(wide_site.url)
    page.goto(wide_site.url + "decision-tree/wide/")
    expect(page.locator(".dt-diagram")).to_have_count(0)
    expect(page.locator(".dt-diagram-tools")).to_have_count(0)
    expect(page.locator(".dt-map-why")).to_have_text(reason)
    expect(page.locator(".dt-map-node").first).to_be_visible()  # no disclosure to open
    # The script works without a drawing: it lights the path on the list instead.
    page.locator(".dt-current .dt-options a").last.click()
    expect(page.locator(".dt-node.dt-current")).to_have_attribute("data-node", f"end-{WIDE_OPTIONS - 1}")
    expect(page.locator(".dt-map-node[data-on-path]")).to_have_count(2)
    expect(page.locator(f'.dt-map-name[data-node="end-{WIDE_OPTIONS - 1}"]')).to_have_attribute("aria-current", "step")
    assert_clean(watch)

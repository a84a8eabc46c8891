"""The drawn flowchart: every box a link, every answer an arrow, readable, escaped, the same
bytes every build, and a size limit that keeps the real tree drawn."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from decision_tree_compiler.benchmark import generated_tree, layered_graph
from decision_tree_compiler.compiler import compile_tree_file, page_src_uri
from decision_tree_compiler.flowchart_layout import Box
from decision_tree_compiler.html_ids import arrow_head_id
from decision_tree_compiler.pages import DocsFolder
from decision_tree_compiler.render_diagram import (
    ARROW,
    LIMITS,
    MIN_TEXT_SIZE,
    PADDING,
    Limits,
    draw_diagram,
    layout_of,
    path_data,
    render_diagram,
    too_big_to_draw,
)
from decision_tree_compiler.text_measure import text_width
from decision_tree_compiler.verdicts import VERDICTS

from .helpers import BASE_TREE, changed, compile_text
from .html_tree import parse_html
from .layout_checks import geometric_crossings, overlapping_pairs, routes_through_boxes

PROJECT = Path(__file__).resolve().parents[2]
HOOKS = PROJECT / "hooks"
NASTY = "</svg><script>alert(1)</script> <!-- \"quotes\" & 'apostrophes' <b>"


def href(node_id: str) -> str:
    return f"#coverage-{node_id}"


def real_tree():
    pages = DocsFolder(PROJECT / "docs", page_src_uri("coverage"), folder="docs/")
    result = compile_tree_file(PROJECT / "decision_tree" / "coverage.yml", file="decision_tree/coverage.yml", pages=pages)
    assert result.ok, [str(problem) for problem in result.problems]
    return result.compiled.tree


def grown_real_tree():
    """The real tree bigger by eight questions and sixteen outcomes, as content work may leave
    it: its first eight outcomes become follow-up questions, each with two new outcomes and one
    shared one. (Chosen by position, so the test follows the real tree whatever its ids.)"""
    # BaseLoader keeps every value a string, as the project's own loader does ("No" stays "No").
    data = yaml.load((PROJECT / "decision_tree" / "coverage.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    verdicts = list(VERDICTS)
    grown = list(data["outcomes"])[:8]
    shared = list(data["outcomes"])[-2:]
    for question in data["questions"].values():
        question.pop("ranked", None)  # the new verdicts are arbitrary: no ranking to keep
    for number, outcome_id in enumerate(grown):
        old = data["outcomes"].pop(outcome_id)
        options = []
        for case in (1, 2):
            new_id = f"{outcome_id}-case-{case}"
            data["outcomes"][new_id] = {"verdict": verdicts[(number + case) % len(verdicts)],
                                        "title": f"{old['title']} (case {case})", "body": "What to do next."}
            options.append({"label": f"Answer {case} to this follow-up question", "next": new_id})
        options.append({"label": "Something else", "next": shared[number % 2]})
        data["questions"][outcome_id] = {"text": f"Follow-up question {number + 1}: {old['title'].lower()}?", "options": options}
    pages = DocsFolder(PROJECT / "docs", page_src_uri("coverage"), folder="docs/")
    result = compile_text(yaml.safe_dump(data, sort_keys=False, width=1000), pages=pages, tree_id="coverage",
                          file="decision_tree/coverage.yml")
    assert result.ok, [str(problem) for problem in result.problems]
    return result.compiled.tree


def tree_of(text: str):
    result = compile_text(text, path_limit=None)  # drawing tests use graphs deep on purpose
    assert result.ok, [str(problem) for problem in result.problems]
    return result.compiled.tree


def svg_of(tree) -> tuple[str, object]:
    svg = render_diagram(tree, href)
    [element] = parse_html(svg).find_all("svg")
    return svg, element


def box_of(link) -> Box:
    rect = link.find("rect", cls="dt-diagram-box")
    return Box(link.attrs["data-node"], *(int(rect.attrs[key]) for key in ("x", "y", "width", "height")), 0)


@pytest.fixture(scope="module")
def real():
    return real_tree()


@pytest.fixture(scope="module")
def grown():
    return grown_real_tree()


def test_every_question_and_outcome_is_one_box_that_links_to_its_section(real):
    _, svg = svg_of(real)
    links = svg.find_all("a")
    assert sorted(link.attrs["data-node"] for link in links) == sorted([*real.questions, *real.outcomes])
    for link in links:
        assert link.attrs["xlink:href"] == href(link.attrs["data-node"])
        assert "href" not in link.attrs  # Material's instant navigation cannot handle it on an SVG link
        assert "dt-diagram-node" in link.classes


def test_every_option_of_the_real_tree_has_its_arrow_labelled_with_its_number(real):
    _, svg = svg_of(real)
    edges = svg.find_all("g", cls="dt-diagram-edge")
    numbered = {}
    for edge in edges:
        numbers = edge.attrs["data-options"].split()
        assert edge.find("text").text == ", ".join(numbers)
        for number in numbers:
            numbered[(edge.attrs["data-from"], int(number))] = edge.attrs["data-to"]
    expected = {(question.id, option.number): option.next for question in real.questions.values() for option in question.options}
    assert numbered == expected
    # One arrow per (question, next): two answers to the same place share it ("2, 3").
    assert len(edges) == len({(question_id, target) for (question_id, _), target in expected.items()})


def test_each_question_box_lists_its_answers_by_number(real):
    _, svg = svg_of(real)
    for question in real.questions.values():
        link = svg.find("a", data_node=question.id)
        numbers = [text.text for text in link.find_all("text", cls="dt-diagram-number")]
        assert numbers == [f"{option.number}." for option in question.options]
        words = " ".join(text.text for text in link.find_all("text", cls="dt-diagram-text"))
        assert question.text in words  # the question, wrapped, then each answer's words
        for option in question.options:
            assert option.label in words


def test_outcome_boxes_show_title_and_verdict_in_words_icon_and_colour_class(real):
    _, svg = svg_of(real)
    for outcome in real.outcomes.values():
        link = svg.find("a", data_node=outcome.id)
        verdict = VERDICTS[outcome.verdict]
        assert f"dt-verdict-{verdict.id}" in link.classes
        assert " ".join(text.text for text in link.find_all("text", cls="dt-diagram-verdict")) == f"{verdict.icon} {verdict.label}"
        assert link.find("rect", cls="dt-diagram-bar")


def test_the_svg_is_a_named_group_and_every_link_has_a_name(real):
    _, svg = svg_of(real)
    assert svg.attrs["role"] == "group"
    assert svg.attrs["aria-label"] == f"Flowchart of {len(real.questions)} questions and {len(real.outcomes)} outcomes"
    for link in svg.find_all("a"):
        node = real.node(link.attrs["data-node"])
        expected = node.text if node.kind == "question" else f"{node.title} ({VERDICTS[node.verdict].label})"
        assert link.attrs["aria-label"] == expected
    assert svg.find("g", cls="dt-diagram-edges").attrs["aria-hidden"] == "true"


def test_singular_counts_in_the_name():
    tree = tree_of("title: Small\nstart: only\nquestions:\n  only:\n    text: Yes or no?\n    options:\n"
                   "      - label: 'Yes'\n        next: end\n      - label: 'No'\n        next: end\n"
                   "outcomes:\n  end:\n    verdict: unlikely\n    title: The end\n    body: Done.\n")
    _, svg = svg_of(tree)
    assert svg.find("g", cls="dt-diagram-edge").attrs["data-options"] == "1 2"
    assert svg.attrs["aria-label"] == "Flowchart of 1 question and 1 outcome"


def test_nothing_is_marked_on_the_path_at_build_time_and_colours_come_from_css(real):
    text, svg = svg_of(real)
    assert "data-on-path" not in text
    for element in [svg, *svg.iter()]:
        # (The arrowhead takes its line's colour, whatever the stylesheet made it.)
        colours = {key: value for key, value in element.attrs.items() if key in {"fill", "stroke", "color", "stop-color"}}
        assert colours in ({}, {"fill": "context-stroke"}), element.attrs
    # The site's Content-Security-Policy allows stylesheets from files only (style-src 'self'):
    # no style attribute and no <style>. The one id is the arrowhead's, from html_ids.py.
    assert not [element for element in [svg, *svg.iter()] if "style" in element.attrs]
    assert svg.find_all("style") == []
    assert [element.attrs["id"] for element in svg.iter() if "id" in element.attrs] == [arrow_head_id("coverage")]


def test_every_arrow_ends_in_the_one_arrowhead_at_the_top_of_its_target(real, grown):
    for tree in (real, grown):
        layout = layout_of(tree)
        _, svg = svg_of(tree)
        [marker] = svg.find_all("marker")
        # Filled with its line's colour, so it lights up with the line; its base at the line's end.
        assert marker.find("path").attrs["fill"] == "context-stroke" and marker.attrs["refx"] == "0"
        assert marker.attrs["markerwidth"] == str(ARROW) and marker.attrs["markerunits"] == "userSpaceOnUse"
        for edge, route in zip(svg.find_all("g", cls="dt-diagram-edge"), layout.routes):
            (tip_x, tip_y) = route.points[-1]
            target = layout.boxes[edge.attrs["data-to"]]
            assert (tip_y, target.x < tip_x < target.x + target.width) == (target.y, True)
            # The line stops ARROW short of the tip, going straight down: the head fills the rest.
            line = edge.find("path", cls="dt-diagram-line")
            assert line.attrs["d"].endswith(f"V{tip_y - ARROW}"), line.attrs["d"]
            assert line.attrs["marker-end"] == f"url(#{marker.attrs['id']})"


def test_no_text_is_smaller_than_12_px_and_every_line_fits_its_box(real, grown):
    assert MIN_TEXT_SIZE >= 12
    for tree in (real, grown):
        _, svg = svg_of(tree)
        sizes = [int(text.attrs["font-size"]) for text in svg.find_all("text")]
        assert sizes and min(sizes) >= 12
        assert int(svg.attrs["width"]) == int(svg.attrs["viewbox"].split()[2])  # drawn at scale 1
        for link in svg.find_all("a"):
            box = box_of(link)
            for text in link.find_all("text"):
                x, y = int(text.attrs["x"]), int(text.attrs["y"])
                width = text_width(text.text, int(text.attrs["font-size"]), text.attrs.get("font-weight") == "700")
                assert box.x + PADDING <= x and x + width <= box.x + box.width - PADDING + 1, text.text
                assert box.y < y - int(text.attrs["font-size"]) * 0.7 and y < box.y + box.height - 2, text.text


def _routes_from_markup(svg):
    """Each arrow's points back from its path data (vertical runs and bends), then the tip of its head
    (test_every_arrow_ends_in_the_one_arrowhead_at_the_top_of_its_target checks that it points down)."""
    routes = []
    for edge in svg.find_all("g", cls="dt-diagram-edge"):
        numbers = [int(n) for n in re.findall(r"-?\d+", edge.find("path").attrs["d"])]
        points, index, commands = [], 0, re.findall(r"[MVC]", edge.find("path").attrs["d"])
        for command in commands:
            if command == "M":
                points.append((numbers[index], numbers[index + 1]))
                index += 2
            elif command == "V":
                points.append((points[-1][0], numbers[index]))
                index += 1
            else:
                points.append((numbers[index + 4], numbers[index + 5]))
                index += 6
        points.append((points[-1][0], points[-1][1] + ARROW))  # the marker's head, straight down
        routes.append((edge.attrs["data-from"], edge.attrs["data-to"], points))
    return routes


def test_boxes_never_overlap_and_arrows_never_cross_a_box_in_the_markup(real, grown):
    for tree in (real, grown):
        _, svg = svg_of(tree)
        boxes = {link.attrs["data-node"]: box_of(link) for link in svg.find_all("a")}
        assert overlapping_pairs(boxes.values(), gap=20) == []
        for source, target, points in _routes_from_markup(svg):
            assert points[0][1] == boxes[source].y + boxes[source].height
            assert points[-1][1] == boxes[target].y and points[-2][0] == points[-1][0]
            for start, end in zip(points, points[1:]):
                left, right = sorted((start[0], end[0]))
                top, bottom = sorted((start[1], end[1]))
                for box in boxes.values():  # a bend stays inside the rectangle of its two ends
                    inside_y = top < box.y + box.height and box.y < bottom
                    inside_x = box.x < left < box.x + box.width if left == right else left < box.x + box.width and box.x < right
                    assert not (inside_x and inside_y), (source, target, box.id)


def test_answer_labels_do_not_collide(real, grown):
    for tree in (real, grown):
        _, svg = svg_of(tree)
        labels = [
            Box(edge.attrs["data-from"] + ">" + edge.attrs["data-to"], *(int(rect.attrs[key]) for key in ("x", "y", "width", "height")), 0)
            for edge in svg.find_all("g", cls="dt-diagram-edge")
            for rect in [edge.find("rect", cls="dt-diagram-label")]
        ]
        boxes = [box_of(link) for link in svg.find_all("a")]
        assert overlapping_pairs(labels, gap=2) == []
        assert overlapping_pairs(labels + boxes) == []


def test_the_layout_of_the_real_and_grown_trees_keeps_its_promises(real, grown):
    for tree in (real, grown):
        layout = layout_of(tree)
        assert routes_through_boxes(layout) == []
        assert layout.crossings == geometric_crossings(layout)
    assert layout_of(real).crossings <= 2


def test_path_data_draws_runs_as_lines_and_bends_as_curves_between_their_ends():
    assert path_data([(10, 0), (10, 20), (40, 60), (40, 80)]) == "M10 0V20C10 40 40 40 40 60V80"


def test_every_string_from_the_yaml_is_escaped():
    text = changed("text: What coverage do you have?", f"text: {json.dumps(NASTY)}")
    text = changed("label: Job plan", f"label: {json.dumps(NASTY + ' job')}", text)
    text = changed("title: Maybe", f"title: {json.dumps(NASTY)}", text)
    tree = tree_of(text)
    tree.id = 't"><script>alert(1)</script>'  # the file name, in the arrowhead's id
    svg = render_diagram(tree, lambda node_id: f'#x"><script>alert(1)</script>{node_id}')
    document = parse_html(svg)
    assert document.find_all("script") == [] and document.find_all("b") == []
    assert [element.tag for element in document.children if not isinstance(element, str)] == ["svg"]
    assert document.find("marker").attrs["id"] == 't"><script>alert(1)</script>--arrow_head'
    coverage = document.find("a", data_node="coverage")
    assert coverage.attrs["aria-label"] == NASTY
    assert coverage.attrs["xlink:href"] == '#x"><script>alert(1)</script>coverage'
    # Wrapped, and the long "word" broken across lines: compare without the spaces.
    letters = "".join(text.text for text in coverage.find_all("text", cls="dt-diagram-text")).replace(" ", "")
    assert NASTY.replace(" ", "") * 2 + "job" in letters
    scar = document.find("a", data_node="scar")
    assert scar.attrs["aria-label"].startswith(NASTY)
    assert NASTY.replace(" ", "") in "".join(text.text for text in scar.find_all("text", cls="dt-diagram-text")).replace(" ", "")


_PRINT_SVG = """
import sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
from tests.decision_tree_compiler.test_render_diagram import grown_real_tree, real_tree, href
from decision_tree_compiler.render_diagram import render_diagram
print(render_diagram(real_tree(), href))
print(render_diagram(grown_real_tree(), href))
"""


def test_the_same_tree_gives_byte_identical_svg_whatever_the_hash_seed(real, grown):
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _PRINT_SVG, str(HOOKS), str(PROJECT)],
            env=dict(os.environ, PYTHONHASHSEED=seed), capture_output=True, text=True, check=True, cwd=PROJECT,
        ).stdout
        for seed in ("0", "1", "4242")
    }
    assert outputs == {render_diagram(real, href) + "\n" + render_diagram(grown, href) + "\n"}


# --- The size limit ---------------------------------------------------------------------------


def test_the_real_tree_and_a_bigger_one_are_drawn_well_within_the_limits(real, grown):
    for tree in (real, grown):
        drawing = draw_diagram(tree, href)
        assert drawing.reason is None and drawing.svg == render_diagram(tree, href)
    # With a margin, so that the content work does not trip a limit by surprise.
    layout = layout_of(grown)
    assert len(layout.boxes) <= LIMITS.boxes * 4 / 5
    assert max(len(row) for row in layout.rows) <= LIMITS.per_row - 4
    assert layout.crossings <= LIMITS.crossings / 2
    assert too_big_to_draw(real) is None


def test_too_many_boxes_is_refused_before_any_layout():
    tree = tree_of(generated_tree(1_000))
    drawing = draw_diagram(tree, href)
    assert drawing.svg is None and drawing.exceeded == "boxes"
    assert drawing.reason == ("The flowchart is not drawn: this tree has 1,500 questions and outcomes, "
                              "too many to follow in one picture. The list shows them all.")


def test_a_row_too_wide_is_refused():
    options = "".join(f"      - label: Choice {n}\n        next: end-{n}\n" for n in range(LIMITS.per_row + 1))
    outcomes = "".join(f"  end-{n}:\n    verdict: unlikely\n    title: End {n}\n    body: The end.\n" for n in range(LIMITS.per_row + 1))
    tree = tree_of(f"title: Wide\nstart: wide\nquestions:\n  wide:\n    text: Which one?\n    options:\n{options}outcomes:\n{outcomes}")
    reason = too_big_to_draw(tree)
    assert reason == (f"The flowchart is not drawn: one of its rows would hold {LIMITS.per_row + 1} boxes, "
                      "too wide to follow. The list shows every question and outcome.")
    assert too_big_to_draw(tree, Limits(boxes=100, per_row=LIMITS.per_row + 1, crossings=0)) is None


def test_too_many_crossings_is_refused_after_layout():
    # A start question, then 44 layers of two questions each leading to both of the next and
    # the last to two outcomes: 44 complete 2 x 2 joins, each of which crosses once however drawn.
    tree = tree_of(layered_graph(45))
    assert len(layout_of(tree).boxes) < LIMITS.boxes and layout_of(tree).crossings == 44 > LIMITS.crossings
    reason = too_big_to_draw(tree)
    assert reason == ("The flowchart is not drawn: its arrows would cross 44 times, too many to follow. "
                      "The list shows every question and where each answer leads.")
    assert too_big_to_draw(tree, Limits(boxes=200, per_row=2, crossings=44)) is None


def test_limit_sentences_are_plain_words():
    tree = tree_of(layered_graph(45))
    for reason in (too_big_to_draw(tree), too_big_to_draw(tree, Limits(1, 12, 40)), too_big_to_draw(tree, Limits(200, 1, 40))):
        assert reason and "<" not in reason and len(reason.split()) < 30


def test_the_stylesheet_styles_every_class_the_drawing_uses_with_palette_colours_only(real):
    css = (HOOKS / "decision_tree_compiler" / "assets" / "decision-tree-diagram.css").read_text(encoding="utf-8")
    _, svg = svg_of(real)
    used = {name for element in [svg, *svg.iter()] for name in element.classes if name.startswith("dt-diagram")}
    hooks_only = {"dt-diagram-edges", "dt-diagram-question"}  # for the script and tests, not for looks
    assert used > hooks_only and {name for name in used if f".{name}" not in css} == hooks_only
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", rules)  # colours come from Material's variables
    assert "var(--dt-verdict)" in rules and "[data-on-path]" in rules

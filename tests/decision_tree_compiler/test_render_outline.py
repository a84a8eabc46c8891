"""The list version of the flowchart: every node once, layered by longest path, linear in size, escaped."""

from __future__ import annotations

import json
from pathlib import Path

from decision_tree_compiler.benchmark import layered_graph
from decision_tree_compiler.compiler import compile_tree_file, page_src_uri
from decision_tree_compiler.graph import layers
from decision_tree_compiler.html_ids import map_card_id, section_id
from decision_tree_compiler.pages import DocsFolder
from decision_tree_compiler.render_outline import render_outline
from decision_tree_compiler.verdicts import VERDICTS

from .helpers import changed, compile_text
from .html_tree import parse_html

PROJECT = Path(__file__).resolve().parents[2]
NASTY = "</script><script>alert(1)</script> <!-- \"quotes\" & 'apostrophes' <b>"


def real_tree():
    tree_file = PROJECT / "decision_tree" / "coverage.yml"
    pages = DocsFolder(PROJECT / "docs", page_src_uri(tree_file.stem), folder="docs/")
    result = compile_tree_file(tree_file, file="decision_tree/coverage.yml", pages=pages)
    assert result.ok, [str(problem) for problem in result.problems]
    return result.compiled.tree


def tree_of(text: str):
    result = compile_text(text, path_limit=None)  # graphs deep on purpose
    assert result.ok, [str(problem) for problem in result.problems]
    return result.compiled.tree


def chain(length: int) -> str:
    """length questions in a row, each with a way out to one shared outcome."""
    lines = ["title: Chain", "start: q0", "questions:"]
    for number in range(length):
        following = f"q{number + 1}" if number + 1 < length else "end"
        lines += [f"  q{number}:", f"    text: Question {number}?", "    options:",
                  f"      - label: Go on\n        next: {following}", "      - label: Stop\n        next: end"]
    lines += ["outcomes:", "  end:", "    verdict: unlikely", "    title: End", "    body: The end."]
    return "\n".join(lines) + "\n"


def name_of(tree, node: str) -> str:
    return tree.questions[node].text if node in tree.questions else tree.outcomes[node].title


def cards_of(html: str):
    return parse_html(html).find_all("li", cls="dt-map-node")


def test_the_real_tree_lists_each_node_exactly_once():
    tree = real_tree()
    cards = cards_of(render_outline(tree))
    listed = [card.attrs["data-node"] for card in cards]
    assert sorted(listed) == sorted(set(listed)) == sorted(set(tree.questions) | set(tree.outcomes))
    for card in cards:
        assert card.attrs["id"] == map_card_id("coverage", card.attrs["data-node"]) == f"coverage--{card.attrs['data-node']}--map"


def test_every_answer_is_a_link_to_the_card_it_leads_to():
    tree = real_tree()
    document = parse_html(render_outline(tree))
    ids = {card.attrs["id"] for card in document.find_all("li", cls="dt-map-node")}
    for question_id, question in tree.questions.items():
        card = document.find("li", id=map_card_id("coverage", question_id))
        items = card.find("ul", cls="dt-map-options").find_all("li")
        assert [item.children[0].strip() for item in items] == [option.label for option in question.options]
        for item, option in zip(items, question.options):
            link = item.find("a")
            assert link.attrs["href"] == "#" + map_card_id("coverage", option.next)
            assert link.text == name_of(tree, option.next)
            assert link.attrs["href"][1:] in ids


def test_node_names_link_to_the_static_pages_sections_so_it_works_without_javascript():
    for link in parse_html(render_outline(real_tree())).find_all("a", cls="dt-map-name"):
        assert link.attrs["href"] == "#" + section_id("coverage", link.attrs["data-node"]) == f"#coverage--{link.attrs['data-node']}"


def test_outcome_cards_show_the_verdict_by_words_and_icon():
    tree = real_tree()
    document = parse_html(render_outline(tree))
    for outcome_id, outcome in tree.outcomes.items():
        card = document.find("li", id=map_card_id("coverage", outcome_id))
        verdict = VERDICTS[outcome.verdict]
        assert f"dt-verdict-{verdict.id}" in card.classes
        line = card.find("p", cls="dt-map-verdict")
        assert verdict.label in line.text
        assert line.find("span", cls="dt-icon").attrs["aria-hidden"] == "true"


def test_a_node_reached_by_a_short_and_a_long_path_sits_below_the_long_one():
    tree = tree_of(
        "title: T\nstart: a\nquestions:\n"
        "  a:\n    text: A\n    options:\n      - label: '1'\n        next: b\n      - label: '2'\n        next: c\n"
        "  b:\n    text: B\n    options:\n      - label: '1'\n        next: c\n      - label: '2'\n        next: end\n"
        "  c:\n    text: C\n    options:\n      - label: '1'\n        next: end\n      - label: '2'\n        next: end\n"
        "outcomes:\n  end:\n    verdict: unlikely\n    title: End\n    body: The end.\n"
    )
    assert layers(tree) == {"a": 0, "b": 1, "c": 2, "end": 3}
    rows = parse_html(render_outline(tree)).find_all("li", cls="dt-map-layer")
    assert [[card.attrs["data-node"] for card in row.find_all("li", cls="dt-map-node")] for row in rows] == [
        ["a"], ["b"], ["c"], ["end"]
    ]


def test_a_graph_with_2_to_the_60_paths_lists_a_few_hundred_nodes():
    html = render_outline(tree_of(layered_graph(60)))
    assert len(cards_of(html)) == 1 + 59 * 2 + 2  # start, 59 layers of two, two outcomes: once each
    assert len(parse_html(html).find_all("li", cls="dt-map-layer")) == 61
    assert len(html) < 80_000


def test_output_grows_linearly_with_the_tree():
    # Same shape, twice the layers: twice the nodes and options, so about twice the HTML.
    small, large = (len(render_outline(tree_of(layered_graph(layer_count)))) for layer_count in (250, 500))
    assert 1.8 < large / small < 2.2


def test_a_very_deep_tree_needs_no_recursion():
    tree = tree_of(chain(5000))
    assert layers(tree)["end"] == 5000
    assert len(cards_of(render_outline(tree))) == 5001


def test_strings_from_the_yaml_are_escaped_in_text_and_attributes():
    text = changed("text: What coverage do you have?", f"text: {json.dumps(NASTY)}")
    text = changed("label: Job plan", f"label: {json.dumps(NASTY)}", text)
    text = changed("title: Maybe", f"title: {json.dumps(NASTY)}", text)
    document = parse_html(render_outline(tree_of(text)))
    assert document.find_all("script") == [] and document.find_all("b") == []
    assert document.find("a", cls="dt-map-name", data_node="coverage").text == NASTY
    assert document.find("ul", cls="dt-map-options").find("li").children[0] == NASTY + " "
    assert document.find("a", href="#test--scar--map").text == NASTY
    assert document.find("a", cls="dt-map-name", data_node="scar").text == NASTY

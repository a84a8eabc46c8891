"""The flowchart: every node drawn once, layered by longest path, linear in size, escaped.

Plus the page's assets (page_assets.py): verdict colours readable in both palettes.
"""

from __future__ import annotations

import json
from pathlib import Path

from decision_tree_compiler.compiler import compile_tree_file, page_src_uri
from decision_tree_compiler.page_assets import (
    MIN_CONTRAST,
    SCRIPT,
    STYLESHEET,
    _DARK_BACKGROUND,
    _WHITE,
    _rgb,
    asset_files,
    contrast,
    dark_variant,
)
from decision_tree_compiler.html_ids import map_card_id, section_id
from decision_tree_compiler.pages import DocsFolder
from decision_tree_compiler.render_flowchart import layers, render_flowchart, topological_order
from decision_tree_compiler.verdicts import VERDICTS

from .html_tree import parse_html

PROJECT = Path(__file__).resolve().parents[2]
NASTY = "</script><script>alert(1)</script> <!-- \"quotes\" & 'apostrophes' <b>"


def layered_graph(layer_count: int, width: int = 2) -> dict:
    """`width` questions per layer, each leading to every question of the next layer, so there
    are width**layer_count paths; the last layer leads to two outcomes."""
    questions = {}
    for layer in range(layer_count):
        for column in range(width):
            if layer + 1 < layer_count:
                options = [{"label": f"Go {c}", "next": f"q{layer + 1}-{c}"} for c in range(width)]
            else:
                options = [{"label": "Yes", "next": "yes"}, {"label": "No", "next": "no"}]
            questions[f"q{layer}-{column}"] = {"text": f"Question {layer}.{column}?", "options": options}
    outcomes = {
        "yes": {"verdict": "possible", "title": "Yes outcome"},
        "no": {"verdict": "unlikely", "title": "No outcome"},
    }
    # Layer 0 has only one entry point: a start question leading into it.
    questions["start"] = {
        "text": "Start?",
        "options": [{"label": f"Enter {c}", "next": f"q0-{c}"} for c in range(width)],
    }
    return {"id": "big", "start": "start", "questions": questions, "outcomes": outcomes}


def _name(data: dict, node: str) -> str:
    return data["questions"][node]["text"] if node in data["questions"] else data["outcomes"][node]["title"]


def cards_of(html: str):
    return parse_html(html).find_all("li", cls="dt-map-node")


def real_tree() -> dict:
    tree_file = PROJECT / "decision_tree" / "coverage.yml"
    pages = DocsFolder(PROJECT / "docs", page_src_uri(tree_file.stem), folder="docs/")
    result = compile_tree_file(tree_file, file="decision_tree/coverage.yml", pages=pages)
    assert result.ok, [str(problem) for problem in result.problems]
    return result.compiled.data


def test_the_real_tree_draws_each_reachable_node_exactly_once():
    data = real_tree()
    cards = cards_of(render_flowchart(data))
    drawn = [card.attrs["data-node"] for card in cards]
    assert sorted(drawn) == sorted(set(drawn)) == sorted(set(data["questions"]) | set(data["outcomes"]))
    for card in cards:
        assert card.attrs["id"] == map_card_id("coverage", card.attrs["data-node"]) == f"coverage--{card.attrs['data-node']}--map"


def test_every_answer_is_drawn_as_a_link_to_the_card_it_leads_to():
    data = real_tree()
    document = parse_html(render_flowchart(data))
    ids = {card.attrs["id"] for card in document.find_all("li", cls="dt-map-node")}
    for question_id, question in data["questions"].items():
        card = document.find("li", id=map_card_id("coverage", question_id))
        items = card.find("ul", cls="dt-map-options").find_all("li")
        assert [item.children[0].strip() for item in items] == [o["label"] for o in question["options"]]
        for item, option in zip(items, question["options"]):
            link = item.find("a")
            assert link.attrs["href"] == "#" + map_card_id("coverage", option["next"])
            assert link.text == _name(data, option["next"])
            assert link.attrs["href"][1:] in ids


def test_node_names_link_to_the_static_pages_sections_so_it_works_without_javascript():
    data = real_tree()
    for link in parse_html(render_flowchart(data)).find_all("a", cls="dt-map-name"):
        assert link.attrs["href"] == "#" + section_id("coverage", link.attrs["data-node"]) == f"#coverage--{link.attrs['data-node']}"


def test_outcome_cards_show_the_verdict_by_words_and_icon():
    data = real_tree()
    document = parse_html(render_flowchart(data))
    for outcome_id, outcome in data["outcomes"].items():
        card = document.find("li", id=map_card_id("coverage", outcome_id))
        verdict = VERDICTS[outcome["verdict"]]
        assert f"dt-verdict-{verdict.id}" in card.classes
        line = card.find("p", cls="dt-map-verdict")
        assert verdict.label in line.text
        assert line.find("span", cls="dt-icon").attrs["aria-hidden"] == "true"


def test_a_node_reached_by_a_short_and_a_long_path_sits_below_the_long_one():
    data = {
        "id": "t",
        "start": "a",
        "questions": {
            "a": {"text": "A", "options": [{"label": "1", "next": "b"}, {"label": "2", "next": "c"}]},
            "b": {"text": "B", "options": [{"label": "1", "next": "c"}, {"label": "2", "next": "end"}]},
            "c": {"text": "C", "options": [{"label": "1", "next": "end"}, {"label": "2", "next": "end"}]},
        },
        "outcomes": {"end": {"verdict": "unlikely", "title": "End"}},
    }
    assert layers(data) == {"a": 0, "b": 1, "c": 2, "end": 3}
    rows = parse_html(render_flowchart(data)).find_all("li", cls="dt-map-layer")
    assert [[card.attrs["data-node"] for card in row.find_all("li", cls="dt-map-node")] for row in rows] == [
        ["a"], ["b"], ["c"], ["end"]
    ]


def test_unreachable_nodes_are_left_out():
    data = layered_graph(2)
    data["questions"]["orphan"] = {"text": "Orphan?", "options": [{"label": "x", "next": "yes"}, {"label": "y", "next": "no"}]}
    assert "orphan" not in topological_order(data)
    assert "orphan" not in render_flowchart(data)


def test_a_graph_with_2_to_the_60_paths_draws_in_a_few_hundred_nodes():
    data = layered_graph(60)
    html = render_flowchart(data)
    cards = cards_of(html)
    assert len(cards) == 1 + 60 * 2 + 2  # start, 60 layers of two, two outcomes: once each
    assert len(parse_html(html).find_all("li", cls="dt-map-layer")) == 62
    assert len(html) < 80_000


def test_output_grows_linearly_with_the_tree():
    # Same shape, twice the layers: twice the nodes and options, so about twice the HTML.
    small, large = (len(render_flowchart(layered_graph(n, width=4))) for n in (500, 1000))
    assert 1.8 < large / small < 2.2


def test_a_very_deep_tree_needs_no_recursion():
    data = layered_graph(5000, width=1)
    assert layers(data)["yes"] == 5001
    assert len(cards_of(render_flowchart(data))) == 5003


def test_strings_from_the_yaml_are_escaped_in_text_and_attributes():
    data = {
        "id": "t",
        "start": "a",
        "questions": {"a": {"text": NASTY, "options": [{"label": NASTY, "next": "end"}, {"label": "x", "next": "end"}]}},
        "outcomes": {"end": {"verdict": "unlikely", "title": NASTY}},
    }
    html = render_flowchart(data)
    document = parse_html(html)
    assert document.find_all("script") == [] and document.find_all("b") == []
    assert document.find("a", cls="dt-map-name", data_node="a").text == NASTY
    assert document.find("ul", cls="dt-map-options").find("li").children[0] == NASTY + " "
    assert document.find("a", href="#t--end--map").text == NASTY
    assert document.find("a", cls="dt-map-name", data_node="end").text == NASTY


def test_the_flowchart_is_a_named_region_left_out_of_search():
    section = parse_html(render_flowchart(real_tree())).find("section", cls="dt-map")
    heading = section.find("h2")
    assert "id" not in heading.attrs  # Material's search would make it an (empty) entry
    assert section.attrs["aria-labelledby"] == heading.find("span").attrs["id"]
    assert "data-search-exclude" in section.attrs
    assert section.find_all("section") == []  # Material's search parser cannot exclude nested sections


def test_the_compiled_json_tells_the_script_how_many_questions_may_remain():
    data = real_tree()

    def most_questions_from(node: str) -> int:  # the definition, by brute force on a small tree
        question = data["questions"].get(node)
        return 0 if question is None else 1 + max(most_questions_from(o["next"]) for o in question["options"])

    assert data["remaining"] == {question_id: most_questions_from(question_id) for question_id in data["questions"]}
    assert data["remaining"][data["start"]] == data["max_questions"]
    json.dumps(data)  # still plain JSON


def test_verdict_colours_read_on_both_palettes():
    css = asset_files()[STYLESHEET]
    for verdict in VERDICTS.values():
        light, dark = verdict.colour, dark_variant(verdict.colour)
        assert contrast(_rgb(light), _WHITE) >= MIN_CONTRAST, verdict.id
        assert contrast(_rgb(dark), _DARK_BACKGROUND) >= MIN_CONTRAST, verdict.id
        assert f".dt-verdict-{verdict.id}{{--dt-verdict:{light}}}" in css
        assert f"[data-md-color-scheme=slate] .dt-verdict-{verdict.id}{{--dt-verdict:{dark}}}" in css


def test_the_assets_are_the_files_in_the_assets_folder():
    files = asset_files()
    assert set(files) == {SCRIPT, STYLESHEET}
    assert "document$" in files[SCRIPT]

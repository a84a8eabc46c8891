"""The static page: the HTML contract, escaping, Markdown, and links that always land."""

from __future__ import annotations

import json

from decision_tree_compiler import render_html
from decision_tree_compiler.render_diagram import Limits, too_big_to_draw
from decision_tree_compiler.verdicts import VERDICTS

from .helpers import BASE_TREE, changed, compile_text
from .html_tree import parse_html

# (U+2028 in the script's JSON is tested in test_compile_json.py: the tree check refuses it in a tree.)
NASTY = "</script><script>alert(1)</script> <!-- \"quotes\" & 'apostrophes' é"


def compiled(text: str = BASE_TREE):
    result = compile_text(text)
    assert result.problems == [], [str(problem) for problem in result.problems]
    return result.compiled


def root_of(html: str):
    document = parse_html(html)
    return document.find("div", cls="dt")


def data_of(root) -> dict:
    scripts = root.find_all("script")
    assert len(scripts) == 1
    assert scripts[0].attrs == {"type": "application/json", "class": "dt-data"}
    return json.loads(scripts[0].text)


def test_root_element_carries_the_tree_id_and_start():
    root = root_of(compiled().html)
    assert root.attrs["data-decision-tree"] == "test"
    assert root.attrs["data-start"] == "coverage"


def test_every_question_and_outcome_has_its_section():
    root = root_of(compiled().html)
    sections = root.find_all("section", cls="dt-node")
    assert {section.attrs["data-node"] for section in sections} == {"coverage", "reason", "medicare", "looks", "scar"}
    for section in sections:
        assert section.attrs["id"] == f"test--{section.attrs['data-node']}"
        heading = section.find("h2")
        assert "id" not in heading.attrs  # see render_html: heading ids make search indexing quadratic
        label = root.find(id=section.attrs["aria-labelledby"])
        assert label.parent is heading and label.text == heading.text


def test_start_comes_first_then_breadth_first_in_option_order():
    root = root_of(compiled().html)
    sections = root.find_all("section", cls="dt-node")
    assert [section.attrs["data-node"] for section in sections] == ["coverage", "reason", "medicare", "looks", "scar"]
    assert "dt-start" in sections[0].classes
    assert all("dt-start" not in section.classes for section in sections[1:])


def test_question_section_has_heading_help_and_options_in_yaml_order():
    root = root_of(compiled().html)
    question = root.find("section", id="test--reason")
    assert question.classes == {"dt-node", "dt-question"}
    assert question.attrs["data-kind"] == "question"
    assert question.find("h2").text == "Why do you want it?"
    assert question.find("div", cls="dt-help").find("strong").text == "one"
    links = question.find("ul", cls="dt-options").find_all("a")
    assert [(link.text, link.attrs["href"], link.attrs["data-next"]) for link in links] == [
        ("Looks", "#test--looks", "looks"),
        ("Scar", "#test--scar", "scar"),
    ]


def test_outcome_section_shows_verdict_by_text_and_icon_not_colour_alone():
    root = root_of(compiled().html)
    outcome = root.find("section", id="test--scar")
    assert outcome.classes == {"dt-node", "dt-outcome", "dt-verdict-possible"}
    assert outcome.attrs["data-kind"] == "outcome"
    assert outcome.attrs["data-verdict"] == "possible"
    assert outcome.find("h2").text == "Maybe"
    verdict_line = outcome.find("p", cls="dt-verdict")
    icon = verdict_line.find("span", cls="dt-verdict-icon")
    assert icon.attrs["aria-hidden"] == "true"
    assert icon.text == VERDICTS["possible"].icon
    assert verdict_line.find("span", cls="dt-verdict-label").text == VERDICTS["possible"].label
    restart = outcome.find("p", cls="dt-restart").find("a")
    assert restart.attrs["href"] == "#test--coverage"


def test_markdown_fields_render_as_markdown_with_links_rewritten_for_the_page():
    root = root_of(compiled().html)
    body = root.find("section", id="test--scar").find("div", cls="dt-body")
    items = body.find("ol").find_all("li")
    assert [item.text for item in items] == ["Ask your doctor.", "Read the appeal steps."]
    assert items[1].find("a").attrs["href"] == "../../if-you-are-denied/"


def test_read_more_lists_the_see_pages_by_title():
    root = root_of(compiled().html)
    see = root.find("section", id="test--medicare").find("div", cls="dt-see")
    assert see.find("h3").text == "Read more"
    link = see.find("a")
    assert (link.text, link.attrs["href"]) == ("Title of how-insurers-decide.md", "../../how-insurers-decide/")
    assert root.find("section", id="test--looks").find_all("div", cls="dt-see") == []


def test_every_internal_link_lands_on_a_section():
    root = root_of(compiled().html)
    ids = {element.attrs["id"] for element in root.iter() if "id" in element.attrs}
    # The drawing's boxes keep their address in xlink:href (render_diagram.py says why).
    addresses = [link.attrs.get("href") or link.attrs["xlink:href"] for link in root.find_all("a")]
    anchors = [address for address in addresses if address.startswith("#")]
    assert anchors and all(anchor[1:] in ids for anchor in anchors)
    assert len(root.find("svg").find_all("a")) == len(root.find_all("section", cls="dt-node"))


def test_strings_from_the_yaml_are_text_never_markup():
    text = changed("label: Looks", f"label: {json.dumps(NASTY)}")
    text = changed("title: Maybe", f"title: {json.dumps(NASTY)}", text)
    text = changed("text: Why do you want it?", f"text: {json.dumps(NASTY)}", text)
    text = changed("body: Cosmetic care is not covered.", "body: '<b>not bold</b> and <script>x()</script>'", text)
    html = compiled(text).html
    root = root_of(html)
    # Only the data script exists, and the nasty strings come back exactly as written.
    assert len(parse_html(html).find_all("script")) == 1
    assert root.find("section", id="test--reason").find("h2").text == NASTY
    assert root.find("a", data_next="looks").text == NASTY
    assert root.find("section", id="test--scar").find("h2").text == NASTY
    looks_body = root.find("section", id="test--looks").find("div", cls="dt-body")
    assert looks_body.find_all("b") == [] and looks_body.find_all("script") == []
    assert "<b>not bold</b>" in looks_body.text
    # The JSON still parses from the page and holds the same strings.
    data = data_of(root)
    assert data["questions"]["reason"]["text"] == NASTY
    assert data["questions"]["reason"]["options"][0]["label"] == NASTY
    assert data["outcomes"]["scar"]["title"] == NASTY
    script_text = html.split('class="dt-data">', 1)[1].split("</script>", 1)[0]
    for dangerous in ("<", ">", "&"):
        assert dangerous not in script_text


def test_a_title_with_markdown_characters_stays_literal_in_the_page_heading():
    page = compiled(changed("title: Test tree", "title: 'Scars *and* [more] #1 <b>'")).page_markdown
    heading = page.split("\n# ", 1)[1].split("\n", 1)[0]
    import markdown

    assert markdown.markdown("# " + heading) == "<h1>Scars *and* [more] #1 &lt;b&gt;</h1>"


def test_the_html_has_no_blank_line_so_markdown_keeps_it_as_one_raw_block():
    import markdown

    html = compiled().html
    assert "\n\n" not in html
    assert markdown.markdown(f"# Title\n\n{html}\n", extensions=["md_in_html", "attr_list"]).endswith(html)


def test_page_parts_can_be_extended_without_changing_the_renderer(monkeypatch):
    def flowchart(context):
        return f'<div class="dt-flowchart">{len(context.order)} nodes</div>'

    monkeypatch.setattr(render_html, "PAGE_PARTS", [*render_html.PAGE_PARTS[:-1], flowchart, render_html.PAGE_PARTS[-1]])
    html = compiled().html
    assert '<div class="dt-flowchart">5 nodes</div>' in html
    assert html.index("dt-flowchart") < html.index("dt-data")


def test_the_map_is_the_drawing_then_its_list_version_behind_a_disclosure():
    root = root_of(compiled().html)
    section = root.find("section", cls="dt-map")
    assert "dt-map-drawn" in section.classes and "data-search-exclude" in section.attrs
    heading = section.find("h2")
    assert "id" not in heading.attrs and section.attrs["aria-labelledby"] == heading.find("span").attrs["id"]
    parts = [child for child in section.children if not isinstance(child, str)]
    assert [(part.tag, sorted(part.classes)) for part in parts] == [
        ("h2", ["dt-map-title"]),
        ("p", ["dt-map-about"]),
        ("div", ["dt-diagram-tools"]),  # empty: the script's buttons go here
        ("div", ["dt-diagram-scroll"]),
        ("details", ["dt-outline"]),
    ]
    assert parts[2].children == []
    scroller = parts[3]
    assert scroller.attrs["tabindex"] == "0" and scroller.attrs["role"] == "region" and scroller.attrs["aria-label"]
    assert [child.tag for child in scroller.children if not isinstance(child, str)] == ["svg"]
    details = parts[4]
    assert "open" not in details.attrs  # a screen reader meets the tree once, as the drawing
    assert details.find("summary").text == "Show the flowchart as a list"
    assert len(details.find_all("li", cls="dt-map-node")) == len(root.find_all("section", cls="dt-node"))
    assert section.find_all("section") == []  # Material's search parser cannot exclude nested sections


def test_a_tree_too_big_to_draw_gets_the_list_alone_and_the_reason():
    tree = compiled().tree
    context = render_html.page_context(tree, compiled().context.fields, limits=Limits(boxes=1, per_row=1, crossings=0))
    section = root_of(render_html.render_tree_html(context)).find("section", cls="dt-map")
    assert "dt-map-drawn" not in section.classes
    assert section.find("p", cls="dt-map-why").text == too_big_to_draw(tree, Limits(1, 1, 0))
    assert section.find_all("svg") == [] and section.find_all("details") == []
    assert section.find_all("div", cls="dt-diagram-tools") == []
    assert len(section.find_all("li", cls="dt-map-node")) == len(tree.questions) + len(tree.outcomes)


def test_the_first_progress_line_is_the_one_the_script_writes():
    root = root_of(compiled().html)
    template = data_of(root)["text"]["progress"]
    assert root.find("p", cls="dt-progress").text == template.format(asked=1, most=2)

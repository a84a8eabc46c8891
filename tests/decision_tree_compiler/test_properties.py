"""Property-based tests: generated valid trees always pass, and each kind of mutation is caught.

Trees are random DAGs: questions q0..qN in a fixed order, every option leading to a later
question or to an outcome, and every node given at least one way in, so every generated tree is
valid by construction. They are written out as YAML text, so the whole pipeline runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_tree_compiler.graph import iter_paths, layers, longest_question_count, path_counts
from decision_tree_compiler.guarantee import every_path_ends_in_supported_outcome
from decision_tree_compiler.html_ids import section_id
from decision_tree_compiler.render_diagram import layout_of, render_diagram
from decision_tree_compiler.schema import build_schema
from decision_tree_compiler.structure import STRUCTURE_CODES
from decision_tree_compiler.unseen_characters import first_unseen
from decision_tree_compiler.verdicts import VERDICTS
from decision_tree_compiler.yaml_source import load_yaml

from .helpers import FILE, compile_text
from .html_tree import parse_html
from .layout_checks import geometric_crossings, overlapping_pairs, routes_through_boxes

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = jsonschema.Draft202012Validator(build_schema())

LABEL_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Zl", "Zp")), min_size=1, max_size=12
).filter(lambda text: not text.isspace() and first_unseen(text) < 0)  # the checker refuses unseen characters


@dataclass
class GeneratedTree:
    questions: dict[str, list[dict]]  # id -> options [{label, next}]
    outcomes: dict[str, dict]  # id -> {verdict, title, body}
    lines: dict[tuple, int] = field(default_factory=dict)  # ("next", qid, index) / ("outcome", oid) -> line

    def yaml(self) -> str:
        out = ["title: Generated tree", "start: q0", "questions:"]
        self.lines = {}
        for question_id, options in self.questions.items():
            out += [f"  {question_id}:", f"    text: {json.dumps('What about ' + question_id + '?')}", "    options:"]
            for index, option in enumerate(options):
                out.append(f"      - label: {json.dumps(option['label'], ensure_ascii=False)}")
                self.lines[("next", question_id, index)] = len(out) + 1
                out.append(f"        next: {option['next']}")
        out.append("outcomes:")
        for outcome_id, outcome in self.outcomes.items():
            self.lines[("outcome", outcome_id)] = len(out) + 1
            out.append(f"  {outcome_id}:")
            for key in ("verdict", "title", "body"):
                if key in outcome:
                    out.append(f"    {key}: {json.dumps(outcome[key], ensure_ascii=False)}")
        return "\n".join(out) + "\n"


@st.composite
def valid_trees(draw, max_questions: int = 10) -> GeneratedTree:
    question_count = draw(st.integers(1, max_questions))
    outcome_count = draw(st.integers(1, 6))
    question_ids = [f"q{number}" for number in range(question_count)]
    outcome_ids = [f"o{number}" for number in range(outcome_count)]
    options: dict[str, list[str]] = {question_id: [] for question_id in question_ids}
    # Every node after q0 gets one way in from an earlier question: all reachable, no loops.
    for number, node in enumerate(question_ids[1:] + outcome_ids, start=1):
        parent = draw(st.integers(0, min(number, question_count) - 1))
        options[question_ids[parent]].append(node)
    for position, question_id in enumerate(question_ids):
        later = question_ids[position + 1 :] + outcome_ids
        while len(options[question_id]) < 2 or (len(options[question_id]) < 4 and draw(st.booleans())):
            options[question_id].append(draw(st.sampled_from(later)))
        options[question_id] = draw(st.permutations(options[question_id]))
    questions = {}
    for question_id in question_ids:
        labels = draw(st.lists(LABEL_TEXT, min_size=len(options[question_id]), max_size=len(options[question_id]),
                               unique_by=lambda label: " ".join(label.split()).casefold()))
        questions[question_id] = [{"label": label, "next": target} for label, target in zip(labels, options[question_id])]
    outcomes = {
        outcome_id: {"verdict": draw(st.sampled_from(list(VERDICTS))), "title": f"Outcome {outcome_id}", "body": "What to do."}
        for outcome_id in outcome_ids
    }
    return GeneratedTree(questions, outcomes)


def compiled_or_fail(generated: GeneratedTree, **limits):
    result = compile_text(generated.yaml(), **limits)
    assert result.problems == [], "\n".join(str(problem) for problem in result.problems)
    return result.compiled


@SETTINGS
@given(valid_trees())
def test_generated_valid_trees_have_no_problems_and_keep_the_promise(generated):
    compiled = compiled_or_fail(generated)
    assert every_path_ends_in_supported_outcome(compiled.tree)
    assert VALIDATOR.is_valid(load_yaml(generated.yaml().encode(), FILE).data)


@SETTINGS
@given(valid_trees())
def test_path_counts_by_dynamic_programming_equal_the_listed_paths(generated):
    tree = compiled_or_fail(generated).tree
    listed = list(iter_paths(tree))
    counts = path_counts(tree)
    assert sum(counts.values()) == len(listed)
    for outcome_id, count in counts.items():
        assert count == sum(1 for _, end in listed if end == outcome_id)
    assert longest_question_count(tree) == max(len(answers) for answers, _ in listed)


@SETTINGS
@given(valid_trees())
def test_the_page_has_every_node_and_every_link_lands(generated):
    compiled = compiled_or_fail(generated)
    root = parse_html(compiled.html).find("div", cls="dt")
    sections = root.find_all("section", cls="dt-node")
    assert {section.attrs["data-node"] for section in sections} == set(generated.questions) | set(generated.outcomes)
    all_ids = [element.attrs["id"] for element in root.iter() if "id" in element.attrs]
    ids = set(all_ids)
    # Every id is the tree's and unique; none can be a heading's (heading ids never hold "--").
    assert len(ids) == len(all_ids) and all(id_.startswith("test--") for id_ in ids)
    # The drawing's boxes keep their address in xlink:href (render_diagram.py says why).
    addresses = [link.attrs.get("href") or link.attrs["xlink:href"] for link in root.find_all("a")]
    assert all(address[1:] in ids for address in addresses if address.startswith("#"))
    if compiled.context.drawing.svg is not None:
        assert len(root.find("svg").find_all("a")) == len(sections)  # a box per node, each a link
    for question_id, options in generated.questions.items():
        section = root.find("section", id=section_id("test", question_id))
        shown = [link.text for link in section.find("ul", cls="dt-options").find_all("a")]
        assert shown == [option["label"] for option in options]
    assert json.loads(root.find("script", cls="dt-data").text) == compiled.data


@SETTINGS
@given(valid_trees(max_questions=14))
def test_layers_are_the_longest_path_and_the_diagram_keeps_its_promises(generated):
    tree = compiled_or_fail(generated, path_limit=None).tree  # deeper than writers may go, on purpose
    depth = layers(tree)
    longest: dict[str, int] = {tree.start: 0}
    for answers, outcome in iter_paths(tree):
        for step, node in enumerate([question_id for question_id, _ in answers[1:]] + [outcome], start=1):
            longest[node] = max(longest.get(node, 0), step)
    assert depth == {node: longest[node] for node in depth} and set(depth) == set(longest)

    layout = layout_of(tree)
    assert overlapping_pairs(layout.boxes.values(), gap=1) == []
    assert routes_through_boxes(layout) == []
    assert layout.crossings == geometric_crossings(layout)
    svg = parse_html(render_diagram(tree, lambda node_id: "#test-" + node_id))
    arrows = {
        (edge.attrs["data-from"], int(number)): edge.attrs["data-to"]
        for edge in svg.find_all("g", cls="dt-diagram-edge")
        for number in edge.attrs["data-options"].split()
    }
    assert arrows == {
        (question_id, number): option["next"]
        for question_id, options in generated.questions.items()
        for number, option in enumerate(options, start=1)
    }
    assert sorted(link.attrs["data-node"] for link in svg.find_all("a")) == sorted([*generated.questions, *generated.outcomes])


def _problems(text: str):
    return compile_text(text).problems


def _agrees_with_schema(text: str, problems) -> None:
    data = load_yaml(text.encode(), FILE).data
    structural = [problem for problem in problems if problem.code in STRUCTURE_CODES]
    assert VALIDATOR.is_valid(data) == (not structural)


@SETTINGS
@given(valid_trees(), st.data())
def test_a_next_retargeted_to_a_missing_id_is_reported_there(generated, data):
    question_id = data.draw(st.sampled_from(list(generated.questions)))
    index = data.draw(st.integers(0, len(generated.questions[question_id]) - 1))
    generated.questions[question_id][index]["next"] = "nowhere-at-all"
    text = generated.yaml()
    problems = _problems(text)
    [problem] = [problem for problem in problems if problem.code == "unknown-next"]
    assert problem.line == generated.lines[("next", question_id, index)]
    assert f'option {index + 1} of question "{question_id}" goes to "nowhere-at-all"' in problem.message
    _agrees_with_schema(text, problems)


@SETTINGS
@given(valid_trees(), st.data())
def test_a_back_edge_makes_a_loop_that_is_named(generated, data):
    # Follow first options from q0 for a while, then point the last question back at one on the way.
    path = ["q0"]
    while data.draw(st.booleans()):
        forward = [option["next"] for option in generated.questions[path[-1]] if option["next"] in generated.questions]
        if not forward:
            break
        path.append(data.draw(st.sampled_from(forward)))
    back_to = data.draw(st.sampled_from(path))
    last = path[-1]
    index = data.draw(st.integers(0, len(generated.questions[last]) - 1))
    generated.questions[last][index]["next"] = back_to
    text = generated.yaml()
    problems = _problems(text)
    loops = [problem for problem in problems if problem.code == "loop"]
    assert loops, "\n".join(str(problem) for problem in problems)
    assert any(problem.line == generated.lines[("next", last, index)] for problem in loops) or any(
        f"→ {back_to}" in problem.message for problem in loops
    )
    _agrees_with_schema(text, problems)


@SETTINGS
@given(valid_trees(), st.data())
def test_an_outcome_without_a_verdict_is_reported_at_the_outcome(generated, data):
    outcome_id = data.draw(st.sampled_from(list(generated.outcomes)))
    del generated.outcomes[outcome_id]["verdict"]
    text = generated.yaml()
    problems = _problems(text)
    [problem] = problems
    assert problem.code == "missing-key"
    assert (problem.line, problem.column) == (generated.lines[("outcome", outcome_id)], 3)
    assert problem.message == f'outcome "{outcome_id}" has no "verdict:".'
    _agrees_with_schema(text, problems)


@SETTINGS
@given(valid_trees(), st.data())
def test_a_duplicated_label_is_reported(generated, data):
    question_id = data.draw(st.sampled_from(list(generated.questions)))
    options = generated.questions[question_id]
    options[1]["label"] = options[0]["label"].upper() if data.draw(st.booleans()) else options[0]["label"]
    if " ".join(options[1]["label"].split()).casefold() != " ".join(options[0]["label"].split()).casefold():
        return  # upper() does not always round-trip through casefold (for example "ß")
    text = generated.yaml()
    problems = _problems(text)
    [problem] = problems
    assert problem.code == "duplicate-label"
    assert f'option 2 of question "{question_id}" has the same label as option 1' in problem.message
    _agrees_with_schema(text, problems)

"""The ids a tree page generates can equal neither each other, nor a heading's id, nor another tree's."""

from __future__ import annotations

import itertools
import re

import markdown
from decision_tree_compiler.html_ids import (
    NODE,
    answers_title_id,
    arrow_head_id,
    map_card_id,
    map_title_id,
    script_id_patterns,
    section_id,
    title_id,
)
from decision_tree_compiler.tree_format import ID_PATTERN
from hypothesis import given
from hypothesis import strategies as st

# Tree and node ids as tree_format.ID_PATTERN allows them: words of [a-z0-9] joined by single hyphens.
ids = st.lists(st.text("abcmpt019", min_size=1, max_size=4), min_size=1, max_size=3).map("-".join)


def page_ids(tree: str, nodes) -> list[str]:
    generated = [map_title_id(tree), answers_title_id(tree), arrow_head_id(tree)]
    for node in nodes:
        generated += [section_id(tree, node), title_id(tree, node), map_card_id(tree, node)]
    return generated


@given(st.lists(ids, min_size=1, max_size=3, unique=True), st.lists(ids, min_size=1, max_size=6, unique=True))
def test_no_two_generated_ids_are_equal_within_a_tree_or_across_trees(trees, nodes):
    assert all(re.fullmatch(ID_PATTERN, id_) for id_ in trees + nodes)
    everything = list(itertools.chain.from_iterable(page_ids(tree, nodes) for tree in trees))
    assert len(everything) == len(set(everything))


def test_the_cases_that_collided_before_are_apart():
    # "<tree>-<node>" gave tree "a", node "b-c" and tree "a-b", node "c" the same id, and the
    # title of node "x" the id of the section of node "x-title".
    assert section_id("a", "b-c") != section_id("a-b", "c")
    assert title_id("t", "x") != section_id("t", "x-title")
    assert map_title_id("t") != map_card_id("t", "title") != section_id("t", "map-title")


@given(ids, ids)
def test_the_script_gets_the_same_ids_from_its_patterns(tree, node):
    # decision-tree.js replaces "{node}" in the pattern from the page's JSON; nothing else.
    patterns = script_id_patterns(tree)
    assert patterns["section"].replace(NODE, node) == section_id(tree, node)
    assert patterns["answers_title"] == answers_title_id(tree)


@given(st.text(max_size=40))
def test_heading_ids_never_contain_the_separator(title):
    # Python-Markdown's toc, as MkDocs runs it for the page's H1 (the tree's title).
    md = markdown.Markdown(extensions=["toc"])
    html = md.convert(f"# x {title}\n\n# x {title}\n")  # twice: the second gets a "_1" suffix
    for token in md.toc_tokens:
        assert "--" not in token["id"], (title, html)

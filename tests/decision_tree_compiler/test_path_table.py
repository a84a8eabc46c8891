"""The path table (`python3 dev.py paths`): its format and the cap."""

from __future__ import annotations

import json

from decision_tree_compiler import path_table
from decision_tree_compiler.path_table import path_table_text

from .gfm import render
from .helpers import changed
from .test_graph import layered, tree_of


def test_lists_every_path_with_answers_outcome_and_verdict():
    text = path_table_text(tree_of())
    assert text.startswith("# Every path through `Test tree` (`test.yml`)")
    assert "3 paths, with at most 2 questions on a path. By verdict: unlikely 2, possible 1, ask-first 0, alternatives 0." in text
    assert text.endswith(
        "- coverage: `Job plan` → reason: `Looks` ⇒ **looks** (unlikely)\n"
        "- coverage: `Job plan` → reason: `Scar` ⇒ **scar** (possible)\n"
        "- coverage: `Medicare` ⇒ **medicare** (unlikely)\n"
    )


def test_above_the_cap_counts_paths_per_outcome_instead(monkeypatch):
    text = path_table_text(tree_of(layered(60)))
    assert "1,152,921,504,606,846,976 paths" in text
    assert "| end-a | unlikely | 576,460,752,303,423,488 |" in text
    assert " ⇒ " not in text
    monkeypatch.setattr(path_table, "MAX_LISTED_PATHS", 2)
    assert "| looks | unlikely | 1 |" in path_table_text(tree_of())


def test_a_hostile_title_and_label_are_text_as_github_renders_the_table():
    label = "A scar <!-- [Approve: verified by maintainers](https://evil.example/) www.evil.example"
    title = "Tree <img src=x onerror=alert(1)> `x`"
    hostile = changed("label: Scar", f"label: {json.dumps(label)}", changed("title: Test tree", f"title: {json.dumps(title)}"))
    rendered = render(path_table_text(tree_of(hostile)))
    assert rendered.comments == [] and not {"a", "img"} & set(rendered.tags), rendered.html
    assert title in rendered.codes and label in rendered.codes
    assert f"{label} ⇒ scar (possible)" in rendered.text and "Medicare" in rendered.codes

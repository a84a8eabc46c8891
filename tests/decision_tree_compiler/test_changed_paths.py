"""The review summary of a tree change: exactly the paths whose ending changed, moved, came or went."""

from __future__ import annotations

import json

from decision_tree_compiler import changed_paths
from decision_tree_compiler.changed_paths import changed_paths_markdown

from .gfm import render
from .helpers import BASE_TREE, changed
from .test_graph import layered, tree_of

FILE = "decision_tree/test.yml"


def summary(old: str | None, new: str | None) -> str:
    return changed_paths_markdown(FILE, tree_of(old) if old else None, tree_of(new) if new else None)


def test_an_unchanged_tree_says_nothing_changed():
    text = summary(BASE_TREE, BASE_TREE)
    assert "3 paths before, 3 after." in text
    assert "No path changed its answers, outcome or verdict." in text


def test_a_changed_verdict_lists_only_the_paths_that_end_there():
    text = summary(BASE_TREE, changed("verdict: possible", "verdict: ask-first"))
    assert "**Same answers, different outcome or verdict** (1)" in text
    assert "- coverage: `Job plan` → reason: `Scar`: **scar** (possible) → **scar** (ask-first)" in text
    assert "Looks" not in text and "Medicare" not in text


def test_an_inserted_question_shows_old_and_new_answers_not_a_rewrite():
    inserted = changed(
        "      - label: Scar\n        next: scar\n",
        "      - label: Scar\n        next: documented\n  documented:\n    text: Is it written down?\n    options:\n"
        "      - label: Yes\n        next: scar\n      - label: No\n        next: looks\n",
    )
    text = summary(BASE_TREE, inserted)
    assert "**Same ending, different answers on the way** (1)" in text
    assert (
        "- coverage: `Job plan` → reason: `Scar` ⇒ **scar** (possible)\n"
        "  now: coverage: `Job plan` → reason: `Scar` → documented: `Yes` ⇒ **scar** (possible)"
    ) in text
    assert "**New paths** (1)\n\n- coverage: `Job plan` → reason: `Scar` → documented: `No` ⇒ **looks** (unlikely)" in text
    assert "no longer exist" not in text


def test_a_reworded_answer_pairs_old_and_new():
    text = summary(BASE_TREE, changed("label: Medicare", "label: Medicare (Parts A and B)"))
    assert "- coverage: `Medicare` ⇒ **medicare** (unlikely)\n  now: coverage: `Medicare (Parts A and B)` ⇒" in text
    assert "New paths" not in text and "no longer exist" not in text


def test_a_removed_answer_is_listed_as_gone():
    removed = changed("      - label: Medicare\n        next: medicare\n", "      - label: Other\n        next: looks\n")
    text = summary(BASE_TREE, removed)
    assert "**Paths that no longer exist** (1)\n\n- coverage: `Medicare` ⇒ **medicare** (unlikely)" in text
    assert "**New paths** (1)\n\n- coverage: `Other` ⇒ **looks** (unlikely)" in text


def test_new_and_removed_trees():
    assert summary(None, BASE_TREE).startswith(f"### `{FILE}`\n\nNew tree: 0 paths before, 3 after.")
    assert "Tree removed: 3 paths before, 0 after." in summary(BASE_TREE, None)


def test_a_broken_tree_says_so_instead_of_listing():
    assert "The tree has problems" in summary(BASE_TREE, changed("next: scar\n", "next: nowhere\n"))


def test_long_lists_are_cut_short(monkeypatch):
    monkeypatch.setattr(changed_paths, "MAX_SHOWN", 1)
    text = summary(None, BASE_TREE)
    assert "**New paths** (3)" in text and "- … and 2 more (see the full path tables)" in text


def test_huge_trees_compare_counts_per_outcome_never_listing_paths():
    text = summary(layered(60), changed("verdict: unlikely\n    title: End\n    body: The end.\n  end-b",
                                        "verdict: possible\n    title: End\n    body: The end.\n  end-b", layered(60)))
    assert "Too many paths to list" in text
    assert "| end-a | 576,460,752,303,423,488 paths (unlikely) | 576,460,752,303,423,488 paths (possible) |" in text
    assert " → " not in text and "end-b" not in text
    text = summary(layered(60), layered(61))
    assert "| end-a | 576,460,752,303,423,488 paths (unlikely) | 1,152,921,504,606,846,976 paths (unlikely) |" in text


def test_a_hostile_label_is_text_in_the_summary_as_github_renders_it():
    label = "A scar <!-- [Approve: verified by maintainers](https://evil.example/) a@evil.example www.evil.example"
    hostile = changed("label: Scar", f"label: {json.dumps(label)}", changed("label: Medicare", "label: Medicare Part B"))
    rendered = render(summary(BASE_TREE, hostile))
    assert rendered.comments == [] and "a" not in rendered.tags and "img" not in rendered.tags, rendered.html
    assert label in rendered.codes
    # The rest of the summary is still there: the ending after the label, and the next path.
    assert f"{label} ⇒ scar (possible)" in rendered.text and "Medicare Part B" in rendered.codes


def test_a_hostile_file_name_and_outcome_id_are_text_too():
    text = changed_paths_markdown("decision_tree/x`<!--.yml", None, tree_of(BASE_TREE.replace("scar", "s<!--|x")))
    rendered = render(text)
    assert rendered.comments == [] and "decision_tree/x`<!--.yml" in rendered.codes
    assert "s<!--|x" in rendered.codes, rendered.html

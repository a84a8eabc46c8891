"""The promise: every path from start ends in a supported outcome (proved without listing paths)."""

from __future__ import annotations

from decision_tree_compiler.guarantee import every_path_ends_in_supported_outcome

from .test_graph import layered, tree_of
from .helpers import changed


def test_holds_for_a_good_tree():
    assert every_path_ends_in_supported_outcome(tree_of())


def test_holds_for_two_to_the_sixty_paths():
    assert every_path_ends_in_supported_outcome(tree_of(layered(60)))


def test_fails_when_a_next_names_nothing():
    assert not every_path_ends_in_supported_outcome(tree_of(changed("next: scar\n", "next: nowhere\n")))


def test_fails_on_a_loop():
    assert not every_path_ends_in_supported_outcome(tree_of(changed("next: looks", "next: coverage")))


def test_fails_when_a_reachable_outcome_has_no_supported_verdict():
    assert not every_path_ends_in_supported_outcome(tree_of(changed("verdict: possible", "verdict: perhaps")))


def test_fails_when_start_is_not_a_question():
    assert not every_path_ends_in_supported_outcome(tree_of(changed("start: coverage", "start: looks")))


def test_fails_when_a_question_has_no_options():
    text = changed("    options:\n      - label: Looks\n        next: looks\n      - label: Scar\n        next: scar\n", "    options: []\n")
    assert not every_path_ends_in_supported_outcome(tree_of(text))


def test_an_unreachable_loop_does_not_break_the_promise():
    text = changed(
        "outcomes:\n",
        "  island:\n    text: Round?\n    options:\n      - label: A\n        next: island\n"
        "      - label: B\n        next: looks\noutcomes:\n",
    )
    assert every_path_ends_in_supported_outcome(tree_of(text))

"""Every structural check: its message, file, line and column, from a small broken tree."""

from __future__ import annotations

import pytest

from decision_tree_compiler.structure import STRUCTURE_CODES, suggest_id

from .examples import STRUCTURE_EXAMPLES
from .helpers import BASE_TREE, assert_problem, changed, compile_text, locate


def test_the_base_tree_has_no_problems():
    result = compile_text(BASE_TREE)
    assert result.problems == []
    assert result.compiled is not None


@pytest.mark.parametrize("example", STRUCTURE_EXAMPLES, ids=str)
def test_structural_problem_is_reported_where_it_is(example):
    result = compile_text(example.text, tree_id=example.tree_id)
    assert result.compiled is None
    assert_problem(result, example.code, example.at, *example.fragments)
    assert example.code in STRUCTURE_CODES


def test_every_structural_problem_kind_has_an_example():
    assert {example.code for example in STRUCTURE_EXAMPLES} >= STRUCTURE_CODES - {"no-questions"}


def test_no_questions_is_reported():
    text = BASE_TREE[: BASE_TREE.index("questions:")] + "questions: {}\n" + BASE_TREE[BASE_TREE.index("outcomes:") :]
    result = compile_text(text)
    assert_problem(result, "no-questions", locate(text, "{}"), '"questions:" has no questions.')


def test_all_problems_in_a_file_are_reported_at_once_sorted_by_line():
    text = changed("verdict: possible", "verdict: maybe", changed("next: scar\n", "next: scarr\n", changed("title: Test tree\n", "")))
    result = compile_text(text)
    assert [problem.code for problem in result.problems] == ["missing-key", "unknown-next", "unknown-verdict"]
    lines = [problem.line for problem in result.problems]
    assert lines == sorted(lines)


def test_missing_key_of_an_option_points_at_the_option():
    text = changed("      - label: Scar\n        next: scar\n", "      - label: Scar\n")
    result = compile_text(text)
    assert_problem(result, "missing-key", locate(text, "label: Scar"), 'option 2 of question "reason" has no "next:".')


@pytest.mark.parametrize(
    ("written", "suggested"),
    [("Scar_From Injury", "scar-from-injury"), ("--a--b--", "a-b"), ("ÜBER", "ber"), ("!!!", "my-id")],
)
def test_suggested_ids_are_valid(written, suggested):
    assert suggest_id(written) == suggested

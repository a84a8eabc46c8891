"""Every structural check: its message, file, line and column, from a small broken tree."""

from __future__ import annotations

import pytest

from decision_tree_compiler.structure import STRUCTURE_CODES, suggest_id

from .examples import STRUCTURE_EXAMPLES
from .helpers import BASE_TREE, assert_problem, changed, codes, compile_text, locate, the_problem


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


# --- no silent loss of text ---------------------------------------------------------------------


def test_a_comment_after_unquoted_text_is_reported_not_dropped():
    text = changed("label: Looks", "label: Not sure #ask HR")
    problem = the_problem(compile_text(text), "comment-in-text")
    assert (problem.line, problem.column) == tuple(locate(text, "#ask HR"))
    assert problem.message == (
        'the text of "label:" stops before "#ask HR": YAML reads a space followed by # as the start of a comment, '
        "so that part is left out of the text."
    )
    assert problem.fix == 'Put the whole text in double quotes: label: "Not sure #ask HR"'


@pytest.mark.parametrize("written", ['"Not sure #ask HR"', "Not sure#1", "Not sure"])
def test_quoted_text_and_a_hash_inside_a_word_are_kept_whole(written):
    result = compile_text(changed("label: Looks", f"label: {written}"))
    assert "comment-in-text" not in codes(result)


def test_a_comment_after_an_id_is_fine():
    assert compile_text(changed("next: looks", "next: looks  # the cosmetic outcome")).ok


def test_a_text_starting_with_an_ampersand_is_reported_whole():
    text = changed("label: Looks", "label: &not sure")
    result = compile_text(text)
    assert codes(result) == ["yaml-anchor"]  # and no knock-on "empty" or "same label" message
    problem = result.problems[0]
    assert (problem.line, problem.column) == tuple(locate(text, "&not sure"))
    assert 'so "&not" is not part of the text and the text is only "sure".' in problem.message
    assert problem.fix == 'Put the whole text in double quotes: label: "&not sure"'


def test_an_alias_in_a_text_is_reported():
    text = changed("label: Looks", "label: &looks Looks", changed("label: Scar", "label: *looks"))
    problems = {problem.code: problem for problem in compile_text(text).problems}
    assert (problems["yaml-anchor"].line, problems["yaml-anchor"].column) == tuple(locate(text, "&looks"))
    assert problems["yaml-alias"].line == locate(text, "*looks").line
    assert "alias (*name) of the text on line" in problems["yaml-alias"].message

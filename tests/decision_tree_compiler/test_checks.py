"""Every tree-level check: its message, file, line and column, from a small broken tree."""

from __future__ import annotations

import pytest

from decision_tree_compiler.checks import check_tree
from decision_tree_compiler.structure import STRUCTURE_CODES, read_tree
from decision_tree_compiler.yaml_source import load_yaml

from .examples import TREE_EXAMPLES
from .helpers import BASE_TREE, FILE, FakePages, assert_problem, changed, codes, compile_text, locate, the_problem


@pytest.mark.parametrize("example", TREE_EXAMPLES, ids=str)
def test_tree_problem_is_reported_where_it_is(example):
    result = compile_text(example.text, tree_id=example.tree_id)
    assert result.compiled is None
    assert_problem(result, example.code, example.at, *example.fragments)
    assert example.code not in STRUCTURE_CODES


def test_a_typo_in_next_does_not_also_make_its_target_unreachable():
    result = compile_text(changed("next: scar\n", "next: scarr\n"))
    assert codes(result) == ["unknown-next"]


def test_a_typo_in_start_does_not_make_everything_unreachable():
    result = compile_text(changed("start: coverage", "start: coverag"))
    assert codes(result) == ["unknown-start"]


def test_a_cut_off_part_is_reported_once_where_it_begins():
    """A missing next: cuts off "reason" and the two outcomes after it: one message, not three."""
    result = compile_text(changed("    next: reason\n", "    nxt: reason\n"))
    unreachable = [problem for problem in result.problems if problem.code == "unreachable"]
    assert [problem.line for problem in unreachable] == [locate(BASE_TREE, "  reason:")[0]]
    assert "2 more question(s) or outcome(s) after it cannot be reached either" in str(unreachable[0])


def test_a_next_far_from_every_id_gets_no_suggestion():
    result = compile_text(changed("next: scar\n", "next: zzzzzzzz\n"))
    problem = result.problems[0]
    assert "Did you mean" not in str(problem)
    assert str(problem).endswith("Write one of the ids under questions: or outcomes:.")


def test_the_file_name_must_make_a_valid_tree_id():
    result = compile_text(BASE_TREE, tree_id="My Tree")
    assert_problem(result, "invalid-tree-id", (1, 1), 'the file name "My Tree.yml" cannot be used', '"my-tree.yml"')


def test_each_loop_is_named_once_with_the_option_that_closes_it():
    text = changed("next: looks", "next: coverage", changed("next: scar\n", "next: reason\n"))
    result = compile_text(text)
    loops = [problem for problem in result.problems if problem.code == "loop"]
    assert [problem.message.split("makes a loop: ")[1].split(". ")[0] for problem in loops] == [
        "coverage → reason → coverage",
        "reason → reason",
    ]
    assert (loops[1].line, loops[1].column) == tuple(locate(text, "reason\n", 2))


def test_a_loop_far_from_start_is_found_in_a_deep_tree():
    # 3,000 questions in a chain, the last one pointing back to the first: no recursion limit.
    count = 3000
    lines = ["title: Deep", "start: q0", "questions:"]
    for number in range(count):
        nxt = f"q{number + 1}" if number + 1 < count else "q0"
        lines += [f"  q{number}:", "    text: Go on?", "    options:", f"      - label: 'Yes'", f"        next: {nxt}",
                  "      - label: 'No'", "        next: stop"]
    lines += ["outcomes:", "  stop:", "    verdict: unlikely", "    title: Stop", "    body: Stopped."]
    result = compile_text("\n".join(lines) + "\n")
    loop = [problem for problem in result.problems if problem.code == "loop"]
    assert len(loop) == 1
    assert loop[0].message.endswith(f"q{count - 2} → q{count - 1} → q0. A reader could go round it forever.")


def test_checks_run_on_the_parts_of_a_broken_file_that_are_usable():
    # A structural mistake (no text) and a tree-level one (next names nothing) in the same file.
    text = changed("    text: Why do you want it?\n", "", changed("next: scar\n", "next: sca\n"))
    assert codes(compile_text(text)) == ["missing-key", "unknown-next"]


def test_check_tree_reports_nothing_for_a_good_tree():
    loaded = load_yaml(BASE_TREE.encode(), FILE)
    tree, problems = read_tree(loaded, FILE, "test")
    assert problems == []
    assert check_tree(tree, FakePages()) == []


RANKED_TREE = """\
title: Ranked
start: case
questions:
  case:
    text: How strong is your case?
    ranked: strongest-first
    options:
      - label: Documented
        next: plan
      - label: Not documented yet
        next: get-documented
      - label: Looks only
        next: cosmetic
  plan:
    text: Does your plan exclude it?
    options:
      - label: No
        next: ask
      - label: Yes
        next: cosmetic
outcomes:
  ask:
    verdict: possible
    title: Ask
    body: Ask.
  get-documented:
    verdict: VERDICT
    title: Document it
    body: Document it.
  cosmetic:
    verdict: unlikely
    title: Cosmetic
    body: Cosmetic.
"""


def test_a_ranked_question_compares_the_worst_verdicts_too():
    """"Documented" can still end at "unlikely" (a plan exclusion), so "not documented yet" must
    not promise anything better than that: it asks no question about the exclusion."""
    # "alternatives" ranks above "unlikely" and below "possible" whatever the exact rank numbers,
    # so only the worst-verdict comparison can fail here.
    result = compile_text(RANKED_TREE.replace("VERDICT", "alternatives"))
    problem = the_problem(result, "rank-order")
    assert (problem.line, problem.column) == tuple(locate(RANKED_TREE, "label: Not documented yet"))
    assert (
        'option 2 of question "case" ("Not documented yet") never ends worse than "alternatives", '
        'while option 1 ("Documented") can end with "unlikely".'
    ) in str(problem)


def test_a_ranked_question_in_order_passes():
    assert compile_text(RANKED_TREE.replace("VERDICT", "unlikely")).ok


def test_without_ranked_the_order_of_verdicts_is_not_checked():
    assert compile_text(RANKED_TREE.replace("VERDICT", "possible").replace("    ranked: strongest-first\n", "")).ok


def chain_of_questions(count: int) -> str:
    """A tree whose one long path asks `count` questions (each has a way out to "done")."""
    lines = ["title: Long", "start: q1", "questions:"]
    for number in range(1, count + 1):
        after = f"q{number + 1}" if number < count else "done"
        lines += [f"  q{number}:", "    text: Next?", "    options:",
                  f"      - label: On\n        next: {after}", "      - label: Stop\n        next: done"]
    lines += ["outcomes:", "  done:", "    verdict: unlikely", "    title: Done", "    body: Done."]
    return "\n".join(lines) + "\n"


def test_the_longest_path_may_ask_the_limit_and_no_more():
    from decision_tree_compiler.tree_format import MAX_QUESTIONS_ON_A_PATH as limit

    assert compile_text(chain_of_questions(limit)).ok
    text = chain_of_questions(limit + 1)
    result = compile_text(text)
    problem = the_problem(result, "path-too-long")
    assert (problem.line, problem.column) == tuple(locate(text, f"q{limit + 1}:"))
    assert f'question "q{limit + 1}" is question {limit + 1} on the path q1 → q2 → ' in str(problem)
    assert f"a reader would answer {limit + 1} questions before seeing an outcome, and the most a tree may ask is {limit}." in str(problem)


def test_a_renamed_outcome_is_one_problem_naming_every_line_and_the_new_name():
    """Two options still say "looks" after the outcome became "cosmetic": one cause, one message."""
    text = changed("        next: medicare\n", "        next: medicare\n      - label: Other\n        next: looks\n",
                   changed("  looks:\n", "  cosmetic:\n"))
    result = compile_text(text)
    assert codes(result) == ["unknown-next"]  # no separate "cannot be reached" for "cosmetic"
    problem = result.problems[0]
    first, second = (locate(text, "next: looks", occurrence).line for occurrence in (1, 2))
    assert problem.line == first
    assert problem.message == (
        f'option 3 of question "coverage" goes to "looks", which is not a question or an outcome any more; '
        f'so does option 1 of question "reason" (line {second}). '
        f'The outcome "cosmetic" (line {locate(text, "cosmetic:").line}) has no way in: was it renamed?'
    )
    assert problem.fix == f'If so, change next: on lines {first} and {second} to "cosmetic", or rename the outcome back to "looks".'


def test_an_invalid_id_used_by_a_next_is_one_problem():
    text = changed("  reason:\n", "  Reason_Why:\n", changed("next: reason\n", "next: Reason_Why\n"))
    result = compile_text(text)
    assert codes(result) == ["invalid-id"]
    assert result.problems[0].fix == (
        f'Rename it, for example to "reason-why", and change every next: that points to it on line '
        f'{locate(text, "next: Reason_Why").line}.'
    )

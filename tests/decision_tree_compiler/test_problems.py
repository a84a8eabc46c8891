"""How problems are written and ordered."""

from __future__ import annotations

import dataclasses

from decision_tree_compiler.problems import (
    EXCERPT_WIDTH,
    MAX_PROBLEMS_SHOWN_PER_FILE,
    Problem,
    excerpt,
    format_problem,
    format_problems,
    github_annotation,
    github_annotations_wanted,
    sorted_problems,
    summary_line,
    with_source,
)


def make(file="a.yml", line=1, column=1, message="x is wrong.", fix="Do y.", code="c") -> Problem:
    return Problem(file, line, column, message, fix, code)


def test_a_problem_reads_file_line_column_what_and_what_to_do():
    assert str(make(line=14, column=9)) == "a.yml:14:9: x is wrong. Do y."


def test_problems_are_sorted_by_file_line_column_and_duplicates_dropped():
    problems = [make(line=9), make(line=2, column=5), make(line=2, column=1), make(file="0.yml", line=30), make(line=9)]
    assert [(p.file, p.line, p.column) for p in sorted_problems(problems)] == [
        ("0.yml", 30, 1), ("a.yml", 2, 1), ("a.yml", 2, 5), ("a.yml", 9, 1),
    ]
    assert format_problems(problems).count("What to do: Do y.") == 4


def test_the_formatted_problem_shows_the_line_with_a_caret_under_the_place():
    problem = with_source([make(line=2, column=15, message='"functon" is not an id.', fix="Write one.")],
                          "questions:\n        next: functon\n")[0]
    assert format_problem(problem) == (
        'a.yml:2:15: "functon" is not an id.\n'
        "   2 |         next: functon\n"
        "     |               ^^^^^^^\n"
        "   What to do: Write one."
    )


def test_a_caret_under_a_quoted_text_covers_the_quotes_and_tabs_keep_it_aligned():
    problem = with_source([make(line=1, column=8)], 'title:\t"Will it pay" # x')[0]
    assert excerpt(problem) == ['   1 | title:  "Will it pay" # x', "     |         ^^^^^^^^^^^^^"]


def test_control_characters_never_reach_the_output():
    problem = with_source([make(message="bad \x1b[31m here.")], "a: \x07b\n")[0]
    assert "\x1b" not in format_problem(problem) and "\x07" not in format_problem(problem)
    assert "\x1b" not in github_annotation(problem)


def test_github_annotations_put_each_problem_on_its_line(monkeypatch):
    problem = make(file="decision_tree/a,b.yml", line=3, column=7, message="50% wrong:\nreally.", fix="Fix it.")
    assert github_annotation(problem) == (
        "::error file=decision_tree/a%2Cb.yml,line=3,col=7::50%25 wrong:%0Areally. Fix it."
    )
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert github_annotations_wanted()
    monkeypatch.setenv("GITHUB_ACTIONS", "")
    assert not github_annotations_wanted()


def test_summary_line_counts_problems_and_files():
    assert summary_line([make()]) == "Found 1 problem in 1 file. Fix it and run the check again."
    assert summary_line([make(), make(file="b.yml")]) == "Found 2 problems in 2 files. Fix them and run the check again."


def test_control_characters_never_reach_a_message():
    # Messages quote what the writer wrote; an ESC or CR could rewrite the terminal or CI log.
    problem = make(message='links to "\x02amp\x03\x1b[2J", which is not a page.', fix="Retype\r it\u2028.")
    assert str(problem) == 'a.yml:1:1: links to "U+0002ampU+0003U+001B[2J", which is not a page. RetypeU+000D itU+2028.'


UNSEEN_SAMPLES = "\x1b\x85\x9b\u202e\u2066\u200f\u061c\ufdd0\ufffe\U0010ffff\u2028"


def test_c1_bidi_and_noncharacters_are_shown_as_code_points_in_messages_excerpts_and_file_names():
    # Issue 8 review, defect 12: C0 was hidden, but not C1 (\x9b is a one-byte CSI), bidi controls
    # (which reorder what a reviewer reads) or noncharacters.
    problem = with_source(
        [make(file="decision_tree/x\x1b]0;T\x07\u202e.yml", message=f"bad {UNSEEN_SAMPLES} text.", fix="Fix\x9b it.")],
        f"label: {UNSEEN_SAMPLES}\n",
    )[0]
    for output in (format_problem(problem), github_annotation(problem), str(problem)):
        assert not any(character in output for character in UNSEEN_SAMPLES + "\x07"), output
    assert "U+202E" in format_problem(problem) and "U+0085" in format_problem(problem) and "U+10FFFF" in format_problem(problem)
    assert problem.file == "decision_tree/xU+001B]0;TU+0007U+202E.yml"
    line, caret = excerpt(dataclasses.replace(problem, column=8 + len(UNSEEN_SAMPLES) - 1, length=1))
    assert line.endswith("U+2028") and caret.index("^") == line.index("U+2028")


def test_only_so_many_problems_of_one_file_are_printed_and_the_rest_are_counted():
    many = [make(line=number) for number in range(1, MAX_PROBLEMS_SHOWN_PER_FILE + 51)] + [make(file="b.yml")]
    text = format_problems(many)
    assert text.count("What to do: Do y.") == MAX_PROBLEMS_SHOWN_PER_FILE + 1
    assert f"a.yml: 50 more problems not shown (at most {MAX_PROBLEMS_SHOWN_PER_FILE} per file)" in text


def test_a_very_long_line_is_cut_around_the_place_and_the_caret_stays_under_it():
    line = "x" * 3_000_000 + "BAD" + "y" * 2_000_000
    problem = with_source([dataclasses.replace(make(line=1, column=3_000_001), length=3)], line + "\n")[0]
    shown, caret = excerpt(problem)
    assert len(shown) < EXCERPT_WIDTH + 20 and shown.endswith("…") and "   1 | …" in shown
    assert shown[caret.index("^") : caret.index("^") + 3] == "BAD" and caret.count("^") == 3

"""How problems are written and ordered."""

from __future__ import annotations

from decision_tree_compiler.problems import Problem, format_problems, sorted_problems, summary_line


def make(file="a.yml", line=1, column=1, message="x is wrong.", fix="Do y.", code="c") -> Problem:
    return Problem(file, line, column, message, fix, code)


def test_a_problem_reads_file_line_column_what_and_what_to_do():
    assert str(make(line=14, column=9)) == "a.yml:14:9: x is wrong. Do y."


def test_problems_are_sorted_by_file_line_column_and_duplicates_dropped():
    problems = [make(line=9), make(line=2, column=5), make(line=2, column=1), make(file="0.yml", line=30), make(line=9)]
    assert [(p.file, p.line, p.column) for p in sorted_problems(problems)] == [
        ("0.yml", 30, 1), ("a.yml", 2, 1), ("a.yml", 2, 5), ("a.yml", 9, 1),
    ]
    assert format_problems(problems).count("\n") == 3


def test_summary_line_counts_problems_and_files():
    assert summary_line([make()]) == "Found 1 problem in 1 file. Fix it and run the check again."
    assert summary_line([make(), make(file="b.yml")]) == "Found 2 problems in 2 files. Fix them and run the check again."


def test_control_characters_never_reach_a_message():
    # Messages quote what the writer wrote; an ESC or CR could rewrite the terminal or CI log.
    problem = make(message='links to "\x02amp\x03\x1b[2J", which is not a page.', fix="Retype\r it\u2028.")
    assert str(problem) == 'a.yml:1:1: links to "U+0002ampU+0003U+001B[2J", which is not a page. RetypeU+000D itU+2028.'

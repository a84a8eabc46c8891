"""Pages Markdown would take minutes to read are found in one pass, before it reads them
(review 1, defect 9). The whole build with such pages: tests/hardening/test_bad_input.py."""

from __future__ import annotations

import pytest

from site_security import markdown_cost
from site_security.markdown_cost import markdown_cost_problems
from tests.project_copy import PROJECT_ROOT

PAGE = "---\ndescription: x\n---\n\n# A page\n\nSome text.\n\n"


def test_every_real_page_is_well_within_the_limits():
    """The limits are about ten times what the pages use; halve them and every page still passes."""
    pages = sorted((PROJECT_ROOT / "docs").rglob("*.md"))
    assert len(pages) > 10
    with pytest.MonkeyPatch.context() as patch:
        for name in ("MAX_BRACKETS_PER_PARAGRAPH", "MAX_ANGLE_BRACKETS_PER_PAGE", "MAX_INDENT"):
            patch.setattr(markdown_cost, name, getattr(markdown_cost, name) // 2)
        for page in pages:
            assert markdown_cost_problems(page.name, page.read_text(encoding="utf-8")) == [], page


def test_too_many_brackets_in_one_paragraph_is_named_on_the_line_of_the_first_one_too_many():
    source = PAGE + "[" * 150 + "\n" + "[" * 150 + "\n"
    [problem] = markdown_cost_problems("docs/x.md", source)
    assert (problem.file, problem.line, problem.column) == ("docs/x.md", 10, 51)
    assert 'this paragraph has 300 "[" signs; a paragraph may have at most 200.' in problem.message
    assert problem.code == "markdown-too-slow"


def test_brackets_count_per_paragraph_and_escaped_ones_count_too():
    assert markdown_cost_problems("x.md", PAGE + ("[" * 150 + "\n\n") * 5) == []
    assert markdown_cost_problems("x.md", PAGE + ("[" * 150 + "\n \t\n") * 5) == []  # a blank line with spaces
    # In "\\\\[" the first backslash escapes the second and the "[" is live (review 2, N1): every one counts.
    assert markdown_cost_problems("x.md", PAGE + "\\[" * 201)
    assert markdown_cost_problems("x.md", PAGE + "\\\\[" * 201)
    assert markdown_cost_problems("x.md", PAGE + "[" * 201)


def test_too_many_angle_brackets_in_a_page():
    assert markdown_cost_problems("x.md", PAGE + "<a \n\n" * 200) == []
    [problem] = markdown_cost_problems("x.md", PAGE + "<a \n\n" * 201)
    assert 'this page has 201 "<" signs' in problem.message
    assert problem.line == 9 + 2 * 200


def test_a_line_indented_too_deeply():
    nested = "".join("    " * depth + "- x\n" for depth in range(12))
    [problem] = markdown_cost_problems("x.md", PAGE + nested)
    assert problem.line == 9 + 11 and "44 columns" in problem.message
    assert markdown_cost_problems("x.md", PAGE + "\t" * 10 + "x\n" + " " * 80 + "\n") == []  # 40 columns; white space only


def test_text_markdown_would_need_minutes_for_gives_one_message_per_kind():
    huge = PAGE + "[" * 50_000 + "\n" + "<a " * 50_000
    problems = markdown_cost_problems("x.md", huge)
    assert [problem.code for problem in problems] == ["markdown-too-slow"] * 2
    assert len(problems[0].source_line) == 50_000  # the line; the excerpt is cut when printed


def test_list_markers_one_after_another_on_a_line_are_refused_past_ten():
    assert markdown_cost_problems("x.md", PAGE + "- " * 10 + "x\n") == []
    [problem] = markdown_cost_problems("x.md", PAGE + "- " * 1000 + "x\n")
    assert "more than 10 list or quote signs in a row" in problem.message
    assert markdown_cost_problems("x.md", PAGE + "> " * 11 + "x\n")


def test_marked_sections_that_would_stop_mkdocs_are_named_before_it_reads_the_page():
    source = "---\ntitle: A page\n---\n\n# A page\n\nSome `<![x[` text, <![CDATA[ kept ]]>, and <![ y.\n"
    problems = [str(problem) for problem in markdown_cost_problems("docs/page.md", source)]
    assert [problem.split(": this page", 1)[0] for problem in problems] == ["docs/page.md:7:7", "docs/page.md:7:44"]
    assert all('has "<![", which the site\'s page builder cannot read' in problem for problem in problems)
    assert all('Put a space after "<"' in problem for problem in problems)

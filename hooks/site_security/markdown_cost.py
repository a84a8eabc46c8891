"""Pages that would take Python-Markdown minutes to read, or that stop MkDocs' reading of them
with a traceback (`<![`), found in one quick pass before either reads the page.

Python-Markdown reads some text in time that grows with the square of its length, so a short
page can stop the build, the preview and CI for minutes (review 1, defect 9). Measured here
(`docs/about.md` plus the text, the site's extensions):

    "[" x 8,000 (8 KB)        8.5 s   each "[" looks ahead through the rest of its paragraph for a "]"
    "[^" x 8,000 (16 KB)     17.3 s
    "<a " x 8,000 (24 KB)     5.0 s   each "<" that opens no finished tag is read again to the end
    a list nested 300 deep    RecursionError (a crash, not a message)

docs_files.MAX_PAGE_BYTES caps a page at 60,000 bytes, but that alone cannot help: 8 KB of "["
is already too slow. So these are counted, each about ten times what the real pages use
(measured when this was written: at most 76 "[" in a paragraph, 3 "<" in a page, lines
indented 4 spaces), and a page over any of them is refused with a message on its line before
Markdown reads it. At the limits a 60,000-byte page takes about 3 seconds at worst.
"""

from __future__ import annotations

import re

from decision_tree_compiler.problems import Position, Problem, problem_at, with_source

MAX_BRACKETS_PER_PARAGRAPH = 200
""""[" in one paragraph (text between blank lines): links, images, footnotes."""
MAX_ANGLE_BRACKETS_PER_PAGE = 200
""""<" in a page: raw HTML tags, and a "<" in text."""
MAX_INDENT = 40
"""Columns a line may start with white space (a tab counts 4): lists and quotes nested deeper
make Markdown recurse until Python gives up."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Every sign counts, escaped or not: in "\\[" the first backslash escapes the second, and the "["
# is live; counting parity would be one more thing to get wrong (review 2, N1).
_BRACKET = re.compile(r"\[")
_ANGLE = re.compile(r"<")
# List and quote markers one after another on one line ("- - - - x") nest as deep as indentation.
MAX_MARKERS_ON_A_LINE = 10
NESTED_MARKERS = re.compile(r"^[ \t]*(?:(?:[-*+>]|\d{1,9}[.)])[ \t]+){%d,}" % (MAX_MARKERS_ON_A_LINE + 1), re.MULTILINE)
_INDENT = re.compile(r"^[ \t]*(?=[^ \t\n])", re.MULTILINE)
# `<![` opens a "marked section". MkDocs reads every page's Markdown with Python's HTMLParser
# before rendering it, and on the Pythons this site supports any section but `<![CDATA[` stops
# the build with a traceback, even between backticks (decision_tree_compiler/html_reading.py).
_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[)")


def _position(source: str, index: int) -> Position:
    line_start = source.rfind("\n", 0, index) + 1
    return Position(source.count("\n", 0, index) + 1, index - line_start + 1)


def markdown_cost_problems(file: str, source: str) -> list[Problem]:
    """Problems in a page's Markdown source (front matter and all) that would make it too slow to
    read; file is how messages name the page. One pass over the text."""
    problems = []
    start = 0
    for paragraph_break in [*_PARAGRAPH_BREAK.finditer(source), None]:
        end = paragraph_break.start() if paragraph_break else len(source)
        brackets = _BRACKET.findall(source, start, end)
        if len(brackets) > MAX_BRACKETS_PER_PARAGRAPH:
            over = [match.start() for match in _BRACKET.finditer(source, start, end)][MAX_BRACKETS_PER_PARAGRAPH]
            problems.append(problem_at(
                file, _position(source, over),
                f'this paragraph has {len(brackets):,} "[" signs; a paragraph may have at most '
                f"{MAX_BRACKETS_PER_PARAGRAPH:,}. Markdown looks for the end of every link from each one, so the "
                "site would take minutes to build.",
                'Split the paragraph with blank lines, or use fewer links.',
                "markdown-too-slow",
            ))
        start = paragraph_break.end() if paragraph_break else end
    angles = [match.start() for match in _ANGLE.finditer(source)]
    if len(angles) > MAX_ANGLE_BRACKETS_PER_PAGE:
        problems.append(problem_at(
            file, _position(source, angles[MAX_ANGLE_BRACKETS_PER_PAGE]),
            f'this page has {len(angles):,} "<" signs; a page may have at most {MAX_ANGLE_BRACKETS_PER_PAGE:,}. '
            "Markdown reads each one as the start of an HTML tag, so the site would take minutes to build.",
            'Write "less than" in words, and use Markdown instead of HTML tags.',
            "markdown-too-slow",
        ))
    for match in _MARKED_SECTION.finditer(source):
        problems.append(problem_at(
            file, _position(source, match.start()),
            'this page has "<![", which the site\'s page builder cannot read (it stops the build, '
            "even between backticks).",
            'Put a space after "<" ("< ![") or remove it.',
            "marked-section",
        ))
    for match in NESTED_MARKERS.finditer(source):
        problems.append(problem_at(
            file, _position(source, match.start()),
            f"this line starts with more than {MAX_MARKERS_ON_A_LINE} list or quote signs in a row; each one nests "
            "a list or a quote inside the last, and nested this deep Markdown fails.",
            "Nest lists at most a few levels deep, one item per line.",
            "markdown-too-slow",
        ))
    for match in _INDENT.finditer(source):
        if len(match.group().expandtabs(4)) > MAX_INDENT:
            problems.append(problem_at(
                file, _position(source, match.start()),
                f"this line starts with {len(match.group().expandtabs(4))} columns of spaces; a line may start with "
                f"at most {MAX_INDENT}. Lists or quotes nested this deep make Markdown fail.",
                "Nest lists at most a few levels deep.",
                "markdown-too-slow",
            ))
            break
    return with_source(problems, source)

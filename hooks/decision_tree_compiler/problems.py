"""A Problem is one mistake in a file, told the way a writer can act on it.

One line (`str(problem)`, GitHub annotations): `file:line:column: what is wrong. What to do.`
For people (the check command and the build), format_problems adds the line from the file with
a caret under the place, as good compilers do:

    decision_tree/coverage.yml:52:15: option 4 of question "reason" goes to "functon", ...
       52 |         next: functon
          |               ^^^^^^^
       What to do: Did you mean "function"? Write one of the ids under questions: or outcomes:.

Lines and columns are 1-based, as editors show them.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

from .unseen_characters import one_line, visible

MAX_PROBLEMS_SHOWN_PER_FILE = 100
"""Problems printed for one file; the rest are counted ("and 612 more"). One honest mistake can
give many: renaming your-plan-type.md breaks 38 links in coverage.yml, the most-linked page. A
file indented with tabs gives one per line; 200,000 unreachable outcomes once printed 107 MB."""
EXCERPT_WIDTH = 1_000
"""The most characters of a line an excerpt shows, around the column. The longest line of the
real content is 542 characters (a table row in docs/sources.md), so every line of today's pages
and tree is shown whole; a 5 MB line is not repeated in full under each of its problems."""


class Position(NamedTuple):
    line: int
    column: int


START_OF_FILE = Position(1, 1)


def position_of_mark(mark) -> Position:
    """A YAML parser mark (0-based line and column) as writers count (1-based)."""
    return Position(mark.line + 1, mark.column + 1)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    """What is wrong, in plain words, as a full sentence."""
    fix: str
    """What to do about it, as one or more full sentences."""
    code: str
    """A short stable name for the kind of problem (tests and tools match on it, writers never see it)."""
    source_line: str | None = field(default=None, compare=False)
    """The text of the line, for the excerpt (with_source fills it in)."""
    length: int = field(default=0, compare=False)
    """How many characters the caret underlines; 0: the word at the column."""

    def __post_init__(self) -> None:
        # The file name came from the pull request too: it stays on one line, every character seen.
        object.__setattr__(self, "file", one_line(self.file))
        object.__setattr__(self, "message", visible(self.message))
        object.__setattr__(self, "fix", visible(self.fix))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message} {self.fix}".rstrip()

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.message)


def problem_at(file: str, position: Position, message: str, fix: str, code: str) -> Problem:
    return Problem(file, position.line, position.column, message, fix, code)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, then line, then column; exact duplicates dropped."""
    return sorted(set(problems), key=lambda problem: problem.sort_key)


def with_source(problems: Iterable[Problem], text: str) -> list[Problem]:
    """The problems with the text of their line attached, for the excerpt."""
    lines = text.split("\n")
    return [
        dataclasses.replace(problem, source_line=lines[problem.line - 1].rstrip("\r"))
        if problem.source_line is None and 1 <= problem.line <= len(lines)
        else problem
        for problem in problems
    ]


_WORD_END = re.compile(r"\s|:(?=\s|$)")  # a word, or a key without its colon


def _underline_length(line: str, start: int) -> int:
    rest = line[start:]
    if not rest:
        return 1
    if rest[0] in "\"'":
        close = rest.find(rest[0], 1)
        return close + 1 if close > 0 else len(rest.rstrip())
    end = _WORD_END.search(rest)
    return max(1, end.start() if end else len(rest))


def excerpt(problem: Problem) -> list[str]:
    """The line of the file and a caret under the problem, or nothing if the line is unknown."""
    line = problem.source_line
    if line is None:
        return []
    start = min(max(problem.column - 1, 0), len(line))
    length = max(1, min(problem.length or _underline_length(line, start), len(line) - start or 1))
    # A long line is cut to EXCERPT_WIDTH characters around the place, marked with "…".
    window_start = max(0, min(start - EXCERPT_WIDTH // 2, len(line) - EXCERPT_WIDTH))
    window_end = window_start + EXCERPT_WIDTH
    before = ("…" if window_start else "") + line[window_start:start]
    shown_line = before + line[start:window_end] + ("…" if window_end < len(line) else "")
    length = min(length, window_end - start)
    # Unseen characters as U+XXXX, so an excerpt never carries one to the terminal or the page.
    # Shown the same way, the text before the place is a prefix of the whole: the caret lines up.
    shown_before = _shown(before)
    caret = len(_shown(before + line[start : start + length])) - len(shown_before)
    number = str(problem.line)
    return [
        f"   {number} | {_shown(shown_line)}".rstrip(),
        f"   {' ' * len(number)} | {' ' * len(shown_before)}{'^' * max(1, caret)}",
    ]


def _shown(text: str) -> str:
    return one_line(text.expandtabs(4))


def format_problem(problem: Problem) -> str:
    """The problem for people: what is wrong, where (the line, underlined), what to do."""
    lines = [f"{problem.file}:{problem.line}:{problem.column}: {problem.message}", *excerpt(problem)]
    if problem.fix:
        lines.append(f"   What to do: {problem.fix}")
    return "\n".join(lines)


def shown_problems(problems: Iterable[Problem]) -> tuple[list[Problem], dict[str, int]]:
    """The problems to print, sorted, at most MAX_PROBLEMS_SHOWN_PER_FILE of each file; and
    how many of each file are left out."""
    shown: list[Problem] = []
    per_file: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for problem in sorted_problems(problems):
        count = per_file[problem.file] = per_file.get(problem.file, 0) + 1
        if count <= MAX_PROBLEMS_SHOWN_PER_FILE:
            shown.append(problem)
        else:
            hidden[problem.file] = hidden.get(problem.file, 0) + 1
    return shown, hidden


def hidden_note(file: str, count: int) -> str:
    return (
        f"{file}: {count:,} more problem{'s' if count != 1 else ''} not shown (at most "
        f"{MAX_PROBLEMS_SHOWN_PER_FILE} per file). Fix the ones above first: they often cause the rest."
    )


def format_problems(problems: Iterable[Problem]) -> str:
    """Every problem, sorted, each with its excerpt, a blank line between them; past
    MAX_PROBLEMS_SHOWN_PER_FILE in one file, a line that says how many more there are."""
    shown, hidden = shown_problems(problems)
    blocks = [format_problem(problem) for problem in shown]
    blocks += [hidden_note(file, count) for file, count in sorted(hidden.items())]
    return "\n\n".join(blocks)


def github_annotations_wanted() -> bool:
    """True in GitHub Actions, where annotations put each problem on its line in the pull request."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _escape_annotation(text: str, *, property_value: bool = False) -> str:
    # GitHub's workflow-command escaping: data escapes %, CR and LF; property values also : and ,.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_annotation(problem: Problem) -> str:
    """`::error file=...,line=...,col=...::message`: shown on the line in the pull request's Files tab."""
    where = ",".join(
        f"{name}={_escape_annotation(str(value), property_value=True)}"
        for name, value in (("file", problem.file), ("line", problem.line), ("col", problem.column))
    )
    text = f"{problem.message} {problem.fix}".strip()
    return f"::error {where}::{_escape_annotation(text)}"


def summary_line(problems: list[Problem]) -> str:
    files = {problem.file for problem in problems}
    noun = "problem" if len(problems) == 1 else "problems"
    where = "1 file" if len(files) == 1 else f"{len(files)} files"
    pronoun = "it" if len(problems) == 1 else "them"
    return f"Found {len(problems)} {noun} in {where}. Fix {pronoun} and run the check again."

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

# C0 and C1 control characters (except newline and tab) and the line and paragraph separators.
# A message quotes what the writer wrote, and a stray ESC or CR in it could rewrite the
# terminal or the CI log around it; they are shown as U+XXXX instead.
_CONTROL_IN_MESSAGES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """text with every control character written as U+XXXX."""
    return _CONTROL_IN_MESSAGES.sub(lambda match: f"U+{ord(match.group()):04X}", text)


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
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _visible(text: str) -> str:
    """Control characters as ⍰, so an excerpt never carries one to the terminal or the page."""
    return _CONTROL.sub("\u2370", text)


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
    length = problem.length or _underline_length(line, start)
    shown_before = _visible(line[:start].expandtabs(4))
    number = str(problem.line)
    return [
        f"   {number} | {_visible(line.expandtabs(4))}".rstrip(),
        f"   {' ' * len(number)} | {' ' * len(shown_before)}{'^' * max(1, min(length, len(line) - start or 1))}",
    ]


def format_problem(problem: Problem) -> str:
    """The problem for people: what is wrong, where (the line, underlined), what to do."""
    lines = [_visible(f"{problem.file}:{problem.line}:{problem.column}: {problem.message}"), *excerpt(problem)]
    if problem.fix:
        lines.append(_visible(f"   What to do: {problem.fix}"))
    return "\n".join(lines)


def format_problems(problems: Iterable[Problem]) -> str:
    """Every problem, sorted, each with its excerpt, a blank line between them."""
    return "\n\n".join(format_problem(problem) for problem in sorted_problems(problems))


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
    text = _visible(f"{problem.message} {problem.fix}".strip())
    return f"::error {where}::{_escape_annotation(text)}"


def summary_line(problems: list[Problem]) -> str:
    files = {problem.file for problem in problems}
    noun = "problem" if len(problems) == 1 else "problems"
    where = "1 file" if len(files) == 1 else f"{len(files)} files"
    pronoun = "it" if len(problems) == 1 else "them"
    return f"Found {len(problems)} {noun} in {where}. Fix {pronoun} and run the check again."

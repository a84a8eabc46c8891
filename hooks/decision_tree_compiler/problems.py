"""A Problem is one mistake in a tree file, told the way a writer can act on it.

Format: `file:line:column: what is wrong. What to do.` Lines and columns are 1-based,
as editors show them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple

# C0 and C1 control characters (except newline and tab) and the line and paragraph separators.
# A message quotes what the writer wrote, and a stray ESC or CR in it could rewrite the
# terminal or the CI log around it; they are shown as U+XXXX instead.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """text with every control character written as U+XXXX."""
    return _CONTROL.sub(lambda match: f"U+{ord(match.group()):04X}", text)


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


def format_problems(problems: Iterable[Problem]) -> str:
    return "\n".join(str(problem) for problem in sorted_problems(problems))


def summary_line(problems: list[Problem]) -> str:
    files = {problem.file for problem in problems}
    noun = "problem" if len(problems) == 1 else "problems"
    where = "1 file" if len(files) == 1 else f"{len(files)} files"
    pronoun = "it" if len(problems) == 1 else "them"
    return f"Found {len(problems)} {noun} in {where}. Fix {pronoun} and run the check again."

"""Check one guidance page: what it renders to, reported on the lines of its Markdown file.

The rendered HTML is what readers get, so that is what is checked (html_findings.py): raw HTML,
Markdown links and images, reference definitions and attribute lists all end up there. The
Markdown source is only used to say where (locate.py): the first place after the front matter
where a finding's strings appear names the line and column.
"""

from __future__ import annotations

import dataclasses
import re

from decision_tree_compiler.problems import Position, Problem, problem_at, with_source

from .html_findings import find_problems
from .locate import NeedleLocator

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def page_problems(file: str, source: str, html: str) -> list[Problem]:
    """Every problem in a page's rendered html; file is how messages name the page."""
    front_matter = _FRONT_MATTER.match(source)
    locator = NeedleLocator(source, front_matter.end() if front_matter else 0)
    problems = []
    for finding in find_problems(html):
        index, length = locator.find(finding)
        line_start = source.rfind("\n", 0, index) + 1
        position = Position(source.count("\n", 0, index) + 1, index - line_start + 1)
        problem = problem_at(file, position, f"this page {finding.what}", finding.fix, finding.code)
        problems.append(dataclasses.replace(problem, length=length))  # the caret under the whole address
    return with_source(problems, source)  # the line itself, for the excerpt under each message

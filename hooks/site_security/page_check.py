"""Check one guidance page: what it renders to, reported on the lines of its Markdown file.
Also the stylesheets from docs/ that the site publishes as they are (docs_files.py refuses every
kind of file a browser would open as a page or run).

The rendered HTML is what readers get, so that is what is checked (html_findings.py): raw HTML,
Markdown links and images, reference definitions and attribute lists all end up there. The
Markdown source is only used to say where (locate.py): the first place after the front matter
where a finding's strings appear names the line and column.
"""

from __future__ import annotations

import dataclasses
import re

from decision_tree_compiler.problems import Position, Problem, problem_at, with_source

from .html_findings import Finding, css_urls, find_problems
from .locate import NeedleLocator
from .urls import read_url, resource_refusal

CSS_SUFFIXES = (".css",)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def page_problems(file: str, source: str, html: str) -> list[Problem]:
    """Every problem in a page's rendered html; file is how messages name the page."""
    front_matter = _FRONT_MATTER.match(source)
    return _located(file, source, front_matter.end() if front_matter else 0, find_problems(html), "this page")


def static_file_problems(file: str, text: str) -> list[Problem]:
    """Every problem in a stylesheet the site publishes unchanged."""
    if not file.lower().endswith(CSS_SUFFIXES):
        return []
    findings = []
    for address in css_urls(text):
        refusal = resource_refusal(read_url(address))
        if refusal is not None:
            findings.append(Finding(refusal.what, refusal.fix, refusal.code, (address,)))
    return _located(file, text, 0, findings, "this stylesheet")


def _located(file: str, source: str, start: int, findings: list[Finding], subject: str) -> list[Problem]:
    locator = NeedleLocator(source, start)
    problems = []
    for finding in findings:
        index, length = locator.find(finding)
        line_start = source.rfind("\n", 0, index) + 1
        position = Position(source.count("\n", 0, index) + 1, index - line_start + 1)
        problem = problem_at(file, position, f"{subject} {finding.what}", finding.fix, finding.code)
        problems.append(dataclasses.replace(problem, length=length))  # the caret under the whole address
    return with_source(problems, source)  # the line itself, for the excerpt under each message

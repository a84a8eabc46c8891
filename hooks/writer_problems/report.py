"""The report: the problems of one build, and the page each belongs to.

One report for the whole build, shared by the hooks that find problems (a module-level
object: MkDocs imports each hook file once, and they all import this module). Cleared at the
start of every build, since `mkdocs serve` keeps modules between rebuilds.
"""

from __future__ import annotations

from collections import defaultdict

from decision_tree_compiler.problems import (
    Problem,
    format_problems,
    github_annotation,
    shown_problems,
    sorted_problems,
    summary_line,
)


class ProblemReport:
    def __init__(self) -> None:
        self.serving = False
        """True under `mkdocs serve`: show problems on the pages instead of stopping."""
        self._problems: list[Problem] = []
        self._page_of_file: dict[str, str] = {}

    def clear(self) -> None:
        self._problems.clear()
        self._page_of_file.clear()

    def add(self, problems, *, page: str | None = None) -> None:
        """Problems found in one file; page is the docs path of the page they belong on
        (a tree's generated page, or the Markdown page itself)."""
        for problem in problems:
            self._problems.append(problem)
            if page is not None:
                self._page_of_file[problem.file] = page

    @property
    def problems(self) -> list[Problem]:
        return sorted_problems(self._problems)

    def by_page(self) -> dict[str, list[Problem]]:
        """{docs path of a page: its problems}; problems of files with no page are left out."""
        pages: dict[str, list[Problem]] = defaultdict(list)
        for problem in self.problems:
            page = self._page_of_file.get(problem.file)
            if page is not None:
                pages[page].append(problem)
        return dict(pages)

    def failure_message(self) -> str:
        problems = self.problems
        return f"The site has problems to fix:\n\n{format_problems(problems)}\n\n{summary_line(problems)}"

    def annotations(self) -> str:
        return "\n".join(github_annotation(problem) for problem in shown_problems(self.problems)[0])


REPORT = ProblemReport()

"""Small trees and helpers shared by the compiler tests."""

from __future__ import annotations

import textwrap

from decision_tree_compiler.compiler import CompileResult, compile_tree_source
from decision_tree_compiler.pages import directory_url, relative_url
from decision_tree_compiler.problems import Position, Problem

FILE = "decision_tree/test.yml"

GUIDANCE_PAGES = (
    "index.md",
    "how-insurers-decide.md",
    "situations/acne-scars.md",
    "situations/injury-burn-and-surgery-scars.md",
    "situations/stretch-marks-wrinkles-and-texture.md",
    "situations/prp-and-hair-loss.md",
    "before-treatment.md",
    "letter-of-medical-necessity.md",
    "if-you-are-denied.md",
    "paying-without-insurance.md",
    "outside-the-us.md",
    "glossary.md",
    "sources.md",
    "about.md",
)


class FakePages:
    """The guidance pages, without a docs folder: URLs as MkDocs makes them for decision-tree/test/."""

    folder = "docs/"

    def __init__(self, paths=GUIDANCE_PAGES, page_url: str = "decision-tree/test/", anchors=None):
        self.paths = set(paths)
        self.page_url = page_url
        self._anchors = anchors or {}  # docs path -> its anchors; pages not listed: not checked

    def exists(self, docs_path: str) -> bool:
        return docs_path in self.paths

    def known_pages(self) -> list[str]:
        return sorted(self.paths)

    def url_for(self, docs_path: str) -> str | None:
        if docs_path not in self.paths:
            return None
        return relative_url(directory_url(docs_path), self.page_url)

    def title_of(self, docs_path: str) -> str:
        return "Title of " + docs_path

    def anchors(self, docs_path: str) -> frozenset[str] | None:
        return self._anchors.get(docs_path)


BASE_TREE = textwrap.dedent(
    """\
    title: Test tree
    start: coverage
    questions:
      coverage:
        text: What coverage do you have?
        options:
          - label: Job plan
            next: reason
          - label: Medicare
            next: medicare
      reason:
        text: Why do you want it?
        help: Pick **one**.
        options:
          - label: Looks
            next: looks
          - label: Scar
            next: scar
    outcomes:
      medicare:
        verdict: unlikely
        title: Medicare does not pay
        body: Medicare does not pay for cosmetic care.
        see: [how-insurers-decide.md]
      looks:
        verdict: unlikely
        title: Not covered
        body: Cosmetic care is not covered.
      scar:
        verdict: possible
        title: Maybe
        body: |
          1. Ask your doctor.
          2. Read [the appeal steps](if-you-are-denied.md).
    """
)


def changed(old: str, new: str, tree: str = BASE_TREE) -> str:
    """BASE_TREE with one exact piece of text replaced (fails loudly if the piece is not there)."""
    assert tree.count(old) == 1, f"{old!r} appears {tree.count(old)} times"
    return tree.replace(old, new)


def compile_text(text: str | bytes, *, pages=None, tree_id: str = "test", file: str = FILE, **limits) -> CompileResult:
    """Compile text as a writer's tree; path_limit=None lifts the limit on questions per path
    (for graphs that are deep on purpose)."""
    source = text.encode("utf-8") if isinstance(text, str) else text
    return compile_tree_source(source, file=file, tree_id=tree_id, pages=pages or FakePages(), **limits)


def locate(text: str, needle: str, occurrence: int = 1) -> Position:
    """Line and column (1-based) where needle starts in text, its occurrence-th time."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Position(line, column)


def codes(result: CompileResult) -> list[str]:
    return [problem.code for problem in result.problems]


def the_problem(result: CompileResult, code: str) -> Problem:
    """The one problem with this code (fails with every message shown if there is not exactly one)."""
    matching = [problem for problem in result.problems if problem.code == code]
    shown = "\n".join(str(problem) for problem in result.problems)
    assert len(matching) == 1, f"expected one {code!r} problem, got:\n{shown}"
    return matching[0]


def assert_problem(result: CompileResult, code: str, at: Position, *fragments: str) -> Problem:
    problem = the_problem(result, code)
    assert (problem.line, problem.column) == tuple(at), str(problem)
    assert problem.file == FILE
    text = str(problem)
    assert text.startswith(f"{FILE}:{at[0]}:{at[1]}: "), text
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in {text!r}"
    assert "Traceback" not in text
    return problem

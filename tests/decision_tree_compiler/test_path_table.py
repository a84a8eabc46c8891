"""The committed path tables: their format, the cap, and that they are up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_tree_compiler import path_table
from decision_tree_compiler.compiler import compile_tree_file, page_src_uri
from decision_tree_compiler.pages import DocsFolder
from decision_tree_compiler.path_table import PATHS_COMMAND, path_table_file, path_table_text

from .test_graph import layered, tree_of

PROJECT = Path(__file__).resolve().parents[2]
TREE_FILES = sorted((PROJECT / "decision_tree").glob("*.yml"))


def test_lists_every_path_with_answers_outcome_and_verdict():
    text = path_table_text(tree_of())
    assert text.startswith(f"<!-- Generated from test.yml by `{PATHS_COMMAND}`.")
    assert "3 paths, with at most 2 questions on a path. By verdict: unlikely 2, possible 1, ask-first 0, alternatives 0." in text
    assert text.endswith(
        "- coverage: Job plan → reason: Looks ⇒ **looks** (unlikely)\n"
        "- coverage: Job plan → reason: Scar ⇒ **scar** (possible)\n"
        "- coverage: Medicare ⇒ **medicare** (unlikely)\n"
    )


def test_above_the_cap_counts_paths_per_outcome_instead(monkeypatch):
    text = path_table_text(tree_of(layered(60)))
    assert "1,152,921,504,606,846,976 paths" in text
    assert "| end-a | unlikely | 576,460,752,303,423,488 |" in text
    assert " ⇒ " not in text
    monkeypatch.setattr(path_table, "MAX_LISTED_PATHS", 2)
    assert "| looks | unlikely | 1 |" in path_table_text(tree_of())


def test_the_table_sits_next_to_its_tree():
    assert path_table_file(Path("decision_tree/coverage.yml")) == Path("decision_tree/coverage.paths.md")


@pytest.mark.parametrize("tree_file", TREE_FILES, ids=lambda path: path.name)
def test_committed_path_table_is_up_to_date(tree_file):
    result = compile_tree_file(tree_file, file=f"decision_tree/{tree_file.name}",
                               pages=DocsFolder(PROJECT / "docs", page_src_uri(tree_file.stem)))
    assert result.ok, "\n".join(str(problem) for problem in result.problems)
    table = path_table_file(tree_file)
    expected = path_table_text(result.compiled.tree)
    current = table.read_text(encoding="utf-8") if table.exists() else ""
    assert current == expected, (
        f"decision_tree/{table.name} is out of date: the tree changed but its path table did not.\n"
        f"Run: {PATHS_COMMAND}\n(then commit the updated table with the tree)"
    )

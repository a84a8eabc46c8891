"""One build, every problem: a broken tree no longer hides the problems of pages, and in
GitHub Actions each problem is also an annotation on its line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.project_copy import copy_project


def _build(project, **env):
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project, env=dict(os.environ, **env), capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def broken_everywhere(tmp_path_factory):
    """A tree with a typo in a next:, a page with a script, and a page with a broken link."""
    project = copy_project(tmp_path_factory.mktemp("broken-everywhere"))
    tree = project / "decision_tree" / "coverage.yml"
    text = tree.read_text(encoding="utf-8")
    first_next = text.index("next: ") + len("next: ")
    end = text.index("\n", first_next)
    tree.write_text(text[:first_next] + "nowhere-at-all" + text[end:], encoding="utf-8")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    glossary = project / "docs" / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nSee [the missing page](no-such-page.md).\n", encoding="utf-8")
    return project


def test_a_broken_tree_and_broken_pages_are_all_reported_in_one_build(broken_everywhere):
    result = _build(broken_everywhere, GITHUB_ACTIONS="")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert 'goes to "nowhere-at-all", which is not a question or an outcome' in output
    assert "docs/about.md:" in output and "script" in output.lower()
    assert "no-such-page.md" in output  # MkDocs' own link check ran too: the tree did not stop the build
    assert "The site has problems to fix:" in output
    assert "in 2 files." in output  # the tree (the typo, and the question it cut off) and about.md
    assert "::error" not in output


def test_in_github_actions_every_problem_is_an_annotation_on_its_line(broken_everywhere):
    result = _build(broken_everywhere, GITHUB_ACTIONS="true")
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    files = sorted(line.split("file=", 1)[1].split(",", 1)[0] for line in annotations)
    assert set(files) == {"decision_tree/coverage.yml", "docs/about.md"}
    assert all(",line=" in line and ",col=" in line for line in annotations)

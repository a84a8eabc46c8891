"""docs/ publishes only pages, images and stylesheets; links to other files are refused before
anything reads them (review 1, defects 1, 2 and 10). Table rows for the kinds of file are in
tests/hardening/test_bad_input.py; links and device files cannot be written as a row's text."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.hardening.bad_input_project import ANSI, CONTROL
from tests.project_copy import build, copy_project


@pytest.fixture(scope="module")
def linked_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("links"))
    docs, trees = project / "docs", project / "decision_tree"
    elsewhere = project.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "page.md").write_text("---\ndescription: x\n---\n\n# Elsewhere\n", encoding="utf-8")
    os.symlink("/dev/zero", docs / "assets" / "z.bin")  # wrote 7 GB into site/ in 5 s
    os.symlink("/dev/zero", docs / "assets" / "z.css")  # the build hung reading it
    os.symlink("/etc/hostname", docs / "assets" / "host.txt")  # was published
    os.symlink("/etc/passwd", docs / "leak.md")
    os.symlink(elsewhere, docs / "linked")  # a folder: everything under it is behind the link
    os.symlink("/dev/zero", trees / "zero.yml")  # MemoryError traceback, or out of memory
    os.symlink("/etc/passwd", trees / "leak.yml")  # its first line was quoted in the message
    return project


@pytest.fixture(scope="module")
def linked_build(linked_project):
    return build(linked_project)


def test_links_in_docs_and_in_the_trees_are_refused_without_being_read(linked_project, linked_build):
    output = linked_build.stdout + linked_build.stderr
    assert linked_build.returncode == 1, output[-3000:]
    assert "Traceback" not in output and "root:" not in output
    for file in ("docs/assets/z.bin", "docs/assets/z.css", "docs/assets/host.txt", "docs/leak.md", "docs/linked",
                 "decision_tree/zero.yml", "decision_tree/leak.yml"):
        assert f"{file}:1:1: this is a link to another file" in output, file
    assert output.count("docs/linked:1:1:") == 1  # one message for the folder, not one per file in it
    assert not (linked_project / "site").exists() or sum(f.stat().st_size for f in (linked_project / "site").rglob("*") if f.is_file()) < 50_000_000


def test_check_tree_refuses_linked_trees_and_never_reads_linked_pages(linked_project):
    result = subprocess.run(
        [sys.executable, "-m", "decision_tree_compiler", "--root", str(linked_project), "check"],
        cwd=linked_project, env=dict(os.environ, PYTHONPATH=str(linked_project / "hooks")),
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "decision_tree/zero.yml:1:1: this is a link to another file" in result.stdout
    assert "decision_tree/leak.yml:1:1: this is a link to another file" in result.stdout
    assert "root:" not in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_a_file_name_with_control_characters_is_refused_and_shown_visibly(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs" / "assets" / "x\x1b]0;PWNED\x07\u202e.png").write_bytes(b"\x89PNG\r\n")
    (project / "docs" / '"><img src=x onerror=alert(1)>.md').write_text("---\ndescription: x\n---\n\n# X\n", encoding="utf-8")
    (project / "docs" / "notes\x1b[2J.md").write_text("---\ndescription: x\n---\n\n# Notes\n", encoding="utf-8")
    (project / "decision_tree" / "x\x1b[2J.yaml").write_text("title: x\n", encoding="utf-8")
    tree = (project / "decision_tree" / "coverage.yml").read_text(encoding="utf-8")
    (project / "decision_tree" / "y\x1b[2J\u202e.yml").write_text(tree, encoding="utf-8")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert CONTROL.search(ANSI.sub("", output)) is None, ANSI.sub("", output)[-2000:]
    assert "docs/assets/xU+001B]0;PWNEDU+0007U+202E.png:1:1: the file name has an invisible control character" in output
    assert """docs/"><img src=x onerror=alert(1)>.md:1:1: the file name has '"'""" in output
    assert "docs/notesU+001B[2J.md:1:1:" in output
    assert "decision_tree/xU+001B[2J.yaml is ignored" in output
    assert 'decision_tree/yU+001B[2JU+202E.yml:1:1: the file name "yU+001B[2JU+202E.yml" cannot be used' in output

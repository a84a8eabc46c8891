"""The command line: `python -m decision_tree_compiler check | paths | changed-paths | schema`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import BASE_TREE, changed

PROJECT = Path(__file__).resolve().parents[2]


def run(*arguments: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(PROJECT / "hooks"))
    return subprocess.run([sys.executable, "-m", "decision_tree_compiler", *arguments],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path) -> Path:
    """A project folder with the real docs and one small tree."""
    (tmp_path / "decision_tree").mkdir()
    shutil.copytree(PROJECT / "docs", tmp_path / "docs")
    (tmp_path / "decision_tree" / "small.yml").write_text(BASE_TREE, encoding="utf-8")
    return tmp_path


def test_check_passes_on_the_real_trees_with_a_one_line_summary():
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: ")
    for tree_file in sorted((PROJECT / "decision_tree").glob("*.yml")):
        assert f"decision_tree/{tree_file.name}: " in result.stdout
    assert "Every path ends in an outcome with a verdict." in result.stdout


def test_check_prints_every_problem_and_exits_one(project):
    tree = project / "decision_tree" / "small.yml"
    tree.write_text(changed("next: scar\n", "next: scarr\n", changed("verdict: possible", "verdict: maybe")), encoding="utf-8")
    result = run("--root", str(project), "check")
    assert result.returncode == 1
    blocks = result.stdout.split("\n\n")
    assert blocks[0].splitlines() == [
        'decision_tree/small.yml:18:15: option 2 of question "reason" goes to "scarr", which is not a question or an outcome.',
        "   18 |         next: scarr",
        "      |               ^^^^^",
        '   What to do: Did you mean "scar"? Write one of the ids under questions: or outcomes:.',
    ]
    assert blocks[1].startswith('decision_tree/small.yml:30:14: outcome "scar" has the verdict "maybe"')
    assert blocks[2] == "Found 2 problems in 1 file. Fix them and run the check again.\n"
    assert "::error" not in result.stdout  # only in GitHub Actions
    assert "Traceback" not in result.stdout + result.stderr


def test_check_in_github_actions_also_prints_annotations(project):
    tree = project / "decision_tree" / "small.yml"
    tree.write_text(changed("next: scar\n", "next: scarr\n"), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(PROJECT / "hooks"), GITHUB_ACTIONS="true")
    result = subprocess.run([sys.executable, "-m", "decision_tree_compiler", "--root", str(project), "check"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == (
        '::error file=decision_tree/small.yml,line=18,col=15::option 2 of question "reason" goes to "scarr", '
        'which is not a question or an outcome. Did you mean "scar"? Write one of the ids under questions: or outcomes:.'
    )


def test_check_accepts_file_arguments_and_never_shows_a_traceback(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_bytes(b"title: \xff\n")
    result = run("check", str(broken))
    assert result.returncode == 1
    assert "not valid UTF-8" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_paths_prints_every_path_or_writes_a_file(project, tmp_path):
    printed = run("--root", str(project), "paths")
    assert printed.returncode == 0
    assert printed.stdout.startswith("# Every path through `Test tree` (`small.yml`)")
    assert printed.stdout.count("\n- ") == 3
    output = tmp_path / "paths.md"
    written = run("--root", str(project), "paths", "--output", str(output))
    assert written.returncode == 0 and output.read_text(encoding="utf-8") == printed.stdout
    assert not list((project / "decision_tree").glob("*.md"))  # nothing to commit


def test_paths_refuses_a_broken_tree(project):
    (project / "decision_tree" / "small.yml").write_text(changed("next: scar\n", "next: nowhere\n"), encoding="utf-8")
    result = run("--root", str(project), "paths")
    assert result.returncode == 1
    assert "Paths are listed only for trees without problems." in result.stdout


def _git(project: Path, *arguments: str) -> None:
    subprocess.run(["git", "-C", str(project), *arguments], check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                            GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org"))


def test_changed_paths_compares_the_working_tree_with_a_git_ref(project):
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "base")
    tree = project / "decision_tree" / "small.yml"
    tree.write_text(changed("verdict: possible", "verdict: ask-first"), encoding="utf-8")
    (project / "decision_tree" / "second.yml").write_text(BASE_TREE, encoding="utf-8")
    result = run("--root", str(project), "changed-paths", "main")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("## Decision tree paths: what this change does (compared with `main`)")
    assert "### `decision_tree/second.yml`\n\nNew tree: 0 paths before, 3 after." in result.stdout
    small = result.stdout.split("### `decision_tree/small.yml`")[1]
    assert "- coverage: `Job plan` → reason: `Scar`: **scar** (possible) → **scar** (ask-first)" in small
    assert small.count("\n- ") == 1


def test_changed_paths_explains_an_unknown_ref(project):
    _git(project, "init", "-q")
    result = run("--root", str(project), "changed-paths", "origin/nowhere")
    assert result.returncode == 2
    assert '"origin/nowhere" is not a commit git knows here.' in result.stdout


def test_schema_check_passes_for_the_committed_schema():
    result = run("schema", "--check")
    assert result.returncode == 0, result.stdout


def test_commands_work_from_any_folder(tmp_path):
    assert run("check", cwd=tmp_path).returncode == 0

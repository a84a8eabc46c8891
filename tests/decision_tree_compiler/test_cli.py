"""The command line a writer runs: `python -m decision_tree_compiler check | paths | schema`."""

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
    assert result.stdout.startswith("OK: decision_tree/coverage.yml: ")
    assert "Every path ends in an outcome with a verdict." in result.stdout


def test_check_prints_every_problem_and_exits_one(project):
    tree = project / "decision_tree" / "small.yml"
    tree.write_text(changed("next: scar\n", "next: scarr\n", changed("verdict: possible", "verdict: maybe")), encoding="utf-8")
    result = run("--root", str(project), "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith('decision_tree/small.yml:18:15: option 2 of question "reason" goes to "scarr"')
    assert lines[1].startswith('decision_tree/small.yml:30:14: outcome "scar" has the verdict "maybe"')
    assert lines[2] == "Found 2 problems in 1 file. Fix them and run the check again."
    assert "Traceback" not in result.stdout + result.stderr


def test_check_accepts_file_arguments_and_never_shows_a_traceback(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_bytes(b"title: \xff\n")
    result = run("check", str(broken))
    assert result.returncode == 1
    assert "not valid UTF-8" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_paths_writes_the_table_and_check_flags_it_when_stale(project):
    stale = run("--root", str(project), "paths", "--check")
    assert stale.returncode == 1
    assert "Out of date: decision_tree/small.paths.md" in stale.stdout
    assert "Run: python3 dev.py paths" in stale.stdout
    assert "Note: decision_tree/small.paths.md is out of date" in run("--root", str(project), "check").stdout

    written = run("--root", str(project), "paths")
    assert written.returncode == 0 and "Updated: decision_tree/small.paths.md." in written.stdout
    assert (project / "decision_tree" / "small.paths.md").read_text(encoding="utf-8").count("\n- ") == 3
    assert run("--root", str(project), "paths", "--check").returncode == 0

    tree = project / "decision_tree" / "small.yml"
    tree.write_text(changed("next: medicare", "next: looks", BASE_TREE + "  extra:\n    verdict: unlikely\n    title: X\n    body: Y.\n"))
    assert run("--root", str(project), "paths", "--check").returncode == 1


def test_paths_refuses_a_broken_tree(project):
    (project / "decision_tree" / "small.yml").write_text(changed("next: scar\n", "next: nowhere\n"), encoding="utf-8")
    result = run("--root", str(project), "paths")
    assert result.returncode == 1
    assert "Path tables are written only for trees without problems." in result.stdout
    assert not (project / "decision_tree" / "small.paths.md").exists()


def test_schema_check_passes_for_the_committed_schema():
    result = run("schema", "--check")
    assert result.returncode == 0, result.stdout


def test_commands_work_from_any_folder(tmp_path):
    assert run("check", cwd=tmp_path).returncode == 0

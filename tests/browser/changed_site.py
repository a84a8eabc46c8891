"""Build a changed copy of the project with `mkdocs build --strict` and serve it, for browser tests
that need hostile content or a tree the real site does not have."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from tests.local_server import free_port, serving
from tests.project_copy import build, copy_project


@dataclass(frozen=True)
class ServedSite:
    url: str
    """Base URL, ending in "/"."""
    folder: Path
    """The built site/ folder."""
    log: str = ""
    """What the build printed."""


@contextlib.contextmanager
def changed_site(tmp_path: Path, change: Callable[[Path], None], *, strict: bool = True) -> Iterator[ServedSite]:
    """Copy the project into tmp_path, let change(project) edit it, build (strictly, unless a test
    needs the site its warnings are about), and serve it."""
    project = copy_project(tmp_path)
    change(project)
    port = free_port()  # site_url must be the server's address, or instant navigation reloads
    result = build(project, site_url=f"http://127.0.0.1:{port}/", strict=strict)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    with serving(project / "site", port) as url:
        yield ServedSite(url, project / "site", result.stdout + result.stderr)


def add_to_nav(project: Path, *entries: str) -> None:
    """Append entries (e.g. "decision-tree/x.md", "Title: page.md") to the end of mkdocs.yml's nav:."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.rstrip("\n").rsplit("\n", 1)[-1].startswith("  - "), "nav: is no longer the last setting"
    config.write_text(text.rstrip("\n") + "\n" + "".join(f"  - {entry}\n" for entry in entries), encoding="utf-8")


def write_tree(project: Path, tree_id: str, tree: dict) -> None:
    """decision_tree/<tree_id>.yml from a dict (JSON is YAML, and keeps every string a string)."""
    (project / "decision_tree" / f"{tree_id}.yml").write_text(json.dumps(tree, indent=2), encoding="utf-8")

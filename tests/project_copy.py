"""Copy the project into a temporary folder and build it there, as a writer would.

Tests that build the site never touch the working tree: they copy the parts a build
reads (mkdocs.yml, docs/, decision_tree/, hooks/, overrides/), change what they need
in the copy (for example add a broken tree), and run the real `mkdocs build`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUILD_INPUTS = ("mkdocs.yml", "docs", "decision_tree", "hooks", "overrides")


def copy_project(destination: Path) -> Path:
    """Copy everything a build reads into destination/project and return that folder."""
    project = destination / "project"
    project.mkdir(parents=True)
    for name in BUILD_INPUTS:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, project / name)
    return project


def build(project: Path, *, strict: bool = True, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` in project; the site goes to project/site."""
    env = dict(os.environ)
    if site_url:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)

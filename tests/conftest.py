"""Shared fixtures. The real site is built once per test session and reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.project_copy import build, copy_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project built with `mkdocs build --strict`; returns the site folder."""
    project = copy_project(tmp_path_factory.mktemp("built-site"))
    result = build(project)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"

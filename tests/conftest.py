"""Shared fixtures. The real site is built once per test session and reused.

The build uses the address of a local test server as its `site_url`, because
Material's instant navigation only follows links within `site_url`; the browser
tests serve exactly this build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.local_server import free_port, serving
from tests.project_copy import build, copy_project


@pytest.fixture(scope="session")
def site_origin() -> str:
    """The origin the test server will use, e.g. http://127.0.0.1:41234."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_origin) -> Path:
    """The real project built with `mkdocs build --strict`; returns the site folder."""
    project = copy_project(tmp_path_factory.mktemp("built-site"))
    result = build(project, site_url=site_origin + "/")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"


@pytest.fixture(scope="session")
def site_server(built_site, site_origin) -> str:
    """Serve the built site on loopback, like GitHub Pages would; returns the base URL."""
    with serving(built_site, int(site_origin.rsplit(":", 1)[1])) as base_url:
        yield base_url


def pytest_collection_modifyitems(items):
    """Mark every test that drives Chromium as `browser`, wherever it lives, so that
    `python3 dev.py test -m "not browser"` gives a quick run without one."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)

"""Shared fixtures. The real site is built once per test session and reused.

The build uses the address of a local test server as its `site_url`, because
Material's instant navigation only follows links within `site_url`; the browser
tests serve exactly this build.
"""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from pathlib import Path

import pytest

from tests.project_copy import build, copy_project


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_origin() -> str:
    """The origin the test server will use, e.g. http://127.0.0.1:41234."""
    return f"http://127.0.0.1:{_free_port()}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_origin) -> Path:
    """The real project built with `mkdocs build --strict`; returns the site folder."""
    project = copy_project(tmp_path_factory.mktemp("built-site"))
    result = build(project, site_url=site_origin + "/")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


@pytest.fixture(scope="session")
def site_server(built_site, site_origin) -> str:
    """Serve the built site on loopback, like GitHub Pages would; returns the base URL."""
    port = int(site_origin.rsplit(":", 1)[1])
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_origin + "/"
    server.shutdown()
    server.server_close()


def pytest_collection_modifyitems(items):
    """Mark every test that drives Chromium as `browser`, wherever it lives, so that
    `python3 dev.py test -m "not browser"` gives a quick run without one."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)

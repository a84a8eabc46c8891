"""Browser fixtures: Playwright driving the system's Chromium (never a downloaded one).

CI installs Debian's chromium (see .ci/run); set CHROMIUM_PATH to use another build.
Tests that need a browser fail, never skip, when Chromium is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# --disable-background-networking and friends stop Chromium's own calls home,
# which would otherwise show up as requests to other origins.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), (
        f"Chromium is not at {CHROMIUM}. Install it (sudo apt-get install chromium) "
        "or set CHROMIUM_PATH; `python3 dev.py test` does this for you."
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class PageWatch:
    """Records what a page asks for and what it logs, so tests can assert on both.

    Anything the page's Content-Security-Policy blocks counts as an error too (the browser
    reports it with a securitypolicyviolation event), so every test that checks `errors`
    also proves the policy blocked nothing the site needs."""

    def __init__(self, page, origin: str):
        self.origin = origin
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.expose_function("reportPolicyViolation", lambda text: self.errors.append("Content-Security-Policy: " + text))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', (event) => window.reportPolicyViolation("
            "`${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`), true);"
        )

    def foreign_requests(self) -> list[str]:
        """Requests that left the site's origin (data: and blob: stay in the page)."""
        return [
            url for url in self.requests
            if not url.startswith(self.origin + "/") and not url.startswith(("data:", "blob:"))
        ]


@pytest.fixture
def new_page_for(browser):
    """Factory: a fresh browser context and page for the site at base_url, with a PageWatch."""
    contexts = []

    def make(base_url: str, **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        return page, PageWatch(page, base_url.rstrip("/"))

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def new_page(new_page_for, site_server):
    """Factory: a fresh browser context and page for the real site, with a PageWatch attached."""

    def make(**context_options):
        return new_page_for(site_server, **context_options)

    return make


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Screenshots and reports for reviewers; CI keeps this folder."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS

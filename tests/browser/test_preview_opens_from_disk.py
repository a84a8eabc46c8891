"""The preview a pull request keeps for reviewers (`python3 dev.py build --preview`) works when
unzipped and opened from disk, and when served by `python3 -m http.server`: pages link to each
other, and the decision tree walks to an outcome, with nothing fetched from anywhere else."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.browser.decision_tree_helpers import answer, expect_outcome, longest_path
from tests.local_server import free_port, serving
from tests.project_copy import PROJECT_ROOT

POLICY_META = re.compile(r'<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    site = tmp_path_factory.mktemp("preview") / "site-preview"
    result = subprocess.run([sys.executable, str(PROJECT_ROOT / "dev.py"), "build", "--preview", "--site-dir", str(site)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _walk(browser, home_url: str, allowed_prefix: str) -> None:
    page = browser.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(home_url)
    page.get_by_role("link", name="Check your coverage").first.click()
    page.wait_for_url("**/decision-tree/coverage.html*")
    answers, outcome = longest_path()
    answer(page, answers)
    expect_outcome(page, outcome)
    page.go_back()  # the address keeps the answers, so Back steps back one answer
    assert "#coverage:" in page.url
    page.close()
    assert errors == []
    assert [url for url in requests if not url.startswith(allowed_prefix)] == []


def test_the_preview_opens_from_disk(preview, browser):
    _walk(browser, preview.as_uri() + "/index.html", "file://")


def test_the_preview_works_from_a_plain_static_server(preview, browser):
    port = free_port()
    with serving(preview, port) as base:
        _walk(browser, base + "index.html", base)


def test_every_preview_page_carries_the_sites_policy(preview):
    """The preview is built from the pull request's own content and opened by reviewers: it gets
    the same Content-Security-Policy as the published site."""
    pages = sorted(preview.rglob("*.html"))
    assert len(pages) > 10
    without = [page.name for page in pages if not POLICY_META.search(page.read_text(encoding="utf-8"))]
    assert without == []


def test_the_policy_holds_when_the_preview_is_opened_from_disk(preview, browser):
    """A script or an image from another site that got into a preview page does nothing there:
    the policy works on file:// too (a copy of a page, with them added at the end of its body)."""
    home = (preview / "index.html").read_text(encoding="utf-8")
    hostile = preview / "hostile-copy.html"
    hostile.write_text(home.replace("</body>", "<script>document.title = 'PWNED'</script>"
                                               '<img src="https://evil.example/p.png" alt=""></body>', 1), encoding="utf-8")
    page = browser.new_page()
    sent, violations = [], []
    # Chromium reports a request the policy blocks as begun, then failed: only one that finished was sent.
    page.on("requestfinished", lambda request: sent.append(request.url))
    page.expose_function("reportPolicyViolation", lambda text: violations.append(text))
    page.add_init_script("document.addEventListener('securitypolicyviolation', (event) => "
                         "window.reportPolicyViolation(`${event.effectiveDirective} ${event.blockedURI}`), true);")
    try:
        page.goto(hostile.as_uri())
        page.wait_for_load_state("load")
        assert page.title() != "PWNED"
        assert not [url for url in sent if "evil.example" in url]
        page.wait_for_function("() => document.readyState === 'complete'")
        assert {violation.split()[0] for violation in violations} >= {"script-src-elem", "img-src"}, violations
    finally:
        page.close()
        hostile.unlink()

"""The preview a pull request keeps for reviewers (`python3 dev.py build --preview`) works when
unzipped and opened from disk, and when served by `python3 -m http.server`: pages link to each
other, and the decision tree walks to an outcome, with nothing fetched from anywhere else."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.browser.decision_tree_helpers import answer, expect_outcome, longest_path
from tests.local_server import free_port, serving
from tests.project_copy import PROJECT_ROOT


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

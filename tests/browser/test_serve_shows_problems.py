"""`python3 dev.py serve` on a broken edit: the preview never hangs, the page shows its problems
at its top (file, line, column, what to do), and the next good save brings it back by itself."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.local_server import free_port
from tests.project_copy import PROJECT_ROOT, copy_project

TREE_PAGE = "decision-tree/coverage/"


def _wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{url} did not answer within {seconds} s")
        time.sleep(0.5)


@pytest.fixture
def preview(tmp_path):
    """The README's preview command, pointed at a copy of the project and a free port."""
    project = copy_project(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "dev.py"), "serve", "-f", str(project / "mkdocs.yml"),
         "--dev-addr", f"127.0.0.1:{port}"],
        env=dict(os.environ, SITE_URL=base, NO_MKDOCS_2_WARNING="1"), stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(base)
        yield project, base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def test_a_broken_tree_shows_its_problems_on_its_page_and_comes_back_when_fixed(preview, browser):
    project, base = preview
    tree = project / "decision_tree" / "coverage.yml"
    good = tree.read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(base + TREE_PAGE)
    expect(page.locator("[data-decision-tree]")).to_have_count(1)

    typo_at = good.index("next: ") + len("next: ")
    line = good.count("\n", 0, typo_at) + 1
    column = typo_at - good.rfind("\n", 0, typo_at)
    tree.write_text(good[:typo_at] + "nowhere" + good[good.index("\n", typo_at):], encoding="utf-8")

    # Live reload brings the new page in by itself: the problems, where they are, what to do.
    banner = page.locator(".writer-problems")
    expect(banner).to_be_visible(timeout=90_000)
    expect(banner).to_contain_text(f"decision_tree/coverage.yml:{line}:{column}")
    expect(banner).to_contain_text('goes to "nowhere", which is not a question or an outcome')
    expect(banner).to_contain_text("What to do:")
    expect(page.locator("[data-decision-tree]")).to_have_count(0)

    # The server is not stuck: other pages still load, and say that another file has problems.
    home = _fetch(base)
    assert "problem" in home and "in other files" in home

    tree.write_text(good, encoding="utf-8")
    expect(page.locator("[data-decision-tree]")).to_have_count(1, timeout=90_000)
    expect(page.locator(".writer-problems")).to_have_count(0)
    page.close()


def test_a_page_with_a_script_shows_the_problem_on_that_page_and_nothing_of_the_page(preview, browser):
    # The preview has no Content-Security-Policy: the refused script must not reach the page.
    project, base = preview
    about = project / "docs" / "about.md"
    good = about.read_text(encoding="utf-8")
    about.write_text(good + '\n<script>document.title = "PWNED-SERVE-PAGE"</script>\n', encoding="utf-8")
    line = (good + "\n").count("\n") + 1
    page = browser.new_page()
    deadline = time.monotonic() + 90
    while ".writer-problems" not in _fetch(base + "about/") and time.monotonic() < deadline:
        time.sleep(1)
    page.goto(base + "about/")
    banner = page.locator(".writer-problems")
    expect(banner).to_contain_text(f"docs/about.md:{line}:1")
    expect(banner).to_contain_text("<script>")
    assert page.title() != "PWNED-SERVE-PAGE"
    first_paragraph = next(line for line in good.split("\n# ", 1)[1].splitlines()[1:] if line.strip())
    assert first_paragraph[:40] not in page.locator("article").inner_text()
    page.close()

"""The pages of the bad-input rows that build (tests/hardening/test_bad_input.py), in Chromium.

Every row whose outcome is "shown as text" or "works" is built into one copy of the site,
served on loopback, and opened the way a reader opens it: the page must make no request to
another origin, open no dialog (alert, confirm, prompt), log no error, and show the row's text
as text; and every link in the page's content must be, as Chromium itself parses it, a link to
this site, to a web address, or a mailto: or tel: link.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import PageWatch
from tests.hardening.bad_input_project import SHOWN_AS_TEXT, run_group
from tests.hardening.test_bad_input import GROUPS, NUMBERED


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


@pytest.fixture(scope="module")
def served_rows(tmp_path_factory):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    run = run_group(tmp_path_factory.mktemp("rows-in-browser"), GROUPS["builds"], site_url=origin + "/")
    assert run.build.returncode == 0, run.build_output[-3000:]
    server.RequestHandlerClass = functools.partial(_QuietHandler, directory=str(run.project / "site"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield origin, run
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("number", list(GROUPS["builds"]), ids=lambda number: f"row-{number:02}")
def test_a_row_that_builds_runs_no_script_and_reaches_no_other_site(number, served_rows, browser):
    origin, run = served_rows
    row, placed = NUMBERED[number], run.placed[number]
    context = browser.new_context()
    try:
        page = context.new_page()
        watch = PageWatch(page, origin)
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{origin}/{placed.page.removesuffix('index.html')}", wait_until="load")
        if row.outcome == SHOWN_AS_TEXT:
            # Text content, not rendered text: a tree page shows one question or outcome at a time.
            # A front matter title shows in the tab's title and the header, not in the article.
            text = " ".join((page.text_content("article") + " " + page.title()).split())
            for word in row.words:
                assert " ".join(word.split()) in text
        protocols = page.eval_on_selector_all("article a[href]", "links => links.map(link => link.protocol)")
        assert set(protocols) <= {"http:", "https:", "mailto:", "tel:"}, protocols
        assert dialogs == [], f"a dialog opened: {dialogs}"
        assert watch.foreign_requests() == []
        assert watch.errors == []
    finally:
        context.close()

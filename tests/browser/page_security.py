"""Browser helpers for the security tests: serve pages without their policy, or with an injection."""

from __future__ import annotations

import re
from typing import Callable

from playwright.sync_api import Error as PlaywrightError

CSP_META = re.compile(r"<meta\s+http-equiv=\"Content-Security-Policy\"[^>]*>", re.IGNORECASE)


def rewrite_html(page, change: Callable[[str], str]) -> None:
    """Pass every HTML response (pages, and the pages instant navigation fetches) through change."""

    def handle(route):
        try:
            response = route.fetch()
            if "text/html" in response.headers.get("content-type", ""):
                route.fulfill(response=response, body=change(response.text()))
            else:
                route.fulfill(response=response)
        except PlaywrightError:
            # The page dropped the request meanwhile (instant navigation cancels a fetch it no
            # longer needs): there is nothing left to answer.
            pass

    page.route("**/*", handle)


def without_content_security_policy(page) -> None:
    """Remove the policy, so a test sees what escaping alone does."""
    rewrite_html(page, lambda html: CSP_META.sub("", html))

"""Every page, opened in Chromium the way a reader opens it.

- no request leaves the site's origin and no script error is logged;
- nothing scrolls sideways on a 320 px phone;
- axe-core finds no accessibility violation, in the light and the dark palette.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.site_pages import page_addresses

PHONE = {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def test_pages_make_no_outside_requests_and_log_no_errors(built_site, site_server, new_page):
    page, watch = new_page()
    for address in page_addresses(built_site):
        page.goto(site_server + address, wait_until="networkidle")
    assert watch.foreign_requests() == []
    assert watch.errors == []


def test_no_page_scrolls_sideways_at_320_px(built_site, site_server, new_page):
    page, _ = new_page(**PHONE)
    too_wide = {}
    for address in page_addresses(built_site):
        page.goto(site_server + address, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[address or "/"] = width
    assert not too_wide, f"pages wider than a 320 px screen: {too_wide}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(built_site, site_server, new_page, scheme):
    page, _ = new_page(color_scheme=scheme)
    axe = Axe()
    found = {}
    for address in page_addresses(built_site):
        page.goto(site_server + address, wait_until="load")
        results = axe.run(page)
        if results.violations_count:
            found[address or "/"] = [
                f"{violation['id']}: {[node['target'] for node in violation['nodes']][:3]}"
                for violation in results.response["violations"]
            ]
    assert not found, found

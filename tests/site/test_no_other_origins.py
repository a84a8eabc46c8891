"""No built page loads anything from another origin: no CDN, no web fonts, no API badge.

This reads the HTML and CSS the build wrote. tests/browser/test_site_in_browser.py
checks the same thing at run time, with every request Chromium makes.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from tests.site.built_pages import BuiltPage, content_pages, read_page

# (tag, attribute) pairs that make the browser fetch something as the page loads.
LOADING_ATTRIBUTES = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("source", "src"),
    ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"),
    ("embed", "src"), ("object", "data"), ("input", "src"), ("track", "src"),
}
# <link rel=...> values that fetch or open a connection.
LOADING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "apple-touch-icon",
                     "manifest", "prefetch", "preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def _is_foreign(url: str, site_host: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob"):
        return False
    return bool(parts.netloc) and parts.netloc != site_host


def foreign_loads(page: BuiltPage, site_host: str) -> list[str]:
    found = []
    for tag, attrs in page.tags:
        for attribute, value in attrs.items():
            loads = (tag, attribute) in LOADING_ATTRIBUTES or (
                tag == "link" and attribute == "href"
                and LOADING_LINK_RELS & set(attrs.get("rel", "").lower().split())
            )
            if not loads:
                continue
            urls = [candidate.split()[0] for candidate in value.split(",") if candidate.strip()] if attribute.endswith("srcset") else [value]
            found += [f"<{tag} {attribute}={url}>" for url in urls if _is_foreign(url, site_host)]
    for match in CSS_URL.finditer(page.html):
        url = match.group(1) or match.group(2)
        if _is_foreign(url, site_host):
            found.append(f"CSS url({url})")
    return found


def test_the_check_catches_outside_loads():
    page = read_page_from_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example.org/x.js"></script><img srcset="/a.png 1x, https://x.org/b.png 2x">'
        '<style>@import "https://cdn.example.org/y.css";</style><a href="https://www.irs.gov/">fine</a>'
    )
    assert foreign_loads(page, "127.0.0.1:8000") == [
        "<link href=https://fonts.googleapis.com/css?family=Roboto>",
        "<script src=//cdn.example.org/x.js>",
        "<img srcset=https://x.org/b.png>",
        "CSS url(https://cdn.example.org/y.css)",
    ]


def read_page_from_text(html: str) -> BuiltPage:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "index.html"
        path.write_text(html, encoding="utf-8")
        return read_page(Path(folder), path)


def test_no_page_loads_from_another_origin(built_site: Path, site_origin: str):
    site_host = urlsplit(site_origin).netloc
    problems = {}
    for page in content_pages(built_site) + [read_page(built_site, built_site / "404.html")]:
        if found := foreign_loads(page, site_host):
            problems[page.path] = found
    assert not problems, problems


def test_no_stylesheet_or_script_loads_from_another_origin(built_site: Path, site_origin: str):
    site_host = urlsplit(site_origin).netloc
    problems = {}
    for asset in list(built_site.rglob("*.css")):
        for match in CSS_URL.finditer(asset.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if _is_foreign(url, site_host):
                problems.setdefault(asset.relative_to(built_site).as_posix(), []).append(url)
    assert not problems, problems

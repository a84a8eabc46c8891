"""Every link inside the site leads to a page that exists, and to an anchor on it.

`mkdocs build --strict` already checks links written in Markdown; this also covers
links the templates and the decision tree hook write into HTML.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.site.built_pages import content_pages, read_page

LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}


def broken_links(site_dir: Path, site_origin: str) -> list[str]:
    pages = {page.path: page for page in content_pages(site_dir)}
    pages["404.html"] = read_page(site_dir, site_dir / "404.html")
    problems = []
    for page in pages.values():
        base = f"{site_origin}/{page.url_path}"
        for tag, attrs in page.tags:
            for attribute, value in attrs.items():
                if (tag, attribute) not in LINKING or value.startswith(("mailto:", "tel:", "javascript:", "data:")):
                    continue
                if tag == "link" and "canonical" in attrs.get("rel", ""):
                    continue
                target = urlsplit(urljoin(base, value))
                if f"{target.scheme}://{target.netloc}" != site_origin:
                    continue  # a link out of the site, e.g. to a cited source
                path = unquote(target.path).lstrip("/")
                file = site_dir / path
                if path == "" or path.endswith("/"):
                    file = file / "index.html"
                if not file.is_file():
                    problems.append(f"{page.path}: {value} -> missing {path}")
                    continue
                if target.fragment and file.suffix == ".html":
                    linked = pages.get(file.relative_to(site_dir).as_posix()) or read_page(site_dir, file)
                    if unquote(target.fragment) not in linked.ids:
                        problems.append(f"{page.path}: {value} -> no #{target.fragment} on {path}")
    return problems


def test_every_internal_link_and_anchor_resolves(built_site: Path, site_origin: str):
    assert broken_links(built_site, site_origin) == []


def test_the_check_catches_a_broken_link(built_site: Path, site_origin: str, tmp_path: Path):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    about = copy / "about" / "index.html"
    about.write_text(
        about.read_text(encoding="utf-8").replace("</article>", '<a href="../no-such-page/">x</a><a href="../glossary/#no-such-term">y</a></article>'),
        encoding="utf-8",
    )
    problems = broken_links(copy, site_origin)
    assert any("no-such-page" in problem for problem in problems)
    assert any("no #no-such-term" in problem for problem in problems)

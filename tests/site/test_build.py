"""The real site builds with `mkdocs build --strict`, and every page carries what a reader needs."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.project_copy import PROJECT_ROOT
from tests.site.built_pages import content_pages, read_page

CONFIG = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)


def markdown_sources() -> list[str]:
    docs = PROJECT_ROOT / "docs"
    return sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))


def test_strict_build_writes_every_page(built_site: Path):
    for source in markdown_sources():
        stem = source[: -len(".md")]
        target = "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"
        assert (built_site / target).is_file(), f"{source} was not built to {target}"


def test_every_page_says_when_it_was_last_reviewed(built_site: Path):
    missing = [page.path for page in content_pages(built_site) if not page.find("p", "md-last-reviewed")]
    assert not missing, f"Add `last_reviewed: YYYY-MM-DD` to the front matter of: {missing}"


def test_every_page_says_it_is_general_us_information_not_advice(built_site: Path):
    for page in content_pages(built_site):
        assert "not medical, legal or tax advice" in page.html, page.path


def test_every_page_has_its_own_description(built_site: Path):
    """Search engines show the description; each page needs one of its own."""
    seen: dict[str, str] = {}
    for page in content_pages(built_site):
        descriptions = [meta["content"] for meta in page.find("meta") if meta.get("name") == "description"]
        assert descriptions, f"{page.path} has no description: add `description:` to its front matter"
        if page.path != "index.html":
            assert descriptions[0] != CONFIG["site_description"].strip(), (
                f"{page.path} uses the site's description: add `description:` to its front matter"
            )
        assert descriptions[0] not in seen, f"{page.path} has the same description as {seen.get(descriptions[0])}"
        seen[descriptions[0]] = page.path


def test_edit_links_open_the_page_source_in_the_repository(built_site: Path):
    repository_edit = CONFIG["repo_url"].rstrip("/") + "/" + CONFIG["edit_uri"]
    for source in markdown_sources():
        stem = source[: -len(".md")]
        target = "index.html" if stem == "index" else f"{stem}/index.html"
        page = read_page(built_site, built_site / target)
        edit_links = [a["href"] for a in page.find("a") if "md-content__button" in a.get("class", "")]
        assert repository_edit + source in edit_links, f"{target}: edit link {edit_links}"


def test_not_found_page_helps_the_reader_on(built_site: Path):
    page = read_page(built_site, built_site / "404.html")
    assert "We could not find that page" in page.html
    hrefs = [a.get("href", "") for a in page.find("a")]
    assert any(href.endswith("/decision-tree/coverage/") for href in hrefs)

"""The address of every page in the built site, for tests that visit them all."""

from __future__ import annotations

from pathlib import Path

from tests.site.built_pages import content_pages


def page_addresses(site_dir: Path) -> list[str]:
    """Directory-style paths such as "" (home) and "glossary/"."""
    return [page.url_path for page in content_pages(site_dir)]

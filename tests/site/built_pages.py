"""Read a built site's HTML pages for tests: their tags, attributes and ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class BuiltPage:
    path: str                      # path inside site/, e.g. "glossary/index.html"
    html: str
    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    @property
    def url_path(self) -> str:
        """The address path a reader sees, e.g. "glossary/" (directory URLs)."""
        return self.path[: -len("index.html")] if self.path.endswith("index.html") else self.path

    def find(self, tag: str, css_class: str | None = None) -> list[dict[str, str]]:
        """Attributes of every <tag>, optionally only those carrying css_class."""
        return [
            attrs for name, attrs in self.tags
            if name == tag and (css_class is None or css_class in attrs.get("class", "").split())
        ]


class _TagCollector(HTMLParser):
    def __init__(self, page: BuiltPage):
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.page.tags.append((tag, attributes))
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.page.ids.add(attributes["name"])


def read_page(site_dir: Path, html_file: Path) -> BuiltPage:
    page = BuiltPage(html_file.relative_to(site_dir).as_posix(), html_file.read_text(encoding="utf-8"))
    collector = _TagCollector(page)
    collector.feed(page.html)
    collector.close()
    return page


def content_pages(site_dir: Path) -> list[BuiltPage]:
    """Every page a reader can reach, except the 404 page."""
    return [
        read_page(site_dir, html_file)
        for html_file in sorted(site_dir.rglob("*.html"))
        if html_file.relative_to(site_dir).as_posix() != "404.html"
    ]

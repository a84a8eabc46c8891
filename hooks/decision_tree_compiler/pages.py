"""What the compiler needs to know about the guidance pages: which exist, their URLs, titles, anchors.

The compiler never looks at MkDocs: the build hook passes an index built from MkDocs' own file
list (so URLs match the site exactly), and the command line passes DocsFolder, which reads the
docs folder on disk and computes URLs the way MkDocs does with directory URLs.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Callable, Protocol

from site_security.markdown_cost import markdown_cost_problems

from .page_anchors import SiteMarkdown, site_markdown_from_config

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIRST_H1 = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_ATTR_LIST = re.compile(r"[ \t]*\{[^}]*\}[ \t]*$")


class Pages(Protocol):
    folder: str
    """The docs folder as writers know it, for messages: "docs/"."""

    def exists(self, docs_path: str) -> bool: ...

    def known_pages(self) -> list[str]: ...

    def url_for(self, docs_path: str) -> str | None:
        """The URL of a docs file relative to the tree's page, or None if there is no such file."""

    def title_of(self, docs_path: str) -> str: ...

    def anchors(self, docs_path: str) -> frozenset[str] | None:
        """The #ids a link may point to on a Markdown page, or None for a file that is not one
        (or whose anchors are not known): then any anchor is accepted."""


def first_heading(markdown_text: str) -> str | None:
    """The text of a page's first `# ` heading, ignoring front matter and `{#id}` attributes."""
    body = _FRONT_MATTER.sub("", markdown_text, count=1)
    match = _FIRST_H1.search(body)
    if match is None:
        return None
    return _ATTR_LIST.sub("", match.group(1)).strip() or None


def title_from_file_name(docs_path: str) -> str:
    stem = posixpath.splitext(posixpath.basename(docs_path))[0]
    return stem.replace("-", " ").replace("_", " ").capitalize()


def directory_url(docs_path: str) -> str:
    """The site URL MkDocs gives a docs file with use_directory_urls (the default)."""
    if not docs_path.endswith(".md"):
        return docs_path
    parent, name = posixpath.split(docs_path[: -len(".md")])
    if name in ("index", "README"):
        return f"{parent}/" if parent else ""
    return f"{parent}/{name}/" if parent else f"{name}/"


def relative_url(target_url: str, from_page_url: str) -> str:
    """target_url as a link written on the page at from_page_url (both site-relative)."""
    base = from_page_url[: from_page_url.rfind("/") + 1]  # the page's folder: "decision-tree/coverage/"
    relative = posixpath.relpath(target_url or ".", base or ".")
    if target_url.endswith("/") or target_url == "":
        relative += "/"  # keep directory URLs as directories: "../../how-insurers-decide/"
    return relative


class PageIndex:
    """Pages described by callables: lets the build hook use MkDocs' file list without the
    compiler importing MkDocs."""

    def __init__(
        self,
        *,
        folder: str,
        paths: list[str],
        url_for: Callable[[str], str | None],
        read_source: Callable[[str], str],
        markdown: SiteMarkdown | None = None,
    ):
        """markdown: the site's Markdown extensions, to find each page's anchors the way the site
        renders it; without it, anchors are not checked."""
        self.folder = folder
        self._paths = set(paths)
        self._url_for = url_for
        self._read_source = read_source
        self._markdown = markdown
        self._titles: dict[str, str] = {}
        self._anchors: dict[str, frozenset[str] | None] = {}

    def exists(self, docs_path: str) -> bool:
        return posixpath.normpath(docs_path) in self._paths

    def known_pages(self) -> list[str]:
        return sorted(path for path in self._paths if path.endswith(".md"))

    def url_for(self, docs_path: str) -> str | None:
        path = posixpath.normpath(docs_path)
        return self._url_for(path) if path in self._paths else None

    def title_of(self, docs_path: str) -> str:
        path = posixpath.normpath(docs_path)
        if path not in self._titles:
            self._titles[path] = first_heading(self._read_source(path)) or title_from_file_name(path)
        return self._titles[path]

    def anchors(self, docs_path: str) -> frozenset[str] | None:
        path = posixpath.normpath(docs_path)
        if path not in self._anchors:  # rendered once per page, and only for pages linked with #
            known = self._markdown is not None and path in self._paths and path.endswith(".md")
            source = self._read_source(path) if known else ""
            # A page Markdown would take minutes to read is not read here: the build refuses it.
            slow = known and bool(markdown_cost_problems(path, source))
            self._anchors[path] = self._markdown.anchors_of(source) if known and not slow else None
        return self._anchors[path]


class DocsFolder(PageIndex):
    """Pages read from a docs folder on disk, for the command line and the tests. URLs are
    computed the way MkDocs does with directory URLs; anchors with the Markdown extensions of the
    mkdocs.yml beside the docs folder, unless markdown is given."""

    def __init__(
        self, docs_dir: Path, page_src_uri: str, *, folder: str | None = None, markdown: SiteMarkdown | None = None
    ):
        self.docs_dir = Path(docs_dir)
        self.page_url = directory_url(page_src_uri)
        files = (
            [path.relative_to(self.docs_dir).as_posix() for path in self.docs_dir.rglob("*") if _ordinary_file(path, self.docs_dir)]
            if self.docs_dir.is_dir()
            else []
        )
        super().__init__(
            folder=folder or f"{self.docs_dir.name}/",
            paths=files,
            url_for=lambda path: relative_url(directory_url(path), self.page_url),
            read_source=self._read,
            markdown=markdown or site_markdown_from_config(self.docs_dir.parent / "mkdocs.yml"),
        )

    def _read(self, docs_path: str) -> str:
        try:
            with (self.docs_dir / docs_path).open("rb") as handle:
                return handle.read(MAX_PAGE_READ).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return ""


MAX_PAGE_READ = 1_000_000
"""The most of a page read for its title and anchors. The build refuses pages far smaller
(site_security/docs_files.py); this only keeps the command line from reading a huge file."""


def _ordinary_file(path: Path, docs_dir: Path) -> bool:
    """A file the site could publish: an ordinary file reached through no symbolic link (the
    build refuses links, so a tree may not link to one, and nothing behind one is read)."""
    folders = [docs_dir / folder for folder in path.relative_to(docs_dir).parents if folder != Path(".")]
    return path.is_file() and not path.is_symlink() and not any(folder.is_symlink() for folder in folders)

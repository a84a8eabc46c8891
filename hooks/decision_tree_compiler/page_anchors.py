"""The anchors (#ids) of a guidance page, found the way the site renders it.

A tree may link to `if-you-are-denied.md#internal-appeal`; the check needs the ids that page
will have. They come from rendering its Markdown with the site's own Markdown extensions (the
`markdown_extensions:` of mkdocs.yml, plus the ones MkDocs always adds) and collecting every
`id`, and every `name` of an `<a>`, in the HTML, raw HTML included: the same ids MkDocs
validates anchors against. The build hook passes the extensions MkDocs loaded; the command
line reads them from mkdocs.yml (site_markdown_from_config), so both see the same anchors.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml

from .html_reading import TolerantHTMLParser

# MkDocs adds these to every site's markdown_extensions (its config's built-ins).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class SiteMarkdown:
    """The Markdown extensions a site renders pages with."""

    extensions: list = field(default_factory=lambda: list(MKDOCS_BUILTIN_EXTENSIONS))
    configs: dict = field(default_factory=dict)

    def anchors_of(self, markdown_text: str) -> frozenset[str]:
        """The ids a link can point to on a page with this Markdown source."""
        body = _FRONT_MATTER.sub("", markdown_text, count=1)
        html = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs).convert(body)
        collector = _Ids()
        collector.feed(html)
        collector.close()
        return frozenset(collector.ids)


class _Ids(TolerantHTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: `!ENV [NAME, default]` gives the default, `!!python/name:x.y`
    imports x.y (as MkDocs does, for settings such as a toc slugify function), other tags None."""


def _env(loader, node):
    if isinstance(node, yaml.SequenceNode) and node.value:
        return loader.construct_object(node.value[-1])
    return None


def _python_name(loader, suffix, node):
    module, _, attribute = suffix.rpartition(".")
    try:
        return getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError, ValueError):
        return None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_markdown_from_config(mkdocs_yml: Path) -> SiteMarkdown:
    """The extensions mkdocs.yml configures, with MkDocs' built-ins; only those if it is missing."""
    try:
        config = yaml.load(Path(mkdocs_yml).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    extensions = list(MKDOCS_BUILTIN_EXTENSIONS)
    configs: dict = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, settings in item.items():
                if name not in extensions:
                    extensions.append(name)
                if isinstance(settings, dict):
                    configs[name] = {key: value for key, value in settings.items() if value is not None}
        elif isinstance(item, str) and item not in extensions:
            extensions.append(item)
    return SiteMarkdown(extensions, configs)

"""A page's anchors are found the way the site renders it, the same for the command line and the build."""

from __future__ import annotations

from pathlib import Path

from decision_tree_compiler.page_anchors import MKDOCS_BUILTIN_EXTENSIONS, SiteMarkdown, site_markdown_from_config
from decision_tree_compiler.pages import DocsFolder
from tests.project_copy import PROJECT_ROOT
from tests.site.built_pages import read_page

SITE = site_markdown_from_config(PROJECT_ROOT / "mkdocs.yml")


def test_the_extensions_come_from_mkdocs_yml_with_the_ones_mkdocs_always_adds():
    assert SITE.extensions[: len(MKDOCS_BUILTIN_EXTENSIONS)] == list(MKDOCS_BUILTIN_EXTENSIONS)
    for name in ("attr_list", "footnotes", "md_in_html", "pymdownx.details"):
        assert name in SITE.extensions
    assert SITE.configs["toc"] == {"permalink": True}


def test_env_tags_and_python_names_in_mkdocs_yml_are_read(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_url: !ENV [SITE_URL, 'https://x/']\nmarkdown_extensions:\n"
        "  - toc:\n      slugify: !!python/name:markdown.extensions.toc.slugify_unicode\n  - abbr\n",
        encoding="utf-8",
    )
    site = site_markdown_from_config(config)
    assert "abbr" in site.extensions
    assert site.anchors_of("## Grüße") == {"grüße"}
    assert site_markdown_from_config(tmp_path / "missing.yml") == SiteMarkdown()


def test_anchors_include_headings_attribute_ids_footnotes_and_raw_html():
    text = "---\ntitle: x\n---\n# Top\n\n## Internal appeal\n\n## Custom {#my-id}\n\nA note.[^1]\n\n[^1]: Source.\n\n<div id=\"raw\"><a name=\"old\"></a></div>\n"
    assert SITE.anchors_of(text) >= {"top", "internal-appeal", "my-id", "fn:1", "fnref:1", "raw", "old"}


def test_the_anchors_are_the_ids_of_each_built_page(built_site: Path):
    pages = DocsFolder(PROJECT_ROOT / "docs", "decision-tree/coverage.md")
    for source in sorted((PROJECT_ROOT / "docs").rglob("*.md")):
        docs_path = source.relative_to(PROJECT_ROOT / "docs").as_posix()
        anchors = pages.anchors(docs_path)
        built_dir = docs_path[: -len(".md")].removesuffix("index")
        built = read_page(built_site, built_site / built_dir / "index.html")
        content_ids = {attrs["id"] for tag, attrs in built.tags if "id" in attrs and tag.startswith("h") and tag[1:].isdigit()}
        assert anchors <= built.ids, (docs_path, anchors - built.ids)
        assert content_ids - {"__skip"} <= anchors, (docs_path, content_ids - anchors)


def test_files_that_are_not_markdown_pages_have_no_known_anchors():
    pages = DocsFolder(PROJECT_ROOT / "docs", "decision-tree/coverage.md")
    assert pages.anchors("assets/site.css") is None
    assert pages.anchors("no-such-page.md") is None
    assert "internal-appeal" in pages.anchors("if-you-are-denied.md")

"""What the compiler knows about the guidance pages: existence, URLs and titles."""

from __future__ import annotations

from decision_tree_compiler.page_anchors import SiteMarkdown
from decision_tree_compiler.pages import DocsFolder, directory_url, first_heading, relative_url


def test_directory_urls_match_mkdocs():
    assert directory_url("index.md") == ""
    assert directory_url("how-insurers-decide.md") == "how-insurers-decide/"
    assert directory_url("situations/index.md") == "situations/"
    assert directory_url("situations/acne-scars.md") == "situations/acne-scars/"
    assert directory_url("assets/site.css") == "assets/site.css"


def test_relative_urls_from_the_tree_page():
    assert relative_url("how-insurers-decide/", "decision-tree/coverage/") == "../../how-insurers-decide/"
    assert relative_url("", "decision-tree/coverage/") == "../../"
    assert relative_url("assets/site.css", "decision-tree/coverage/") == "../../assets/site.css"
    assert relative_url("a/", "") == "a/"
    assert relative_url("", "page.html") == "./"


def test_first_heading_skips_front_matter_and_attributes():
    assert first_heading("---\ntitle: x\n---\n\n# Real title { #id }\n\n## Not this\n") == "Real title"
    assert first_heading("No heading here.\n## Second level\n") is None
    assert first_heading("# Closed heading ##\n") == "Closed heading"


def test_docs_folder_reads_existence_and_titles(tmp_path):
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "sub" / "page.md").write_text("---\na: 1\n---\n# The page\n", encoding="utf-8")
    (tmp_path / "docs" / "untitled-page.md").write_text("Text only.\n", encoding="utf-8")
    pages = DocsFolder(tmp_path / "docs", "decision-tree/tree.md")
    assert pages.folder == "docs/"
    assert pages.exists("sub/page.md") and pages.exists("sub/../sub/page.md") and not pages.exists("nope.md")
    assert pages.known_pages() == ["sub/page.md", "untitled-page.md"]
    assert pages.url_for("sub/page.md") == "../../sub/page/"
    assert pages.url_for("nope.md") is None
    assert pages.title_of("sub/page.md") == "The page"
    assert pages.title_of("untitled-page.md") == "Untitled page"


def test_a_page_markdown_would_take_minutes_to_read_is_not_read_for_its_anchors(tmp_path):
    # A tree linking to page.md#part made check-tree render the page: '[' * 50,000 took minutes.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# The page\n\n## Part\n\n" + "[" * 50_000, encoding="utf-8")
    (tmp_path / "docs" / "fine.md").write_text("# The page\n\n## Part\n", encoding="utf-8")
    pages = DocsFolder(tmp_path / "docs", "decision-tree/tree.md", markdown=SiteMarkdown())
    assert pages.anchors("page.md") is None  # not known: the build refuses the page itself
    assert "part" in pages.anchors("fine.md")

"""The build hook, through real `mkdocs build --strict` runs in temporary copies of the project.

Builds take seconds, so each scenario builds once (module-scoped fixtures); the real site is
the session-wide `built_site` from tests/conftest.py.
"""

from __future__ import annotations

import importlib.util
import json
import posixpath
import shutil
from pathlib import Path

import pytest
import yaml

from tests.decision_tree_compiler.helpers import changed
from tests.decision_tree_compiler.html_tree import parse_html
from tests.project_copy import PROJECT_ROOT, build, copy_project

FIXTURES = Path(__file__).parent / "fixtures"
REPO_EDIT = "https://github.com/microneedling-coverage/guide/edit/main/"
COVERAGE_PAGE = "decision-tree/coverage/index.html"


def page(site: Path, path: str = COVERAGE_PAGE):
    return parse_html((site / path).read_text(encoding="utf-8"))


def edit_link(document) -> str:
    [link] = [a for a in document.find_all("a") if "md-content__button" in a.classes]
    return link.attrs["href"]


def output_of(result) -> str:
    return result.stdout + result.stderr


# --- the real tree -----------------------------------------------------------------------------


def test_the_tree_page_is_built_from_the_yaml(built_site):
    document = page(built_site)
    root = document.find("div", cls="dt")
    assert root.attrs["data-decision-tree"] == "coverage"
    assert document.find("h1").text.startswith("Check your coverage for microneedling")
    assert "dt-start" in root.find("section", cls="dt-node").classes


def test_the_page_says_when_it_was_last_reviewed(built_site):
    tree_text = (PROJECT_ROOT / "decision_tree" / "coverage.yml").read_text(encoding="utf-8")
    reviewed = tree_text.split("\nlast_reviewed: ", 1)[1].split("\n", 1)[0]
    assert page(built_site).find("p", cls="md-last-reviewed").find("time").attrs["datetime"] == reviewed


def test_the_edit_link_opens_the_yaml_file(built_site):
    assert edit_link(page(built_site)) == REPO_EDIT + "decision_tree/coverage.yml"


def test_the_compiled_html_reaches_the_page_unchanged(built_site):
    """Python-Markdown must pass the raw HTML block through untouched."""
    from decision_tree_compiler.compiler import compile_tree_file, page_src_uri
    from decision_tree_compiler.pages import DocsFolder

    compiled = compile_tree_file(PROJECT_ROOT / "decision_tree" / "coverage.yml", file="decision_tree/coverage.yml",
                                 pages=DocsFolder(PROJECT_ROOT / "docs", page_src_uri("coverage"))).compiled
    assert compiled.html in (built_site / COVERAGE_PAGE).read_text(encoding="utf-8")


def test_search_indexes_the_questions_and_outcomes(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tree_entries = [entry for entry in index["docs"] if entry["location"].startswith("decision-tree/coverage/")]
    text = " ".join(entry["title"] + " " + entry["text"] for entry in tree_entries)
    # Strings taken from the real tree, so rewording the content does not break this test.
    tree = yaml.safe_load((PROJECT_ROOT / "decision_tree" / "coverage.yml").read_text(encoding="utf-8"))
    first_question = tree["questions"][tree["start"]]
    assert first_question["text"] in text
    assert first_question["options"][0]["label"] in text
    assert next(iter(tree["outcomes"].values()))["title"] in text
    assert '"questions"' not in text  # the JSON data is not indexed as prose


def test_links_from_the_tree_page_reach_built_pages(built_site):
    document = page(built_site)
    root = document.find("div", cls="dt")
    # (The drawing's boxes hold theirs in xlink:href, always "#" and a section's id.)
    hrefs = [a.attrs["href"] for a in root.find_all("a") if not a.attrs.get("href", "#").startswith("#")]
    assert hrefs
    for href in hrefs:
        target = posixpath.normpath(posixpath.join("decision-tree/coverage/", href.split("#")[0]))
        assert (built_site / target / "index.html").exists(), href


def test_nothing_is_written_into_the_docs_folder(built_site):
    assert not (built_site.parent / "docs" / "decision-tree").exists()


# --- a broken tree -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("broken-tree"))
    tree = project / "decision_tree" / "coverage.yml"
    text = tree.read_text(encoding="utf-8")
    text = changed("        next: function\n", "        next: functon\n", text)
    text = changed("    verdict: alternatives\n    title: Ask about a treatment", "    verdict: maybe\n    title: Ask about a treatment", text)
    tree.write_text(text, encoding="utf-8")
    return text, build(project)


def test_a_broken_tree_fails_the_build_cleanly_with_every_problem(broken_build):
    text, result = broken_build
    assert result.returncode != 0
    output = output_of(result)
    assert "Traceback" not in output
    typo_line = text[: text.index("next: functon")].count("\n") + 1
    verdict_line = text[: text.index("verdict: maybe")].count("\n") + 1
    assert (
        f'decision_tree/coverage.yml:{typo_line}:15: option 1 of question "exclusion" goes to "functon", '
        "which is not a question or an outcome.\n"
        f"   {typo_line} |         next: functon\n"
        f"   {' ' * len(str(typo_line))} |               ^^^^^^^\n"
        '   What to do: Did you mean "function"?'
    ) in output
    assert 'Did you mean "function"?' in output
    assert f'decision_tree/coverage.yml:{verdict_line}:14: outcome "covered-alternatives" has the verdict "maybe"' in output
    assert "Found 2 problems in 1 file." in output


# --- a second tree -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_tree_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("two-trees"))
    shutil.copy(FIXTURES / "second.yml", project / "decision_tree" / "second.yml")
    config = project / "mkdocs.yml"
    config.write_text(
        changed("  - Check your coverage: decision-tree/coverage.md\n",
                "  - Check your coverage: decision-tree/coverage.md\n  - Second tree: decision-tree/second.md\n",
                config.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, output_of(result)
    return project / "site"


def test_a_second_tree_file_gives_a_second_page(two_tree_site):
    second = page(two_tree_site, "decision-tree/second/index.html")
    assert second.find("div", cls="dt").attrs["data-decision-tree"] == "second"
    assert edit_link(second) == REPO_EDIT + "decision_tree/second.yml"
    assert second.find("div", cls="dt-help").find("a").attrs["href"] == "../../glossary/"
    assert page(two_tree_site).find("div", cls="dt").attrs["data-decision-tree"] == "coverage"


# --- the nav reminder --------------------------------------------------------------------------


def _hook_module():
    spec = importlib.util.spec_from_file_location("decision_tree_hook", PROJECT_ROOT / "hooks" / "decision_tree_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_nav_lookup_finds_pages_at_any_depth():
    listed_in_nav = _hook_module()._listed_in_nav
    nav = [{"Home": "index.md"}, {"Tools": [{"Check": "decision-tree/coverage.md"}]}, "plain.md"]
    assert listed_in_nav(nav, "decision-tree/coverage.md")
    assert listed_in_nav(nav, "plain.md")
    assert not listed_in_nav(nav, "decision-tree/second.md")

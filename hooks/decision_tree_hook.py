"""MkDocs hook: every decision_tree/<id>.yml becomes the page decision-tree/<id>/.

A thin adapter. All the work (load, check, render) is in the decision_tree_compiler package
next to this file, which knows nothing about MkDocs. This file only:
- finds the tree files next to mkdocs.yml;
- tells the compiler which docs files exist, their URLs relative to the new page, their text,
  and the Markdown extensions the site renders them with (for their anchors);
- hands the problems of a tree that is wrong to writer_problems (which ends the build with every
  problem of every file, or shows them on the page under `mkdocs serve`), and makes its page a
  short note instead, so the rest of the site is still built and checked;
- adds each page to the site without writing into docs/, with an "edit" link to the YAML file;
- adds the pages' script and stylesheet (page_assets.py) to the site.
"""

from __future__ import annotations

import os
from pathlib import Path

# MkDocs puts this file's folder on sys.path only while importing it, so import the package now.
from decision_tree_compiler.compiler import compile_tree_file, page_src_uri
from decision_tree_compiler.page_assets import ASSETS, SCRIPT, STYLESHEET, asset_files
from decision_tree_compiler.page_anchors import SiteMarkdown
from decision_tree_compiler.pages import PageIndex
from decision_tree_compiler.problems import problem_at, START_OF_FILE
from decision_tree_compiler.unseen_characters import one_line
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url
from writer_problems.banner import broken_tree_page
from writer_problems.report import REPORT

TREE_FOLDER = "decision_tree"

log = get_plugin_logger(__name__)


def on_config(config):
    # On every page, not only the tree's: instant navigation never loads a new script or
    # stylesheet when it swaps pages. `mkdocs serve` reloads when they change.
    config.extra_css.append(STYLESHEET)
    config.extra_javascript.append(SCRIPT)
    config.watch.append(str(ASSETS))
    return config


def on_files(files: Files, config) -> Files:
    for path, text in asset_files().items():
        files.append(File.generated(config, path, content=text))
    project = Path(config.config_file_path).parent
    tree_folder = project / TREE_FOLDER
    for ignored in sorted(tree_folder.glob("*.yaml")):
        log.warning(f"{one_line(ignored.relative_to(project).as_posix())} is ignored: tree files must end in .yml.")

    docs_folder = Path(os.path.relpath(config.docs_dir, project)).as_posix() + "/"
    docs_paths = [file.src_uri for file in files]
    for tree_path in sorted(tree_folder.glob("*.yml")):
        shown_path = tree_path.relative_to(project).as_posix()
        src_uri = page_src_uri(tree_path.stem)
        if files.get_file_from_path(src_uri) is not None:
            clash = problem_at(
                f"{docs_folder}{src_uri}", START_OF_FILE,
                f"this page has the address of the page made from {shown_path}, so one would hide the other.",
                f"Delete {docs_folder}{src_uri}, or rename the tree file.", "page-made-by-tree",
            )
            REPORT.add([clash], page=src_uri)
            continue
        page = File.generated(config, src_uri, content="")

        def url_for(docs_path: str, page: File = page) -> str:
            return get_relative_url(files.get_file_from_path(docs_path).url, page.url)

        pages = PageIndex(
            folder=docs_folder,
            paths=docs_paths,
            url_for=url_for,
            read_source=lambda docs_path: files.get_file_from_path(docs_path).content_string,
            # Anchors of linked pages, found with the Markdown extensions MkDocs renders them with.
            markdown=SiteMarkdown(list(config.markdown_extensions), dict(config.mdx_configs)),
        )
        result = compile_tree_file(tree_path, file=shown_path, pages=pages)
        if any(problem.code == "invalid-tree-id" for problem in result.problems):
            REPORT.add(result.problems)  # no page at an address made from a name that cannot be one
            continue
        # The "edit this page" link: edit_uri points at docs/, so go up from there to the YAML.
        page.edit_uri = Path(os.path.relpath(tree_path, config.docs_dir)).as_posix()
        files.append(page)
        if not result.ok:
            REPORT.add(result.problems, page=src_uri)
            page.content_string = broken_tree_page(shown_path)
            continue
        if config.nav is not None and not _listed_in_nav(config.nav, src_uri):
            # MkDocs would only say the page "exists in the docs directory", which it does not.
            log.warning(one_line(
                f"{shown_path} becomes the page {src_uri}, but the nav: in mkdocs.yml does not list it. "
                f"Add a line like `- {result.compiled.tree.title}: {src_uri}` under nav:."
            ))
        page.content_string = result.compiled.page_markdown
    return files


def _listed_in_nav(nav, src_uri: str) -> bool:
    """Whether a page appears anywhere in the nav: setting (nested lists of titles and paths)."""
    if isinstance(nav, str):
        return nav == src_uri
    if isinstance(nav, dict):
        return any(_listed_in_nav(value, src_uri) for value in nav.values())
    if isinstance(nav, list):
        return any(_listed_in_nav(item, src_uri) for item in nav)
    return False

"""MkDocs hook: no guidance page may run script or load anything from another site.

A thin adapter for markup_safety/, which knows nothing about MkDocs. For each page from docs/
it checks the HTML the page renders to, and reports problems on the lines of the page's
Markdown file. All pages are checked before the build stops, so a writer sees every problem
of every page at once. Pages made by other hooks (the decision tree pages) are left to the
code that makes them, which checks what goes into them.
"""

from __future__ import annotations

import os
from pathlib import Path

from markup_safety.page_check import page_problems
from decision_tree_compiler.problems import format_problems, github_annotation, github_annotations_wanted, summary_line
from mkdocs.exceptions import PluginError

_problems = []


def on_pre_build(config):
    _problems.clear()  # `mkdocs serve` keeps this module between builds


def on_page_content(html, page, config, files):
    if page.file.generated_by is None:
        project = Path(config.config_file_path).parent
        docs_folder = Path(os.path.relpath(config.docs_dir, project)).as_posix()
        _problems.extend(page_problems(f"{docs_folder}/{page.file.src_uri}", page.file.content_string, html))
    return html


def on_env(env, config, files):
    # Every page's content is rendered by now, and nothing has been written yet.
    if _problems:
        problems = list(_problems)
        _problems.clear()
        if github_annotations_wanted():  # each problem on its line in the pull request's Files tab
            print("\n".join(github_annotation(problem) for problem in problems), flush=True)
        raise PluginError(f"Pages have problems:\n{format_problems(problems)}\n{summary_line(problems)}")
    return env

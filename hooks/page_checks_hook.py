"""MkDocs hook: no guidance page may run script or load anything from another site.

A thin adapter for site_security/, which knows nothing about MkDocs. For each page from docs/
it checks the HTML the page renders to (docs_files_hook.py has already refused, before
Markdown reads it, a page Markdown cannot read), and reports problems on the lines of the page's Markdown file; stylesheets that docs/ publishes as they are are checked for other-site addresses
(docs_files_hook.py has already refused every other kind of file a browser could run). The
problems go to writer_problems, which ends the build once every page is checked (so a writer
sees every problem of every page at once), or shows them on the page under `mkdocs serve`.
Pages made by other hooks (the decision tree pages) are left to the code that makes them,
which checks what goes into them.
"""

from __future__ import annotations

import os
from pathlib import Path

from site_security.page_check import CSS_SUFFIXES, page_problems, static_file_problems
from writer_problems.report import REPORT


def _shown(config, file) -> str:
    project = Path(config.config_file_path).parent
    return f"{Path(os.path.relpath(config.docs_dir, project)).as_posix()}/{file.src_uri}"


def on_files(files, config):
    docs_dir = Path(config.docs_dir).resolve()
    for file in files:
        # Only what comes from docs/: the theme's own files are not written by pull requests.
        from_docs = file.generated_by is None and file.abs_src_path and docs_dir in Path(file.abs_src_path).resolve().parents
        if from_docs and file.src_uri.lower().endswith(CSS_SUFFIXES):
            try:
                text = Path(file.abs_src_path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # not text: nothing a browser would read as markup or style
            REPORT.add(static_file_problems(_shown(config, file), text))
    return files


def on_page_content(html, page, config, files):
    if page.file.generated_by is None:
        REPORT.add(page_problems(_shown(config, page.file), page.file.content_string, html), page=page.file.src_uri)
    return html

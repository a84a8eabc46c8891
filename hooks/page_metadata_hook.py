"""MkDocs hook: front matter holds only what a page may set, and reaches the page as text.

A thin adapter for site_security/front_matter.py (which keys and kinds of value a page may set)
and site_security/page_metadata.py (why every text is escaped once, here). It runs once per
page, right after MkDocs has read the front matter and before any template sees it: a docs
page's problems go to writer_problems, and the theme only ever gets the allowed keys, escaped.
"""

from __future__ import annotations

import os
from pathlib import Path

# MkDocs puts this file's folder on sys.path only while importing it, so import the package now.
from site_security.front_matter import allowed_front_matter, front_matter_problems
from site_security.page_metadata import metadata_as_html
from writer_problems.report import REPORT


def on_page_markdown(markdown, page, config, **kwargs):
    if page.file.generated_by is None:  # pages made by other hooks write their own front matter
        project = Path(config.config_file_path).parent
        shown = f"{Path(os.path.relpath(config.docs_dir, project)).as_posix()}/{page.file.src_uri}"
        REPORT.add(front_matter_problems(shown, page.file.content_string, page.meta), page=page.file.src_uri)
    page.meta = metadata_as_html(allowed_front_matter(page.meta))
    return markdown

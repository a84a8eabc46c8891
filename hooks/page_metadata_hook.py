"""MkDocs hook: front matter reaches the page as text, never as markup.

A thin adapter for site_security/page_metadata.py (which explains why): it runs once per page,
right after MkDocs has read the page's front matter and before any template prints it.
"""

from __future__ import annotations

# MkDocs puts this file's folder on sys.path only while importing it, so import the package now.
from site_security.page_metadata import metadata_as_html


def on_page_markdown(markdown, page, **kwargs):
    page.meta = metadata_as_html(page.meta)
    return markdown

"""Front matter is text; the theme prints it as HTML. Escape it once, where it is read.

MkDocs and Material treat a page's title as HTML: MkDocs takes it from the rendered H1 (tags
removed, entities kept) and Material prints it, `page.meta.title`, `page.meta.description` and
the other front matter values it shows (subtitle, status, author) into the page unescaped. A
front matter value is what a writer typed, so `title: 'Cost <svg onload="...">'` in a docs page,
or a decision tree's title (the tree page's front matter), would run as script in `<title>`,
the header, the nav, the footer and `<meta name="description">`.

metadata_as_html turns every text value of the front matter into escaped HTML, as a
markupsafe.Markup string: what Jinja treats as already safe. So the `| e` filters in the theme
leave it alone, and escaping it again (a second build of the same page in `mkdocs serve`, or
this function run twice) changes nothing: nothing is escaped twice. Everything that is not text
(a `last_reviewed:` date, `search: {exclude: true}`) stays as it is; lists and mappings are
walked, so `hide: [toc]` and `tags:` are covered too.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def as_html(value):
    """A front matter value with every string in it escaped once (Markup), the rest unchanged."""
    if isinstance(value, str):
        return value if isinstance(value, Markup) else escape(value)
    if isinstance(value, list):
        return [as_html(item) for item in value]
    if isinstance(value, dict):
        return {key: as_html(item) for key, item in value.items()}
    return value


def metadata_as_html(meta: dict) -> dict:
    """The page's front matter, ready for templates that print it as HTML."""
    return as_html(meta)

"""Front matter becomes escaped HTML once, and the theme's own escaping never repeats it."""

from __future__ import annotations

import datetime

import jinja2
from markupsafe import Markup
from site_security.page_metadata import metadata_as_html

HOSTILE = 'Cost "x" & <svg onload="alert(1)">'
ESCAPED = "Cost &#34;x&#34; &amp; &lt;svg onload=&#34;alert(1)&#34;&gt;"


def test_every_string_is_escaped_and_the_rest_is_kept():
    reviewed = datetime.date(2026, 11, 27)
    meta = metadata_as_html(
        {"title": HOSTILE, "hide": ["toc", "<b>"], "search": {"exclude": True, "boost": 2},
         "last_reviewed": reviewed, "status": 'new"><script>'}
    )
    assert meta["title"] == ESCAPED and isinstance(meta["title"], Markup)
    assert meta["hide"] == ["toc", "&lt;b&gt;"]
    assert meta["search"] == {"exclude": True, "boost": 2}
    assert meta["last_reviewed"] is reviewed
    assert meta["status"] == "new&#34;&gt;&lt;script&gt;"


def test_escaping_twice_is_escaping_once():
    once = metadata_as_html({"title": HOSTILE, "tags": [HOSTILE]})
    assert metadata_as_html(once) == once


def test_templates_print_it_as_text_with_or_without_their_own_escaping():
    meta = metadata_as_html({"title": HOSTILE})
    environment = jinja2.Environment()  # as MkDocs sets it up: no autoescape
    for source in ("{{ meta.title }}", "{{ meta.title | e }}", "{{ meta.title | escape | e }}"):
        assert environment.from_string(source).render(meta=meta) == ESCAPED, source
    # Material's "<title>{{ ... }} - site</title>" and concatenation keep it escaped too.
    assert environment.from_string("{{ meta.title ~ ' - site' }}").render(meta=meta) == ESCAPED + " - site"

"""The Content-Security-Policy every page of the site carries, computed from the built HTML.

GitHub Pages cannot send headers, so the policy is a `<meta http-equiv="Content-Security-Policy">`
at the top of each page's <head>, before any script (a policy only governs what comes after it).
It is the last line of defence: if a writer's text ever escaped its escaping, the browser still
runs no script and loads nothing the policy does not name.

    default-src 'self'        everything from this site only: no CDN, fonts, analytics or APIs
    script-src 'self' <hashes> the site's own script files, and the inline scripts the theme
                              writes, each allowed by its sha256 hash; never 'unsafe-inline', so
                              no inline script or event handler a writer slipped in, and no
                              `javascript:` link, can run
    style-src 'self'          stylesheet files only. Material sets its moving parts (header
                              shadow, tooltips, scroll lock) through element.style in its script,
                              which a policy does not govern; its templates write no style=""
                              attribute and no <style> element (the browser tests prove no page
                              reports a violation). So 'unsafe-inline' is not needed, and a
                              writer's style="" cannot restyle the page
    img-src 'self' data:      Material's icons are data: URLs inside its stylesheet
    object-src 'none'         no plugins
    base-uri 'self'           no <base> that would send relative links elsewhere
    form-action 'self'        no form that posts elsewhere

The theme's inline scripts differ from page to page (one holds the page's path back to the site's
root, "../.."), and Material's instant navigation swaps pages without reloading, running the new
page's inline scripts under the policy of the first page a reader opened. So there is one policy
for the whole site, holding the hashes of every theme inline script on every page: the build
hook collects them from each page's HTML minus the page's own content (writers' text never
counts as the theme's), then writes the same policy into every page. A Material upgrade that
changes its inline scripts changes the hashes with it.

Plain Python, no MkDocs: hooks/content_security_policy_hook.py is the adapter.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html import escape
from decision_tree_compiler.html_reading import TolerantHTMLParser

# Types that make a <script> run (HTML's JavaScript MIME types, modules) or that the policy
# checks like scripts (import maps, speculation rules). Any other type is a data block, such as
# <script type="application/json">, which never runs and needs no hash.
_JAVASCRIPT_TYPES = frozenset({
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
})

META_NAME = "Content-Security-Policy"


class _InlineScripts(TolerantHTMLParser):
    """Collects the text of every inline script that would run."""

    def __init__(self):
        super().__init__(convert_charrefs=True)  # script text is raw either way: no entities there
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag != "script":
            return
        attributes = dict(attrs)
        runs = (attributes.get("type") or "").strip().lower() in _JAVASCRIPT_TYPES
        self._current = [] if runs and "src" not in attributes else None

    def handle_data(self, data):
        if self._current is not None and self.lasttag == "script":
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    """The text of each inline <script> in html that the browser would run, in order."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(text: str) -> str:
    """The script-src source that allows exactly this inline script: 'sha256-<base64>'.

    Browsers hash the script's text as UTF-8, after turning every CR LF and CR into LF."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def theme_script_hashes(page_html: str, content_html: str | None = None) -> set[str]:
    """Hashes of the inline scripts the theme wrote into a page: those in page_html outside the
    page's own content (content_html, the HTML made from the writer's Markdown)."""
    theme_html = page_html.replace(content_html, "") if content_html else page_html
    return {script_hash(text) for text in inline_scripts(theme_html)}


def policy(script_hashes: Iterable[str]) -> str:
    """The policy's text (the module's docstring says why each directive is there)."""
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *sorted(set(script_hashes))]),
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def policy_meta(policy_text: str) -> str:
    return f'<meta http-equiv="{META_NAME}" content="{escape(policy_text)}">'


# The start of every page the theme writes, up to its <meta charset>: doctype, <html>, <head>,
# <meta charset="utf-8">, with only white space between (Material's base.html). Nothing a page
# or a writer controls can come before that point, so the policy put right after it is the first
# thing the browser reads in <head>, before any script. A page that does not start so (a theme
# upgrade, an override) stops the build instead of getting a policy in a place the browser
# might ignore: a regular expression looking for "<head>" anywhere was fooled by
# `<!-- <head> -->` (the policy then sat in a comment) and by `<p>x</p><head>` (in the body).
_ATTRIBUTES = r"""(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*"""
_PAGE_START = re.compile(
    rf"""\A\ufeff?\s*<!doctype\s+html\s*>\s*<html{_ATTRIBUTES}>\s*<head{_ATTRIBUTES}>\s*"""
    r"""<meta\s+charset\s*=\s*(?:"utf-8"|'utf-8'|utf-8)\s*/?>"""
    # A policy this function wrote before (`mkdocs build --dirty`), to be replaced.
    rf"""(?P<ours><meta http-equiv="{META_NAME}" content="[^"]*">)?""",
    re.IGNORECASE,
)
THEME_PAGE_START = '<!doctype html>, <html ...>, <head>, <meta charset="utf-8">'
"""How a page must start, in words, for the message when one does not."""


class UnexpectedPage(ValueError):
    """The page does not start as the theme's pages do, so there is no sure place for the policy."""


def with_policy(html: str, policy_text: str) -> str:
    """html with the policy's <meta> right after the theme's `<meta charset>`, which must open
    <head> at the very start of the page (_PAGE_START says why), before any script.

    A policy meta this function wrote there before is replaced, so running it twice is harmless.
    Raises UnexpectedPage for any page that does not start that way.
    """
    start = _PAGE_START.match(html)
    if start is None:
        raise UnexpectedPage(
            f"does not start the way the theme writes its pages ({THEME_PAGE_START}, with only white space "
            "between them), so there is no sure place for the Content-Security-Policy."
        )
    at = start.start("ours") if start.group("ours") is not None else start.end()
    return html[:at] + policy_meta(policy_text) + html[start.end():]

"""Render the Markdown fields of a tree (intro, help, body) to HTML, rewriting links to pages.

Writers link to guidance pages by file name under docs/ ([appeal](if-you-are-denied.md)); the
page the tree becomes lives elsewhere, so every relative link is rewritten through the
`url_for` function the caller passes, and a link to a file that does not exist is reported.

Speed: Python-Markdown takes 0.1 to 0.5 ms per field, too slow for trees with tens of thousands
of fields. Most fields use a small part of Markdown: paragraphs, `-` or `1.` lists, **bold**,
*italic*, `code` and [links](page.md). `_fast_render` renders exactly that part itself and
declines anything else (returns None), which then goes through Python-Markdown. Its output is
byte-for-byte what Python-Markdown produces; tests/decision_tree_compiler/test_markdown_fields.py
checks that on generated texts. Raw HTML in a field is shown as text, never passed through:
every string from the YAML is escaped for where it goes.

Links and images are held to site_security's allow-list, decided on the address a browser will
read: a link may go to a page of this site, to an https:// or http:// address, or be mailto: or
tel:; an image must be a file of this site. The rendered HTML itself is scanned
(site_security.html_findings), so no Markdown construct can slip a script or another site's
image past the check. A link to `page.md#anchor` must name an anchor that page has.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, NamedTuple
from urllib.parse import unquote

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX
from site_security.html_findings import Finding, find_problems
from site_security.urls import link_refusal, read_url, resource_refusal

UrlFor = Callable[[str], "str | None"]
AnchorsOf = Callable[[str], "Iterable[str] | None"]

# Python-Markdown writes "&" and backslash-escaped characters as placeholders until it
# serializes; an address is judged on what the browser will finally read.
_ESCAPED = re.compile(f"{STX}([0-9]+){ETX}")
# The attributes Python-Markdown writes (always in double quotes) for the Markdown a field may use.
_ATTRIBUTE = re.compile(r' ([a-z:-]+)="([^"]*)"')
_PLAIN_ATTRIBUTES = frozenset({"alt", "title"})


class FieldHtml(NamedTuple):
    html: str
    unknown_links: list[str]
    """Link targets (as written, without #anchor) that are not files in the docs folder."""
    missing_anchors: list[tuple[str, str]]
    """(target as written, anchor) of links to a page that has no such anchor."""
    findings: list[Finding]
    """Links and images the allow-list refuses (site_security.html_findings)."""


class _Resolved(NamedTuple):
    href: str
    unknown: str | None = None
    missing_anchor: tuple[str, str] | None = None

# --- the fast subset ------------------------------------------------------------------------

_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_ORDERED_ITEM = re.compile(r"(\d{1,9})\. (\S.*)\Z")
_BULLET_ITEM = re.compile(r"- (\S.*)\Z")
# A paragraph line starting like any other block (list, heading, quote, rule, setext underline)
# might mean something else to Python-Markdown: decline it.
_BLOCK_LIKE_LINE = re.compile(r"(?:[-*+] |\d+\.|#|>|[-=*_ ]+\Z)")

_INNER = r"[^\s*`\[\]<>&\\_](?:[^*`\[\]<>&\\_\n]*[^\s*`\[\]<>&\\_])?"
_TOKEN_PATTERN = (
    rf"\*\*(?P<strong>{_INNER})\*\*"
    rf"|\*(?P<em>{_INNER})\*"
    r"|`(?P<code>[^`\s](?:[^`\n]*[^`\s])?)`"
    rf"|\[(?P<text>{_INNER})\]\((?P<href>[^\s()<>\"'`\\&]+)\)"
)
_TOKEN = re.compile(_TOKEN_PATTERN)
_PLAIN_CHARACTER = r"[^*`\[\]<>&\\_]"
_PLAIN_TEXT = re.compile(rf"{_PLAIN_CHARACTER}*\Z")
# A whole line of the subset: plain text and tokens, each token after a space, "(" or a quote
# (or at the start) and before a space, a closing punctuation mark or a quote (or at the end).
# Anything else (intraword emphasis, "![image]", a stray "*") is left to Python-Markdown.
_INLINE_LINE = re.compile(
    rf"(?:{_PLAIN_CHARACTER}|(?<![^ (\"'])(?:{_TOKEN_PATTERN})(?![^ .,;:!?)\"']))*\Z"
)


def _escape_code(text: str) -> str:
    # What Python-Markdown's code_escape does: &, < and > only.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(text: str) -> str:
    # What Python-Markdown's serializer does for attribute values.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class MarkdownFields:
    """Renders one tree's Markdown fields; create one per tree page (links depend on the page).

    anchors_of(docs_path) gives the anchors a page has, or None when they are not known."""

    def __init__(self, url_for: UrlFor, anchors_of: AnchorsOf | None = None):
        self._url_for = url_for
        self._anchors_of = anchors_of
        self._unknown_links: list[str] = []
        self._missing_anchors: list[tuple[str, str]] = []
        self._rewritten: dict[str, _Resolved] = {}
        self._allowed: dict[tuple[str, str], bool] = {}
        self._md = markdown.Markdown(output_format="html")
        # Raw HTML is shown as text: a writer's "<script>" must never reach the page as markup.
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_LinkRewriter(self._md, self._rewrite), "decision-tree-links", 1)

    def render(self, text: str) -> FieldHtml:
        """HTML for text, and what is wrong with its links and images."""
        self._unknown_links = []
        self._missing_anchors = []
        html = _fast_render(text, self._rewrite)
        if html is None:
            self._md.reset()
            html = self._md.convert(text)
        findings = find_problems(html) if self._worth_scanning(html) else []
        return FieldHtml(html, self._unknown_links, self._missing_anchors, findings)

    def _worth_scanning(self, html: str) -> bool:
        """Whether the full HTML scan could find anything (it costs more than the render).

        Fields make only links and images, whose attributes Python-Markdown always writes in
        double quotes: if each address is allowed (decided once per address, as trees repeat
        a few) and no other attribute appears, the scan would find nothing. Anything else, even
        escaped text that merely looks like an attribute, gets the full scan."""
        for name, value in _ATTRIBUTE.findall(html):
            if name in _PLAIN_ATTRIBUTES:
                continue
            allowed = self._allowed.get((name, value))
            if allowed is None:
                url = read_url(value)
                refusal = link_refusal(url) if name == "href" else resource_refusal(url) if name == "src" else True
                allowed = self._allowed[(name, value)] = refusal is None
            if not allowed:
                return True
        return False

    def _rewrite(self, href: str) -> str:
        # Trees link to the same few pages thousands of times: resolve each href once.
        resolved = self._rewritten.get(href)
        if resolved is None:
            resolved = self._rewritten[href] = self._resolve(href)
        if resolved.unknown is not None:
            self._unknown_links.append(resolved.unknown)
        if resolved.missing_anchor is not None:
            self._missing_anchors.append(resolved.missing_anchor)
        return resolved.href

    def _resolve(self, href: str) -> _Resolved:
        written = _ESCAPED.sub(lambda match: chr(int(match.group(1))), href.replace(AMP_SUBSTITUTE, "&"))
        url = read_url(written)
        if not url.this_site or not url.seen or url.seen.startswith(("#", "/", "\\")):
            return _Resolved(href)  # another site, a same-page anchor, or refused by the scan
        path, separator, anchor = url.seen.partition("#")
        docs_path = unquote(path)
        target = self._url_for(docs_path)
        if target is None:
            return _Resolved(href, unknown=written.partition("#")[0])
        missing = None
        if anchor and self._anchors_of is not None:
            anchors = self._anchors_of(docs_path)
            if anchors is not None and unquote(anchor) not in anchors:
                missing = (written.partition("#")[0], unquote(anchor))
        return _Resolved(target + separator + anchor, missing_anchor=missing)


class _LinkRewriter(Treeprocessor):
    def __init__(self, md, rewrite: Callable[[str], str]):
        super().__init__(md)
        self._rewrite = rewrite

    def run(self, root):
        for element in root.iter("a"):
            href = element.get("href")
            if href is not None:
                element.set("href", self._rewrite(href))
        for element in root.iter("img"):
            src = element.get("src")
            if src is not None:
                element.set("src", self._rewrite(src))


def _fast_render(text: str, rewrite: Callable[[str], str]) -> str | None:
    """The same HTML Python-Markdown would make, for the common subset; None for anything else."""
    text = text.strip("\n")
    if not text or _UNSAFE_CHARACTERS.search(text):
        return None
    parts: list[str] = []
    previous_was_list = False
    for block in text.split("\n\n"):  # str.split is far faster than a regex split
        block = block.strip("\n")  # three or more newlines: still one separation
        if not block:
            continue
        lines = block.split("\n")
        for line in lines:
            if not line or line[-1] == " ":
                return None
        listed = _render_list(lines, rewrite)
        if listed is not None:
            if previous_was_list or not listed:
                return None  # two lists in a row merge in Python-Markdown; let it decide
            parts.append(listed)
            previous_was_list = True
            continue
        rendered_lines = []
        for line in lines:
            if line[0] == " " or _BLOCK_LIKE_LINE.match(line):
                return None
            rendered = _render_inline(line, rewrite)
            if rendered is None:
                return None
            rendered_lines.append(rendered)
        parts.append("<p>" + "\n".join(rendered_lines) + "</p>")
        previous_was_list = False
    return "\n".join(parts)


def _render_list(lines: list[str], rewrite: Callable[[str], str]) -> str | None:
    """A block that is one list: None if it is not a list, "" if it is one we do not render."""
    first = _ORDERED_ITEM.match(lines[0])
    if first is not None:
        tag, item_pattern = "ol", _ORDERED_ITEM
        if first.group(1) != "1":
            return ""
    elif _BULLET_ITEM.match(lines[0]):
        tag, item_pattern = "ul", _BULLET_ITEM
    else:
        return None
    items: list[list[str]] = []
    for line in lines:
        match = item_pattern.match(line)
        if match is not None:
            items.append([match.group(match.lastindex)])
            continue
        # A continuation of the item above, indented by 1 to 3 spaces; Python-Markdown keeps the
        # spaces in the item's text.
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        if not 1 <= indent <= 3 or _BLOCK_LIKE_LINE.match(content):
            return ""
        items[-1].append(line)
    rendered_items = []
    for item_lines in items:
        first_line = _render_item(item_lines[0], rewrite)
        if first_line is None:
            return ""
        rendered = [first_line]
        for line in item_lines[1:]:
            content = line.lstrip(" ")
            inline = _render_inline(content, rewrite)
            if inline is None:
                return ""
            rendered.append(line[: len(line) - len(content)] + inline)
        rendered_items.append("\n".join(rendered))
    return f"<{tag}>\n" + "".join(f"<li>{item}</li>\n" for item in rendered_items) + f"</{tag}>"


def _render_item(content: str, rewrite: Callable[[str], str]) -> str | None:
    # An item's text is parsed as blocks too: "- 1. x" is a list inside a list.
    if _BLOCK_LIKE_LINE.match(content):
        return None
    return _render_inline(content, rewrite)


def _render_inline(line: str, rewrite: Callable[[str], str]) -> str | None:
    if _PLAIN_TEXT.match(line):
        return line  # nothing to do: no character here means anything to Markdown
    if not _INLINE_LINE.match(line):
        return None

    def token_html(match: re.Match) -> str:
        kind = match.lastgroup
        if kind == "strong":
            return f"<strong>{match.group('strong')}</strong>"
        if kind == "em":
            return f"<em>{match.group('em')}</em>"
        if kind == "code":
            return f"<code>{_escape_code(match.group('code'))}</code>"
        return f'<a href="{_escape_attribute(rewrite(match.group("href")))}">{match.group("text")}</a>'

    # The line matched _INLINE_LINE, so its tokens are exactly the ones _TOKEN finds.
    return _TOKEN.sub(token_html, line)

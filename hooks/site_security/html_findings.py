"""Everything in a piece of HTML that a page written by a pull request may not carry.

Reads HTML the way a browser does (Python's HTMLParser decodes attribute values) and reports:
- scripts: any <script> element, and event-handler attributes (onclick=, onerror=, ...);
- links whose address urls.link_refusal refuses (javascript:, data:, //host, ...);
- embedded resources from anywhere but this site (urls.resource_refusal): src, srcset, poster,
  object data, link href, CSS url() and @import in style attributes and <style> elements, ...;
- elements that change how the whole page behaves: <base>, <meta http-equiv>, srcdoc frames,
  SVG animations of a link's address, and <style> elements (styles belong in docs/assets/);
- the attributionsrc attribute, which makes the browser report the visit to other sites;
- ids that start with "__", which belong to the theme's script, and name= on the elements a
  browser also names on document (which can replace document.getElementById); rel="opener";
- a tag or comment left unfinished at the end, which the theme's markup after it would finish.
Any other attribute whose address would run code (a javascript: or vbscript: value) is
reported too, so an attribute this list does not know about cannot carry a script; and any
attribute holding a CSS url() is read like a style (SVG's fill, stroke, filter, mask,
clip-path, marker-*, cursor, ... take url(): `fill="url(https://host/x.svg#a)"` fetches it).

Python's HTMLParser and browsers disagree on a few odd constructs; each disagreement here is
settled on the safe side. Inside <svg>, a browser parses <style> content as markup where
HTMLParser sees only text, so <style> is refused outright. A browser may end a comment (at
`--!>`) or a `<![CDATA[` section earlier than HTMLParser does, so their content is scanned as
HTML too. A browser reads the content of <textarea>, <title>, <noscript>, <noembed>,
<noframes>, <xmp> and <iframe> as text up to the first closing tag, even inside what
HTMLParser takes for an attribute value (`<xmp><p title="</xmp><meta http-equiv=refresh ...>">`),
and everything after <plaintext>: those elements are refused, and an <iframe> must be empty.

Each finding says what is wrong and how to fix it, and carries the strings to look for in the
source (`needles`), so the caller can name the line the writer wrote it on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decision_tree_compiler.html_reading import TolerantHTMLParser

from .urls import Refusal, link_refusal, read_url, resource_refusal

# Attributes that make the browser load something (any element, unless the tag is given).
_RESOURCE_ATTRIBUTES = {
    "src": None, "srcset": None, "imagesrcset": None, "poster": None, "background": None,
    "lowsrc": None, "dynsrc": None, "codebase": None, "archive": None, "manifest": None,
    "icon": None, "action": None, "formaction": None, "ping": None, "data": {"object"},
}
_LIST_ATTRIBUTES = {"srcset", "imagesrcset"}  # "url 2x, url 640w"
_SPACED_ATTRIBUTES = {"ping", "archive"}  # "url url"
# href means "go there" on these, "load this" on the rest (<link>, SVG <use>/<image>, ...).
_LINK_ELEMENTS = {"a", "area"}
_NAMED_ON_DOCUMENT = {"embed", "form", "iframe", "img", "object"}
_CODE_SCHEMES = ("javascript", "vbscript", "livescript")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE | re.DOTALL)
# image-set() and -webkit-image-set() also take bare strings: image-set("a.png" 1x).
_IMAGE_SET = re.compile(r"image-set\(([^)]*)\)", re.IGNORECASE)
_CSS_STRING = re.compile(r"""(['"])(.*?)\1""", re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.DOTALL)
_TAG_NAME = re.compile(r"<[^\s/>]*")
# Elements whose content a browser reads as text up to their first closing tag (<plaintext>: to
# the end of the page), where HTMLParser reads markup: markup can hide from this check inside
# them. No page needs them. (<script> and <style> are refused on their own.)
_TEXT_ONLY_ELEMENTS = frozenset({"textarea", "title", "noscript", "noembed", "noframes", "xmp", "plaintext"})
_ATTRIBUTE = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")


@dataclass(frozen=True)
class Finding:
    what: str
    """What is wrong, starting with a verb ("has a <script> element."), ending with a full stop."""
    fix: str
    code: str
    needles: tuple[str, ...]
    """Strings to look for in the source, best first; the first one found names the line."""


def find_problems(html: str) -> list[Finding]:
    """Every finding in html, in document order; html is a whole page's content."""
    scanner = _Scanner()
    scanner.feed(html)
    # HTMLParser keeps back a tag or comment it cannot finish yet. At the end of a page's content
    # it would call it text, but on the site the theme's markup comes next, and the browser
    # finishes the tag with it: `<meta http-equiv=refresh content="0;url=...` with no ">" works.
    unfinished = scanner.rawdata.lstrip()
    if unfinished.startswith("<"):
        scanner.findings.append(_unfinished(unfinished))
    scanner.close()
    return scanner.findings


def _scan_fragment(html: str) -> list[Finding]:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.findings


def _unfinished(rest: str) -> Finding:
    start = " ".join(rest[:60].split())
    comment = rest.startswith("<!")
    return Finding(
        f'ends inside an unfinished {"comment" if comment else "tag"} ("{start}"). On the site the page\'s '
        "own markup comes right after it, and the browser would finish it with that, so nobody can tell what it would do.",
        'Finish the comment with "-->", or remove it.' if comment else 'Finish the tag with ">", or remove it.',
        "unfinished-tag",
        (rest[:40], rest[:10]),
    )


def css_urls(css: str) -> list[str]:
    """The addresses in url(...) and @import of a piece of CSS, with CSS escapes decoded."""
    decoded = _CSS_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)) if match.group(1) else match.group(2), css)
    found = [match.group(2) if match.group(2) is not None else match.group(4) for match in _CSS_URL.finditer(decoded)]
    for image_set in _IMAGE_SET.finditer(decoded):
        found += [match.group(2) for match in _CSS_STRING.finditer(image_set.group(1))]
    return found


def _an(tag: str) -> str:
    return f"an <{tag}>" if tag[:1] in "aeiou" else f"a <{tag}>"


def _split_list(value: str, attribute: str) -> list[str]:
    if attribute in _LIST_ATTRIBUTES:
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    if attribute in _SPACED_ATTRIBUTES:
        return value.split()
    return [value]


class _Scanner(TolerantHTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self._in_iframe = False

    def _add(self, refusal: Refusal, *needles: str) -> None:
        self.findings.append(Finding(refusal.what, refusal.fix, refusal.code, tuple(n for n in needles if n)))

    def _written_attributes(self) -> dict[str, str]:
        """Attribute values as written in the tag (entities undecoded), to find them in the source."""
        text = self.get_starttag_text() or ""
        tag_name = _TAG_NAME.match(text)
        written = {}
        for name, value in _ATTRIBUTE.findall(text[tag_name.end() if tag_name else 0 :]):
            if value[:1] in ("'", '"'):
                value = value[1:-1]
            written.setdefault(name.lower(), value)
        return written

    def _iframe_content(self) -> None:
        """Something between <iframe> and </iframe>: a browser reads it as text up to the first
        "</iframe", wherever that is (even inside an attribute value HTMLParser reads)."""
        if self._in_iframe:
            self._in_iframe = False  # once per frame is enough
            self._add(Refusal("has something between <iframe> and </iframe>. A browser never shows it and reads it "
                              "as text up to the first </iframe>, so markup can hide in it.",
                              "Write the frame with nothing between its tags: <iframe src=\"...\" title=\"...\"></iframe>.",
                              "iframe-content"), "<iframe")

    def handle_starttag(self, tag, attrs):
        written = self._written_attributes()
        self._iframe_content()
        if tag == "iframe":
            self._in_iframe = True
        if tag in _TEXT_ONLY_ELEMENTS:
            rest = "the whole rest of the page" if tag == "plaintext" else f"everything up to the first </{tag}>"
            self._add(Refusal(f"has {_an(tag)} element. A browser reads {rest} as plain text, even inside what "
                              "looks like an attribute, so markup can hide in it from this check.",
                              f"Remove the <{tag}> element. To show code as text, put it between backticks.",
                              "text-only-element"), f"<{tag}")
        if tag == "script":
            self._add(
                Refusal(
                    "has a <script> element. Pages may not run scripts of their own: a script here could "
                    "read what the reader types and send it anywhere.",
                    "Remove the <script> element. To show code as text, put it between backticks.",
                    "script",
                ),
                "<script",
            )
        elif tag == "base":
            self._add(Refusal("has a <base> element, which changes where every link on the page goes.",
                              "Remove the <base> element.", "base-element"), "<base")
        elif tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self._add(Refusal("has a <meta http-equiv> element, which can send the reader to another page.",
                              "Remove the <meta> element.", "meta-http-equiv"), "<meta")
        elif tag == "style":
            self._add(Refusal("has a <style> element. The site's styles live in docs/assets/site.css, "
                              "and a <style> inside an SVG image can hide markup.",
                              "Remove the <style> element; ask a developer to add the style to docs/assets/site.css.",
                              "style-element"), "<style")
        for name, value in attrs:
            self._attribute(tag, name, value or "", written.get(name, value or ""))

    def handle_endtag(self, tag):
        if tag == "iframe":
            self._in_iframe = False

    def handle_data(self, data):
        if data.strip():
            self._iframe_content()

    def handle_comment(self, data):
        self._iframe_content()
        self._scan_hidden(data)

    def unknown_decl(self, data):
        self._iframe_content()
        self._scan_hidden(data)

    def _scan_hidden(self, text: str) -> None:
        """Markup a browser may read although HTMLParser takes it for a comment or CDATA."""
        if "<" in text:
            self.findings += _scan_fragment(text)

    def _attribute(self, tag: str, name: str, value: str, written: str) -> None:
        if name.startswith("on"):
            self._add(
                Refusal(
                    f"has an event handler ({name}=) on {_an(tag)} element; it runs code when the page loads "
                    "or the reader touches it. Pages may not run code of their own.",
                    f"Remove the {name} attribute.",
                    "event-handler",
                ),
                f"{name}=", name,
            )
            return
        if name == "attributionsrc":
            self._add(Refusal(f"has an attributionsrc attribute on {_an(tag)} element, which makes the browser "
                              "report the reader's visit to other sites (for advertising).",
                              "Remove the attributionsrc attribute.", "attributionsrc"), "attributionsrc")
            return
        if name == "id" and value.startswith("__"):
            # Material finds its settings with document.querySelector("#__config"), and its search,
            # menu and palette by ids of the same kind: a page that takes one stops its script.
            self._add(Refusal(f'has id="{value}". Ids that start with "__" belong to the site\'s theme: taking one '
                              "stops its search, menus and colour switch on this page.",
                              f'Choose an id that starts with a letter, for example "{value.lstrip("_") or "part"}".',
                              "theme-id"), f"#{value}", value)
            return
        if name == "name" and tag in _NAMED_ON_DOCUMENT:
            # The browser makes <img name="x"> (and <form>, <iframe>, <embed>, <object>) a property
            # of document: name="getElementById" replaces the function the theme's script calls.
            self._add(Refusal(f'has name="{value}" on {_an(tag)} element, which the browser also makes a name on the '
                              "whole page: it can hide what the site's script needs, and stop it.",
                              "Remove the name attribute (an id does the same job for a link).", "document-name"),
                      f'name="{value}"', "name=")
            return
        if name == "rel" and "opener" in value.lower().split():
            self._add(Refusal(f'has rel="{value}", which lets the site the link opens change this page into another '
                              "(a look-alike page that asks for details).",
                              'Remove rel="opener"; links to other sites work without it.', "rel-opener"),
                      "opener")
            return
        if name == "srcdoc":
            self._add(Refusal(f"has {_an(tag + ' srcdoc')}, which puts a whole page, scripts and all, inside this one.",
                              f"Remove the <{tag}> element.", "srcdoc"), "srcdoc")
            return
        if name == "style":
            for address in css_urls(value):
                self._resource(read_url(address), "loads", address, " in a style attribute")
            return
        if tag in ("set", "animate") and name == "attributename" and value.lower().endswith("href"):
            self._add(Refusal(f"has an SVG <{tag}> that changes a link's address, which can turn it into a script.",
                              f"Remove the <{tag}> element.", "svg-animation"), f"<{tag}")
            return
        if name in ("href", "xlink:href"):
            url = read_url(written, value)
            if tag in _LINK_ELEMENTS:
                refusal = link_refusal(url)
                if refusal is not None:
                    self._add(refusal, written, url.seen)
            else:
                self._resource(url, "loads", written)
            return
        allowed_tags = _RESOURCE_ATTRIBUTES.get(name, ())
        if name in _RESOURCE_ATTRIBUTES and (allowed_tags is None or tag in allowed_tags):
            verb = "sends a request to" if name in ("ping", "action", "formaction") else "loads"
            written_list = _split_list(written, name)
            for index, address in enumerate(_split_list(value, name)):
                shown = written_list[index] if index < len(written_list) else address
                self._resource(read_url(shown, address), verb, shown)
            return
        for address in css_urls(value):  # SVG's fill="url(...)", stroke, filter, mask, cursor, ...
            self._resource(read_url(address), "loads", address, f" in its {name}= attribute")
        url = read_url(written, value)
        if url.scheme in _CODE_SCHEMES:
            self._add(Refusal(f'has {name}="{url.shown()}" on {_an(tag)} element: a "{url.scheme}:" address runs code.',
                              "Remove the attribute.", "link-scheme"), written, url.seen)

    def _resource(self, url, verb: str, written: str, where: str = "") -> None:
        if url.scheme in _CODE_SCHEMES:
            self._add(Refusal(f'uses "{url.shown()}"{where}: a "{url.scheme}:" address runs code.',
                              "Remove it; a page may only load files of this site.", "link-scheme"), written, url.seen)
            return
        refusal = resource_refusal(url, verb, where)
        if refusal is not None:
            self._add(refusal, written, url.seen)

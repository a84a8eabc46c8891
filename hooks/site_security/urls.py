"""The one allow-list for addresses in untrusted markup, decided on what the browser will see.

Links (`<a href>`) may go to a page of this site (a relative address or `#anchor`), to another
site by `https:` or `http:`, or be `mailto:` or `tel:` links. Anything else a link can carry
(`javascript:`, `data:`, `vbscript:`, `file:`, ...) is refused, because some of those run code
when clicked and none of them is something a reader of a health guide needs.

Embedded resources (images, frames, media, stylesheets, CSS `url()`) may only be files of this
site: a resource from another site makes every reader's browser contact that site (it learns
who reads which page), and any other scheme can carry code or content the build never saw.

The decision is taken on the address as a browser reads it, never as written: character
references are decoded (`java&#x09;script:` is `java<TAB>script:`), leading and trailing
spaces and control characters dropped, and tabs and line breaks removed anywhere (the WHATWG
URL parser does both), then the scheme is compared without regard to letter case. A backslash
counts as a slash, as browsers treat it in web addresses (`/\\host` leads to another site).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

LINK_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
WEB_SCHEMES = frozenset({"https", "http"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_EDGE = "".join(chr(code) for code in range(0x21))  # C0 controls and space
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_OTHER_SITE = re.compile(r"[/\\]{2}")
_HOST = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.\-]*:)?[/\\]{2}([^/\\?#]*)")
_SHOWN_LENGTH = 60


@dataclass(frozen=True)
class Url:
    written: str
    """The attribute value as written in the HTML (character references and all)."""
    seen: str
    """What the browser reads."""
    scheme: str | None
    """Lowercase scheme ("https", "javascript"), None for an address relative to the page."""

    @property
    def other_site(self) -> bool:
        """Leads to another site: a web scheme, or a relative address that starts with //."""
        return self.scheme in WEB_SCHEMES or (self.scheme is None and _OTHER_SITE.match(self.seen) is not None)

    @property
    def this_site(self) -> bool:
        """A relative address: a page or file of this site, or an anchor on this page."""
        return self.scheme is None and not self.other_site

    @property
    def host(self) -> str:
        match = _HOST.match(self.seen)
        return match.group(1) if match else ""

    @property
    def hidden(self) -> bool:
        """Character codes, spaces or invisible characters change what the address starts with."""
        return self.written.strip() != self.seen and not self.written.strip().lower().startswith(
            (self.scheme or "//").lower()
        )

    def shown(self) -> str:
        """The address as written, short enough to quote in a message."""
        text = self.written if len(self.written) <= _SHOWN_LENGTH else self.written[: _SHOWN_LENGTH - 1] + "…"
        return text.replace('"', "'")


def read_url(written: str, decoded: str | None = None) -> Url:
    """An attribute value as the browser will read it (see the module docstring).

    decoded is the value with character references already decoded by an HTML parser, when the
    caller has it: the decision is then taken on it, and written is only shown to the writer.
    """
    seen = _TAB_OR_NEWLINE.sub("", (html.unescape(written) if decoded is None else decoded).strip(_EDGE))
    match = _SCHEME.match(seen)
    return Url(written, seen, match.group(1).lower() if match else None)


@dataclass(frozen=True)
class Refusal:
    what: str
    """What is wrong, to follow the place ("the body of outcome "x" ..."), ending with a full stop."""
    fix: str
    code: str


LINK_RULE = (
    "Links may go to a page of this site by its file name, like [appeal](if-you-are-denied.md), "
    "to a full https:// or http:// address, or be mailto: (email) or tel: (phone) links."
)
RESOURCE_RULE = "Save the file in docs/assets/ and use it from there."


def _hidden_note(url: Url) -> str:
    if not url.hidden:
        return ""
    return f' It hides how it starts with character codes or invisible characters: a browser reads "{url.seen[:40]}".'


def link_refusal(url: Url) -> Refusal | None:
    """Why a link (`<a href>`) with this address is refused, or None if it is allowed."""
    if url.scheme is None:
        if url.other_site:
            return Refusal(
                f'links to "{url.shown()}", which starts with two slashes and so leads to another site '
                "without saying how.",
                "Write the full address, starting with https://.",
                "link-without-scheme",
            )
        return None
    if url.scheme in LINK_SCHEMES:
        return None
    if url.scheme in ("javascript", "vbscript", "livescript"):
        why = f'a "{url.scheme}:" link runs code when it is clicked.'
    elif url.scheme == "data":
        why = 'a "data:" link opens content written into the address itself, which can run code.'
    else:
        why = f'"{url.scheme}:" is not a kind of link this site allows.'
    return Refusal(f'links to "{url.shown()}": {why}{_hidden_note(url)}', LINK_RULE, "link-scheme")


def resource_refusal(url: Url, what: str = "loads", where: str = "") -> Refusal | None:
    """Why an embedded resource (image, frame, media, stylesheet, CSS url()) is refused, or None.

    what is the verb for the message ("loads", "sends a request to"); where, if given, says
    where in the element the address is (" in a style attribute").
    """
    if url.this_site:
        return None
    if url.other_site:
        host = f" ({url.host})" if url.host else ""
        return Refusal(
            f'{what} "{url.shown()}" from another site{host}{where}: every reader\'s browser would contact '
            "that site, which then learns who reads this page.",
            f"{RESOURCE_RULE} A plain link to another site is fine: [text](https://...).",
            "other-origin",
        )
    return Refusal(
        f'{what} "{url.shown()}"{where}, a "{url.scheme}:" address; a page may only load files of this site.'
        f"{_hidden_note(url)}",
        RESOURCE_RULE,
        "resource-scheme",
    )

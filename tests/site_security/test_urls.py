"""The allow-list decides on what the browser reads, whatever the letter case or disguise."""

from __future__ import annotations

import pytest

from site_security.urls import link_refusal, read_url, resource_refusal

REFUSED_LINKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java&#x09;script:alert(1)",
    "java&Tab;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "blob:https://example.org/x",
    "//evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example/x",
]
ALLOWED_LINKS = [
    "https://www.irs.gov/publications/p502",
    "HTTP://example.org/",
    "mailto:help@example.org",
    "&#109;&#97;&#105;&#108;&#116;&#111;&#58;help@example.org",  # how Markdown writes <help@example.org>
    "tel:+1-555-555-0100",
    "if-you-are-denied.md",
    "../glossary/#deductible",
    "#internal-appeal",
    "",
    "/guide/about/",
    "javascript-guide.md",  # a file name, not a scheme
    "1javascript:x",  # not a scheme either: a scheme starts with a letter
]


@pytest.mark.parametrize("written", REFUSED_LINKS)
def test_script_and_other_schemes_are_refused_as_links(written):
    refusal = link_refusal(read_url(written))
    assert refusal is not None, written
    assert "links to" in refusal.what and refusal.fix


@pytest.mark.parametrize("written", ALLOWED_LINKS)
def test_pages_web_addresses_email_and_phone_links_are_allowed(written):
    assert link_refusal(read_url(written)) is None, written


def test_a_disguised_scheme_is_named_with_what_the_browser_reads():
    refusal = link_refusal(read_url("java&#x09;script:alert(1)"))
    assert 'links to "java&#x09;script:alert(1)"' in refusal.what
    assert 'a browser reads "javascript:alert(1)"' in refusal.what
    # An address that says what it is needs no such note.
    assert "browser reads" not in link_refusal(read_url("JAVASCRIPT:alert(1)")).what


@pytest.mark.parametrize(
    "written, code",
    [
        ("https://cdn.example.org/logo.png", "other-origin"),
        ("//cdn.example.org/logo.png", "other-origin"),
        ("HTTP://cdn.example.org/logo.png", "other-origin"),
        ("/\\cdn.example.org/logo.png", "other-origin"),
        (" https://cdn.example.org/logo.png", "other-origin"),
        ("data:image/svg+xml,<svg onload=alert(1)>", "resource-scheme"),
        ("javascript:alert(1)", "resource-scheme"),
    ],
)
def test_resources_from_anywhere_but_this_site_are_refused(written, code):
    refusal = resource_refusal(read_url(written))
    assert refusal is not None and refusal.code == code


def test_the_other_site_is_named():
    assert "(cdn.example.org)" in resource_refusal(read_url("https://cdn.example.org/a.png")).what


@pytest.mark.parametrize("written", ["assets/logo.png", "../assets/logo.png", "logo.png#x", "/guide/assets/x.png"])
def test_files_of_this_site_may_be_loaded(written):
    assert resource_refusal(read_url(written)) is None

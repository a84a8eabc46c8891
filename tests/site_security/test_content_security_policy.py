"""The policy's parts: which inline scripts count, their hashes, the directives, where the meta goes."""

from __future__ import annotations

import pytest

from site_security.content_security_policy import (
    UnexpectedPage,
    inline_scripts,
    policy,
    policy_meta,
    script_hash,
    theme_script_hashes,
    with_policy,
)

PAGE = (
    '<!doctype html>\n<html lang="en"><head>\n  <meta charset="utf-8">\n  <title>T</title>\n'
    "  <script>var a = 1 &amp;&amp; 2</script>\n</head><body>\n"
    '<script type="application/json" id="config">{"a": 1}</script>\n'
    '<script src="bundle.js"></script>\n'
    '<SCRIPT TYPE="text/javascript">run()</SCRIPT>\n<script type="module">import "./m.js"</script>\n'
    "<script></script>\n</body></html>\n"
)


def test_only_inline_scripts_that_run_are_collected_with_their_raw_text():
    # Entities are not decoded inside a script, so the text is exactly what the browser hashes.
    assert inline_scripts(PAGE) == ["var a = 1 &amp;&amp; 2", "run()", 'import "./m.js"', ""]


def test_the_hash_is_the_one_browsers_compute():
    # The example in MDN's Content-Security-Policy documentation.
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    # The HTML parser turns CR LF into LF before the script is hashed.
    assert script_hash("a()\r\nb()\rc()") == script_hash("a()\nb()\nc()")


def test_scripts_in_the_pages_own_content_are_never_the_themes():
    content = "<p>Text</p><script>stealAnswers()</script>"
    page = f"<html><head><script>theme()</script></head><body>{content}</body></html>"
    assert theme_script_hashes(page, content) == {script_hash("theme()")}
    assert theme_script_hashes(page) == {script_hash("theme()"), script_hash("stealAnswers()")}


def test_the_policy_names_the_site_and_the_hashes_and_never_unsafe_inline():
    text = policy([script_hash("b()"), script_hash("a()"), script_hash("a()")])
    parts = [part.strip() for part in text.split(";")]
    assert parts[0] == "default-src 'self'"
    assert parts[1] == "script-src 'self' " + " ".join(sorted({script_hash("a()"), script_hash("b()")}))
    assert parts[2:] == ["style-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]
    assert "unsafe" not in text


def test_the_meta_goes_right_after_the_charset_before_any_script():
    text = policy([script_hash("var a = 1 &amp;&amp; 2")])
    written = with_policy(PAGE, text)
    assert written.count("Content-Security-Policy") == 1
    assert written.index('<meta charset="utf-8">') < written.index(policy_meta(text)) < written.index("<title>")
    assert written.replace(policy_meta(text), "") == PAGE
    assert 'content="default-src &#x27;self&#x27;;' in policy_meta(text)  # quotes escaped in the attribute


def test_writing_the_policy_again_replaces_it():
    once = with_policy(PAGE, policy([]))
    assert with_policy(once, policy([script_hash("x()")])) == with_policy(PAGE, policy([script_hash("x()")]))


@pytest.mark.parametrize(
    "html",
    [
        # A regular expression looking for <head> anywhere put the policy inside a comment, or
        # in the body, where the browser ignores it (review 1, defect 15).
        '<!-- <head> --><!doctype html><html><head><meta charset="utf-8">',
        '<!doctype html><!-- <head><meta charset="utf-8"> --><html><head><meta charset="utf-8">',
        '<!doctype html><html><body><p>x</p><head><meta charset="utf-8">',
        '<p>x</p><!doctype html><html><head><meta charset="utf-8">',
        '<!doctype html><html><head><script>x()</script><meta charset="utf-8">',
        '<!doctype html><html><head><title>T</title><meta charset="utf-8">',
        '<!doctype html><html title="<head>"><header><meta charset="utf-8">',
        '<!doctype html><html><head><meta charset="windows-1252">',
        "<!DOCTYPE html><p>Hi</p><script>x()</script>",
        "",
    ],
)
def test_a_page_that_does_not_start_as_the_themes_do_is_refused_not_guessed(html):
    with pytest.raises(UnexpectedPage, match="does not start the way the theme writes its pages"):
        with_policy(html, "p")


def test_the_themes_own_start_is_found_with_its_attributes_and_spacing():
    page = '\ufeff<!DOCTYPE HTML>\n<html lang="en" class="no-js" data-x=\'a>b\'>\n  <head>\n    \n      <META CHARSET=utf-8>\n<title>'
    assert with_policy(page, "p") == page.replace("<META CHARSET=utf-8>", '<META CHARSET=utf-8><meta http-equiv="Content-Security-Policy" content="p">')

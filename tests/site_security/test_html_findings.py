"""Every way HTML can run script or reach another site is found, including parser disagreements."""

from __future__ import annotations

import pytest

from site_security.html_findings import css_urls, find_problems


def codes(html: str) -> list[str]:
    return [finding.code for finding in find_problems(html)]


@pytest.mark.parametrize(
    "html, code",
    [
        ('<img src="https://e.org/p.png">', "other-origin"),
        ('<img src="//e.org/p.png">', "other-origin"),
        ('<img srcset="a.png 1x, https://e.org/b.png 2x">', "other-origin"),
        ('<picture><source srcset="https://e.org/b.webp"></picture>', "other-origin"),
        ('<iframe src="https://e.org/"></iframe>', "other-origin"),
        ('<script src="https://e.org/x.js"></script>', "script"),
        ("<script>alert(1)</script>", "script"),
        ('<link rel="stylesheet" href="https://e.org/x.css">', "other-origin"),
        ('<video src="https://e.org/v.mp4"></video>', "other-origin"),
        ('<video poster="https://e.org/p.png"></video>', "other-origin"),
        ('<audio src="//e.org/a.mp3"></audio>', "other-origin"),
        ('<object data="https://e.org/x.swf"></object>', "other-origin"),
        ('<embed src="https://e.org/x.swf">', "other-origin"),
        ('<input type="image" src="https://e.org/p.png">', "other-origin"),
        ('<div style="background:url(https://e.org/p.png)">x</div>', "other-origin"),
        ("<div style=\"background:url('//e.org/p.png')\">x</div>", "other-origin"),
        ('<div style="background:url(&quot;https://e.org/p.png&quot;)">x</div>', "other-origin"),
        ('<div style="background:u\\72l(https://e.org/p.png)">x</div>', "other-origin"),
        ('<div style="background-image:image-set(&quot;https://e.org/p.png&quot; 1x)">x</div>', "other-origin"),
        ('<a href="https://e.org/" ping="https://tracker.example/">x</a>', "other-origin"),
        ('<form action="https://e.org/collect"><input name="q"></form>', "other-origin"),
        ('<svg><image href="https://e.org/p.png"/></svg>', "other-origin"),
        ('<svg><use xlink:href="https://e.org/s.svg#x"/></svg>', "other-origin"),
        ('<a href="javascript:alert(1)">x</a>', "link-scheme"),
        ('<a href="java&#x09;script:alert(1)">x</a>', "link-scheme"),
        ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "link-scheme"),
        ('<button formaction="javascript:alert(1)">x</button>', "link-scheme"),
        ('<iframe src="javascript:alert(1)"></iframe>', "link-scheme"),
        ('<object data="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></object>', "resource-scheme"),
        ('<math><mi href="javascript:alert(1)">x</mi></math>', "link-scheme"),
        ('<img src="x.png" onerror="alert(1)">', "event-handler"),
        ('<p ONMOUSEOVER="alert(1)">x</p>', "event-handler"),
        ('<svg onload="alert(1)"></svg>', "event-handler"),
        ('<base href="https://e.org/">', "base-element"),
        ('<meta http-equiv="refresh" content="0;url=https://e.org/">', "meta-http-equiv"),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "srcdoc"),
        ('<svg><a href="#x"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>', "svg-animation"),
        ("<style>@import 'https://e.org/x.css';</style>", "style-element"),
        # Review 1, defect 15: SVG presentation attributes take url(), which fetches.
        ('<svg><rect fill="url(https://e.org/p.svg#a)"/></svg>', "other-origin"),
        ('<svg><rect stroke="url(//e.org/p.svg#a)"/></svg>', "other-origin"),
        ('<svg><g filter="url(&quot;https://e.org/f.svg#f&quot;)"></g></svg>', "other-origin"),
        ('<svg><g mask="url(https://e.org/m.svg#m)" clip-path="url(#c)"></g></svg>', "other-origin"),
        ('<svg><g clip-path="url(https://e.org/c.svg#c)"></g></svg>', "other-origin"),
        ('<svg><path marker-start="url(https://e.org/m.svg#m)"/></svg>', "other-origin"),
        ('<svg><path marker-end="u\\72l(https://e.org/m.svg#m)"/></svg>', "other-origin"),
        ('<svg><g cursor="url(https://e.org/c.cur), auto"></g></svg>', "other-origin"),
        ('<svg><animate attributeName="fill" values="red;url(https://e.org/p.svg#a)"/></svg>', "other-origin"),
        ('<svg><rect fill="url(data:image/svg+xml,x)"/></svg>', "resource-scheme"),
        ('<a href="https://e.org/" attributionsrc>x</a>', "attributionsrc"),
        ('<img src="x.png" attributionsrc="https://e.org/r" alt="">', "attributionsrc"),
        ("<plaintext><p>the rest of the page is text", "text-only-element"),
        ("<xmp><b>x</b></xmp>", "text-only-element"),
        ("<noembed>x</noembed>", "text-only-element"),
        ("<noframes>x</noframes>", "text-only-element"),
        ("<noscript><p>x</p></noscript>", "text-only-element"),
        ("<textarea>x</textarea>", "text-only-element"),
        ("<title>x</title>", "text-only-element"),
        ('<iframe src="a.html" title="a"><p>x</p></iframe>', "iframe-content"),
        # On the site the theme's markup follows a page's content and would finish the tag.
        ('<div>\n<meta http-equiv=refresh content="0;url=https://e.org/"', "unfinished-tag"),
        ('<p>x</p>\n<a href="https://e.org/" class="md-button"', "unfinished-tag"),
        ("<p>x</p><!-- hides the theme's markup up to its next comment", "unfinished-tag"),
        # Material reads its settings from #__config.
        ('<h2 id="__config">Who it is for</h2>', "theme-id"),
        ('<div id="__search"></div>', "theme-id"),
    ],
)
def test_each_kind_of_script_or_outside_request_is_found(html, code):
    assert code in codes(html), find_problems(html)


@pytest.mark.parametrize(
    "html",
    [
        # Python's HTMLParser ends a comment only at "-->", a browser also at "--!>".
        '<!-- --!><img src="https://e.org/p.png"> -->',
        # Outside SVG, a browser ends "<![CDATA[" at the first ">"; HTMLParser waits for "]]>".
        '<![CDATA[ x ><img src=x onerror="alert(1)"> ]]>',
        # Inside SVG a browser parses <style> content as markup; HTMLParser sees only text.
        '<svg><style><img src=x onerror="alert(1)"></style></svg>',
        # A browser ends these at the first closing tag, even inside an attribute value, where
        # HTMLParser sees one harmless <p>: the <meta> would redirect the page.
        *(f'<{tag}><p title="</{tag}><meta http-equiv=refresh content=\'0;url=https://e.org/\'>"></{tag}>'
          for tag in ("textarea", "title", "noscript", "noembed", "noframes", "xmp", "iframe")),
        # A browser ends "<![x[" at the first ">"; Python's HTMLParser stops with an AssertionError.
        '<![x[ ><img src=x onerror="alert(1)">',
        '<div>\n<![ x ><img src=x onerror="alert(1)">\n</div>',
    ],
)
def test_markup_that_only_a_browser_would_read_is_found_anyway(html):
    assert find_problems(html), html


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="https://www.irs.gov/">IRS</a> <a href="../glossary/#deductible">x</a> <a href="mailto:a@b.c">m</a></p>',
        '<img src="../assets/logo.png" alt="" srcset="../assets/logo@2x.png 2x">',
        '<a href="#fn:1" class="footnote-ref">1</a><div class="admonition note"><p>x</p></div>',
        '<div style="color: red; background: url(../assets/bg.png)">x</div>',
        "<!-- a writer's note, no markup -->",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; shown as text</p>",
        '<svg><defs><linearGradient id="g"></linearGradient></defs><rect fill="url(#g)" stroke="url(\'#g\')"/></svg>',
        '<iframe src="../assets/chart.png" title="chart"></iframe>\n<iframe src="a.html" title="a">\n</iframe>',
        '<h2 id="who-it-is-for">Who it is for</h2><p id="_note">x</p>\n',
        "<p>a &lt;![x[ b</p>",
    ],
)
def test_ordinary_pages_have_no_findings(html):
    assert find_problems(html) == []


def test_each_finding_says_where_it_came_from():
    [finding] = find_problems('<p><a href="java&#x09;script:x">y</a></p>')
    assert finding.needles[0] == "java&#x09;script:x"
    [handler] = find_problems('<b onclick="x">y</b>')
    assert handler.needles[0] == "onclick="


def test_css_escapes_and_quotes_are_decoded():
    assert css_urls("a{background:\\75 rl('https://e.org/x')} @import \"//e.org/y.css\";") == [
        "https://e.org/x",
        "//e.org/y.css",
    ]

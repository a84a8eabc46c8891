"""Every page carries one Content-Security-Policy that lets the site work and blocks anything else.

Issue 8, item 9. The built files are read for the policy itself; Chromium proves that no page
reports a violation while a reader uses search, the palette toggle, instant navigation and the
tree, and that the policy alone blocks an inline script, an event handler and a `javascript:`
link injected into a page as if escaping had failed.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from playwright.sync_api import expect

from tests.browser.changed_site import add_to_nav, changed_site
from tests.browser.decision_tree_helpers import TREE_PAGE, answer, expect_on, longest_path
from tests.browser.page_security import CSP_META, rewrite_html
from tests.browser.site_pages import page_addresses

POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# Inline scripts that run: no src, and no type, or a JavaScript one (not application/json).
RUNNING_INLINE_SCRIPT = re.compile(r'<script(?![^>]*\bsrc=)(?![^>]*\btype="(?!text/javascript|module)[^"]*")[^>]*>(.*?)</script>', re.DOTALL)

VIOLATION_RECORDER = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`);
}, true);
"""


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def html_files(site):
    return sorted(site.rglob("*.html"))


def test_every_page_has_the_same_policy_first_in_its_head_before_any_script(built_site):
    policies = set()
    for html_file in html_files(built_site):
        html = html_file.read_text(encoding="utf-8")
        found = POLICY_META.findall(html)
        assert len(found) == 1, html_file
        meta_at = POLICY_META.search(html).start()
        assert html.index("<head>") < meta_at < html.index("<script"), html_file
        assert html.index("</head>") > meta_at
        policies.add(found[0].replace("&#x27;", "'"))
    assert len(policies) == 1, "one policy for the whole site: instant navigation keeps the first page's"
    assert len(html_files(built_site)) > 15


def test_the_policy_allows_only_the_site_and_the_theme_scripts_it_names(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    policy = directives(POLICY_META.search(html).group(1).replace("&#x27;", "'"))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'" and "'unsafe-inline'" not in policy["script-src"]
    assert all(source.startswith("'sha256-") for source in policy["script-src"][1:])
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    # Computed from the built pages: every inline script the theme wrote, on any page, is named,
    # and nothing else is.
    hashes = set()
    for html_file in html_files(built_site):
        for text in RUNNING_INLINE_SCRIPT.findall(html_file.read_text(encoding="utf-8")):
            hashes.add("'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'")
    assert set(policy["script-src"][1:]) == hashes
    assert len(hashes) >= 4  # Material's page-relative scope (one per folder depth), palette, tabs


def watched(new_page, **options):
    page, watch = new_page(**options)
    page.add_init_script(VIOLATION_RECORDER)
    return page, watch


def assert_no_violation(page, watch, where: str) -> None:
    assert page.evaluate("window.cspViolations") == [], where
    assert [error for error in watch.errors if "Content Security Policy" in error] == [], where


def test_no_page_reports_a_violation(built_site, site_server, new_page):
    # Every browser test's PageWatch also counts violations as errors (tests/browser/conftest.py),
    # so the tree, search and navigation tests elsewhere check the same for what they do.
    page, watch = watched(new_page)
    for address in page_addresses(built_site):
        page.goto(site_server + address, wait_until="load")
        assert_no_violation(page, watch, address or "/")
    page.goto(site_server + "404.html", wait_until="load")  # what GitHub Pages sends for unknown addresses
    expect(page.locator("h1")).to_have_text("We could not find that page")
    assert_no_violation(page, watch, "404.html")
    assert watch.errors == [] and watch.foreign_requests() == []


def test_search_palette_instant_navigation_and_the_tree_work_under_the_policy(site_server, new_page):
    page, watch = watched(new_page)
    page.goto(site_server)
    page.evaluate("window.sameDocument = true")  # gone if a page is loaded instead of swapped

    # Search: the worker loads and answers.
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("marketplace")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")

    # The palette toggle, and its choice kept for the next page (the inline palette script).
    # (system setting, then light, then dark: the dark one is two clicks away in a light browser)
    for _ in range(2):
        media = page.evaluate("document.body.getAttribute('data-md-color-media')")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        expect(page.locator("body")).not_to_have_attribute("data-md-color-media", media)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    chosen = "slate"

    # Instant navigation to pages at other folder depths, and to the tree: the swapped pages'
    # inline scripts run under this first page's policy.
    page.locator(".md-nav--primary a", has_text="Acne scars").first.click()
    expect(page).to_have_url(re.compile(r"/situations/acne-scars/$"))
    page.locator(f'.md-content a[href*="{TREE_PAGE}"]').first.click()
    expect(page.locator(".dt.dt-js")).to_have_count(1)
    answers, _ = longest_path()
    answer(page, answers[:2])
    expect_on(page, answers[2][0])
    assert page.evaluate("window.sameDocument") is True
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", chosen)

    page.reload()  # a full load of a page two folders down keeps the palette too
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", chosen)
    expect_on(page, answers[2][0])
    assert_no_violation(page, watch, "after search, palette, instant navigation and the tree")
    assert watch.errors == [] and watch.foreign_requests() == []


# What a page would hold if escaping were bypassed: an inline script, an event handler and a
# javascript: link, each of which sets a flag if it runs.
INJECTED = (
    '<p id="injected"><script>window.injectedScript = true</script>'
    '<a id="injected-link" href="javascript:window.injectedLink = true">a link</a> '
    '<button id="injected-handler" type="button" onclick="window.injectedHandler = true">a button</button></p>'
)
FLAGS = "[window.injectedScript, window.injectedLink, window.injectedHandler]"


def inject(html: str) -> str:
    # Into the article, which Material's instant navigation swaps in (and whose scripts it re-runs).
    return html.replace('<article class="md-content__inner md-typeset">', '<article class="md-content__inner md-typeset">' + INJECTED, 1)


def try_the_injection(page) -> list:
    expect(page.locator("#injected")).to_be_visible()
    page.locator("#injected-link").click()
    page.locator("#injected-handler").click()
    page.evaluate("() => new Promise(requestAnimationFrame)")  # let a javascript: URL run if it may
    return page.evaluate(FLAGS)


@pytest.mark.parametrize("how", ["loaded", "instant navigation"])
def test_the_policy_alone_blocks_injected_script(site_server, new_page, how):
    page, watch = watched(new_page)
    rewrite_html(page, lambda html: inject(html) if "decision-tree/coverage/" in html and "dt-data" in html else html)
    if how == "loaded":
        page.goto(site_server + TREE_PAGE)
    else:
        page.goto(site_server)
        page.evaluate("window.sameDocument = true")
        page.locator(f'.md-content a[href$="{TREE_PAGE}"]').first.click()
        expect(page.locator(".dt.dt-js")).to_have_count(1)
        assert page.evaluate("window.sameDocument") is True
    assert try_the_injection(page) == [None, None, None]
    violations = page.evaluate("window.cspViolations")
    assert len([v for v in violations if v.startswith("script-src")]) >= 3, violations
    # The tree still works around the blocked content.
    answer(page, longest_path()[0][:1])


def test_without_the_policy_the_same_injection_runs(site_server, new_page):
    # The control for the test above: it is the policy, not the injection, that stops it.
    page, _ = new_page()
    rewrite_html(page, lambda html: inject(CSP_META.sub("", html)) if "dt-data" in html else html)
    page.goto(site_server + TREE_PAGE)
    assert try_the_injection(page) == [True, True, True]


def writers_scripts(project) -> None:
    # A Markdown page with a raw inline script, and an HTML file that MkDocs copies as it is.
    # The build's own checks of docs pages (hooks/page_checks_hook.py) and of the kinds of file
    # docs/ may publish (hooks/docs_files_hook.py) refuse both; this copy goes without them, to
    # prove that the policy alone keeps them from running.
    config = project / "mkdocs.yml"
    without_checks = re.sub(r"\n\s*-\s*hooks/(page_checks|docs_files)_hook\.py[^\n]*", "", config.read_text(encoding="utf-8"))
    assert "page_checks_hook" not in without_checks and "docs_files_hook" not in without_checks
    config.write_text(without_checks, encoding="utf-8")
    (project / "docs" / "with-script.md").write_text(
        "---\ndescription: A page with a script in it.\n---\n\n# With a script\n\n"
        "<script>window.writerScript = true</script>\n\nSome text.\n",
        encoding="utf-8",
    )
    # It starts the way the theme's pages do, or the policy hook would stop the build rather than
    # guess where its policy goes (tests/hooks/test_content_security_policy_hook.py).
    (project / "docs" / "static-page.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>Static</title>'
        "<script>window.staticScript = true</script></head>"
        "<body><p>A static page.</p></body></html>\n",
        encoding="utf-8",
    )
    add_to_nav(project, "With a script: with-script.md")


@pytest.fixture(scope="module")
def writers_site(tmp_path_factory):
    with changed_site(tmp_path_factory.mktemp("writers-scripts"), writers_scripts) as site:
        yield site


def test_scripts_a_writer_adds_are_never_hashed_and_never_run(writers_site, new_page_for):
    hashes = set()
    for html_file in html_files(writers_site.folder):
        hashes.update(directives(POLICY_META.search(html_file.read_text(encoding="utf-8")).group(1).replace("&#x27;", "'"))["script-src"])
    assert "'sha256-" + base64.b64encode(hashlib.sha256(b"window.writerScript = true").digest()).decode() + "'" not in hashes
    assert "'sha256-" + base64.b64encode(hashlib.sha256(b"window.staticScript = true").digest()).decode() + "'" not in hashes
    page, _ = new_page_for(writers_site.url)
    page.add_init_script(VIOLATION_RECORDER)
    for address, flag in [("with-script/", "writerScript"), ("static-page.html", "staticScript")]:
        page.goto(writers_site.url + address)
        expect(page.locator("body")).to_contain_text("A static page." if "static" in address else "Some text.")
        assert page.evaluate(f"window.{flag}") is None, address
        assert any(v.startswith("script-src") for v in page.evaluate("window.cspViolations")), address


def front_matter_script(project) -> None:
    # Review 1, defect 3: a title written as a group of keys skipped the escaping, Material printed
    # its str() into <title>, and the policy hashed that script as the theme's. This copy goes
    # without the front matter check and its escaping (hooks/page_metadata_hook.py), to prove the
    # policy alone never allows a script whose text came from a page.
    config = project / "mkdocs.yml"
    text = re.sub(r"\n\s*-\s*hooks/page_metadata_hook\.py[^\n]*", "", config.read_text(encoding="utf-8"))
    assert "page_metadata_hook" not in text
    config.write_text(text, encoding="utf-8")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace(
        "---\n", "---\ntitle: {\"<script>window.frontMatterScript = true</script>\": 1}\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def front_matter_site(tmp_path_factory):
    # Not strict: the warning below is what this build must print, and the site is what it must make.
    with changed_site(tmp_path_factory.mktemp("front-matter-script"), front_matter_script, strict=False) as site:
        yield site


def test_a_script_the_theme_printed_from_front_matter_is_never_hashed_and_never_runs(front_matter_site, new_page_for):
    about = (front_matter_site.folder / "about" / "index.html").read_text(encoding="utf-8")
    assert "<script>window.frontMatterScript = true</script>" in about  # what the theme wrote, unescaped
    hashes = directives(POLICY_META.search(about).group(1).replace("&#x27;", "'"))["script-src"]
    assert "'sha256-" + base64.b64encode(hashlib.sha256(b"window.frontMatterScript = true").digest()).decode() + "'" not in hashes
    assert "about.md: the page has an inline script outside its content that the theme does not write" in front_matter_site.log
    page, _ = new_page_for(front_matter_site.url)
    page.add_init_script(VIOLATION_RECORDER)
    page.goto(front_matter_site.url + "about/")
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate("window.frontMatterScript") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.cspViolations"))

"""MkDocs hook: every HTML page of the built site carries one Content-Security-Policy.

A thin adapter for site_security/content_security_policy.py (which explains the policy):
- as each page is rendered, it keeps the hashes of the theme's inline scripts, taken from the
  theme's template rendered for a page at the same depth with nothing from any page in it (no
  front matter, content, title or navigation), so no script whose text came from a page is ever
  hashed; and the 404 page's. A page whose own rendering has an inline script outside its
  content that the neutral one lacks (front matter the theme turned into a script) gets a
  warning, which fails the strict build; the script is not hashed, so it could not run anyway;
- once the whole site is written, it puts the one policy made from all of them right after
  the `<meta charset>` that opens every HTML file in the site folder; a file that does not
  start as the theme's pages do stops the build (docs/ may not hold HTML files, so only a
  change to the theme or its overrides can cause that).

`mkdocs serve` injects its live-reload script into every page it serves, different each time,
so no hash can allow it: while serving, the pages go without the policy (a line in the log says
so). `mkdocs build`, which the deploy and the tests run, always writes it.
"""

from __future__ import annotations

from pathlib import Path

# MkDocs puts this file's folder on sys.path only while importing it, so import the package now.
from site_security.content_security_policy import UnexpectedPage, policy, theme_script_hashes, with_policy
from decision_tree_compiler.unseen_characters import one_line
from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

log = get_plugin_logger(__name__)

_state = {"serving": False, "hashes": set(), "env": None, "neutral": {}, "expected": {}}


def on_startup(command, **kwargs):
    _state["serving"] = command == "serve"


def on_pre_build(config):
    _state.update(hashes=set(), neutral={}, expected={})


def on_env(env, config, files):
    _state["env"] = env
    return env


class _NeutralPage:
    """A page with nothing a writer wrote: no front matter, title, content, headings or
    neighbours; its address and file are the real page's (the scripts use its depth)."""

    meta: dict = {}
    title = "Page"
    content = ""
    toc: list = []
    previous_page = next_page = parent = None
    ancestors: list = []

    def __init__(self, page):
        self._page = page

    def __getattr__(self, name):
        return getattr(self._page, name)


def on_page_context(context, page, config, nav):
    base_url = context["base_url"]  # the only thing the theme's inline scripts take from a page
    if base_url not in _state["neutral"]:
        neutral = get_context(Navigation([], []), Files([]), config, page=_NeutralPage(page), base_url=base_url)
        html = _state["env"].get_template("main.html").render(neutral)
        _state["neutral"][base_url] = theme_script_hashes(html)
    _state["expected"][page.file.src_uri] = _state["neutral"][base_url]
    return context


def on_post_page(output, page, config):
    expected = _state["expected"].pop(page.file.src_uri, set())
    _state["hashes"] |= expected
    if theme_script_hashes(output, page.content) - expected:
        log.warning(one_line(
            f"{page.file.src_uri}: the page has an inline script outside its content that the theme does not "
            "write on other pages, so it came from the page's front matter. It is not allowed to run. "
            "Remove the front matter line that made it (a page may set title:, description: and last_reviewed:)."
        ))
    return output


def on_post_template(output, template_name, config):
    if template_name.endswith(".html"):  # 404.html; sitemap.xml is no page
        _state["hashes"] |= theme_script_hashes(output)
    return output


def on_post_build(config):
    if _state["serving"]:
        log.info("Pages are served without their Content-Security-Policy, which would block live reload.")
        return
    policy_text = policy(_state["hashes"])
    for html_file in sorted(Path(config.site_dir).rglob("*.html")):
        # surrogateescape: an HTML file copied from docs/ in another encoding keeps its bytes.
        html = html_file.read_bytes().decode("utf-8", "surrogateescape")
        try:
            written = with_policy(html, policy_text)
        except UnexpectedPage as problem:
            # Only the theme writes HTML files (docs/ may not hold any): this is for a developer.
            raise PluginError(one_line(
                f"{html_file.relative_to(config.site_dir).as_posix()} in the built site {problem} "
                "The theme or an override in overrides/ changed how pages start; put the policy's place "
                "back (site_security/content_security_policy.py explains it)."
            )) from None
        html_file.write_bytes(written.encode("utf-8", "surrogateescape"))

"""MkDocs hook: every HTML page of the built site carries one Content-Security-Policy.

A thin adapter for site_security/content_security_policy.py (which explains the policy):
- as each page is rendered, it keeps the hashes of the theme's inline scripts (the page minus
  its own content) and the 404 page's;
- once the whole site is written, it puts the one policy made from all of them at the top of
  every HTML file in the site folder, including any HTML file copied as is from docs/ (whose
  scripts are never hashed, so they cannot run).

`mkdocs serve` injects its live-reload script into every page it serves, different each time,
so no hash can allow it: while serving, the pages go without the policy (a line in the log says
so). `mkdocs build`, which the deploy and the tests run, always writes it.
"""

from __future__ import annotations

from pathlib import Path

# MkDocs puts this file's folder on sys.path only while importing it, so import the package now.
from site_security.content_security_policy import policy, theme_script_hashes, with_policy
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

_state = {"serving": False, "hashes": set()}


def on_startup(command, **kwargs):
    _state["serving"] = command == "serve"


def on_pre_build(config):
    _state["hashes"] = set()


def on_post_page(output, page, config):
    _state["hashes"] |= theme_script_hashes(output, page.content)
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
        html_file.write_bytes(with_policy(html, policy_text).encode("utf-8", "surrogateescape"))

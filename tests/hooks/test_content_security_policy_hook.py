"""The policy hook puts the policy only where the browser obeys it, and stops the build for a page
that gives it no sure place (review 1, defect 15; the places are tested in
tests/site_security/test_content_security_policy.py, the built site in tests/browser/)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import content_security_policy_hook as hook

THEME_START = '<!doctype html>\n<html lang="en" class="no-js">\n  <head>\n    <meta charset="utf-8">\n'


def test_a_built_page_that_does_not_start_as_the_themes_do_stops_the_build(tmp_path):
    (tmp_path / "index.html").write_text(THEME_START + "<title>Home</title>", encoding="utf-8")
    (tmp_path / "odd").mkdir()
    (tmp_path / "odd" / "index.html").write_text("<!-- <head> -->" + THEME_START, encoding="utf-8")
    hook.on_startup("build")
    hook.on_pre_build(None)
    with pytest.raises(PluginError, match=r"^odd/index.html in the built site does not start the way the theme"):
        hook.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))


def test_each_page_gets_the_policy_right_after_its_charset(tmp_path):
    (tmp_path / "index.html").write_text(THEME_START + "<title>Home</title>", encoding="utf-8")
    hook.on_startup("build")
    hook.on_pre_build(None)
    hook.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
    written = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert written.startswith(THEME_START.rstrip("\n") + '<meta http-equiv="Content-Security-Policy" content="default-src')

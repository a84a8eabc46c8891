"""MkDocs hook: docs/ publishes only the kinds of file it may, and nothing the theme or the build owns.

A thin adapter for site_security/docs_files.py, which says why. Listed first in mkdocs.yml, so
its on_files runs before any other hook reads a file of docs/:
- a refused file (a script, an SVG or HTML file, a symbolic link, a page too large to read, a
  file at the place of one of the theme's) is reported to writer_problems and taken out of the
  build: never read, copied or served. A theme file it hid is put back, so `mkdocs serve` keeps
  working while the writer fixes it;
- on_nav, once every hook has added the files it makes, refuses a docs file at the same place
  on the site as one of those;
- on_page_markdown, before any other hook or Markdown reads a page, refuses a page Markdown would
  take minutes to read, or that would stop MkDocs with a traceback (site_security/markdown_cost.py): the problems are reported, and Markdown
  gets one short sentence instead, so the build (or the preview) goes on at once.
"""

from __future__ import annotations

import os
from pathlib import Path

# MkDocs puts this file's folder on sys.path only while importing it, so import the package now.
from mkdocs.structure.files import Files
from site_security.docs_files import collision_problem, docs_file_problems
from site_security.markdown_cost import markdown_cost_problems
from writer_problems.report import REPORT

_kept: dict[str, str] = {}
"""Site path -> the docs file published there, as messages name it."""


def _folder(config) -> str:
    project = Path(config.config_file_path).parent
    return Path(os.path.relpath(config.docs_dir, project)).as_posix() + "/"


def on_files(files, config):
    folder = _folder(config)
    theme = Files([])
    theme.add_files_from_theme(config.theme.get_env(), config)
    reserved = {file.dest_uri: "the theme's file" for file in theme}
    for template in config.theme.static_templates:
        reserved[template] = "a page the theme makes"
        reserved[f"{template}.gz"] = "a file the build makes"
    _kept.clear()
    for file in list(files):
        if file.generated_by is not None or file.src_dir != config.docs_dir or file.inclusion.is_excluded():
            continue  # the theme's files, and files MkDocs itself leaves out (.hidden, templates/)
        problems = docs_file_problems(Path(config.docs_dir), file.src_uri, file.dest_uri, folder=folder, reserved=reserved)
        if not problems:
            _kept[file.dest_uri] = f"{folder}{file.src_uri}"
            continue
        REPORT.add(problems)
        files.remove(file)
        hidden_theme_file = theme.get_file_from_path(file.src_uri)
        if hidden_theme_file is not None:
            files.append(hidden_theme_file)
    return files


def on_nav(nav, config, files):
    for file in files:
        shown = _kept.get(file.dest_uri)
        if file.generated_by is not None and shown is not None:
            REPORT.add([collision_problem(shown, file.dest_uri, "a file the build makes")])
    return nav


NOT_SHOWN = "This page is not shown until the problems above are fixed.\n"


def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by is not None:
        return markdown  # pages made by other hooks are checked by the code that makes them
    problems = markdown_cost_problems(f"{_folder(config)}{page.file.src_uri}", page.file.content_string)
    if not problems:
        return markdown
    REPORT.add(problems, page=page.file.src_uri)
    return NOT_SHOWN

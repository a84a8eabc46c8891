"""MkDocs hook: the problems the other hooks found, told once, after every page is rendered.

A thin adapter for writer_problems/. Listed last in mkdocs.yml, so it runs after the hooks
that find problems (decision trees, page checks). Once every page is rendered, and before
anything is written:
- `mkdocs build` stops with every problem of every file (and, in GitHub Actions, an annotation
  on each problem's line), after MkDocs has also reported its own link warnings;
- `mkdocs serve` never stops: each page shows its own problems at its top, instead of its
  content, and the terminal lists them all; the next save that fixes them brings the page back. A build that stopped
  would leave the preview waiting on the old pages ("the server will appear stuck").
"""

from __future__ import annotations

# MkDocs puts this file's folder on sys.path only while importing it, so import the package now.
from decision_tree_compiler.problems import github_annotations_wanted
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from writer_problems.banner import problems_banner
from writer_problems.report import REPORT

log = get_plugin_logger(__name__)


def on_startup(command, **kwargs):
    REPORT.serving = command == "serve"


def on_pre_build(config):
    REPORT.clear()


def on_env(env, config, files):
    problems = REPORT.problems
    if not problems:
        return env
    if not REPORT.serving:
        if github_annotations_wanted():  # each problem on its line in the pull request's Files tab
            print(REPORT.annotations(), flush=True)
        raise PluginError(REPORT.failure_message())
    log.warning(REPORT.failure_message())
    by_page = REPORT.by_page()
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.content is None:
            continue
        here = by_page.get(file.src_uri, [])
        # A page with problems shows only them: the preview has no Content-Security-Policy, so a
        # refused <script> left in the page would run in the writer's browser.
        page.content = problems_banner(here, len(problems) - len(here)) + ("" if here else page.content)
    return env

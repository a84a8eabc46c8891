"""What the preview shows in place of a broken page: everything from the files stays text."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from decision_tree_compiler.page_anchors import site_markdown_from_config
from decision_tree_compiler.problems import Position, problem_at, with_source
from tests.project_copy import PROJECT_ROOT
from writer_problems.banner import broken_tree_page, problems_banner

SITE = site_markdown_from_config(PROJECT_ROOT / "mkdocs.yml")


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]


def _elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


HOSTILE_FILE_NAMES = [
    "decision_tree/x![a](nope.png){onerror=alert(document.domain)}.yml",
    "decision_tree/x[click me](javascript:alert(1)).yml",
    'decision_tree/<img src=x onerror="alert(1)">.yml',
    "decision_tree/x\x1b]0;title\x07.yml",
]


@pytest.mark.parametrize("file_name", HOSTILE_FILE_NAMES)
def test_a_tree_file_name_is_shown_as_a_name_never_as_markup(file_name):
    page = broken_tree_page(file_name)
    body = page.split("---\n", 2)[2]
    html = markdown.Markdown(extensions=SITE.extensions, extension_configs=SITE.configs).convert(body)
    elements = _elements(html)
    assert set(elements.tags) <= {"h1", "p", "code", "a"}  # the heading's permalink is the only link
    assert "onerror" not in elements.attributes and "src" not in elements.attributes
    assert "javascript:" not in html.replace("[click me](javascript:alert(1))", "")
    assert "\x1b" not in html and "\x07" not in html


def test_the_banner_escapes_the_file_name_message_and_line():
    source = 'title: "<script>alert(1)</script>"\n'
    problem = problem_at('decision_tree/<b onclick="x">.yml', Position(1, 8), "has <script> in it", "Remove <i>it</i>", "x")
    banner = problems_banner(with_source([problem], source))
    elements = _elements(banner)
    assert set(elements.tags) <= {"div", "h2", "ol", "li", "p", "strong", "code", "pre"}
    assert elements.attributes.count("onclick") == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in banner

"""The tree's Markdown fields and "see" links turned into HTML pieces, once, for both outputs.

render_html.py (the static page) and compile_json.py (the data for the page's script) share
these pieces, so a field is rendered once and both outputs always agree. Rendering is part of the
check stage: a link to a missing page or anchor, a link the allow-list refuses (javascript:,
data:, ...) and an image from another site are reported here, on the line of the field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from site_security.locate import NeedleLocator

from .markdown_fields import MarkdownFields
from .model import Tree
from .pages import Pages
from .problems import Problem, problem_at
from .structure import suggest
from .yaml_source import position_in_text


@dataclass(frozen=True)
class SeeLink:
    title: str
    url: str


@dataclass
class RenderedFields:
    intro_html: str | None = None
    help_html: dict[str, str] = field(default_factory=dict)
    """Question id -> HTML of its help, for questions that have help."""
    body_html: dict[str, str] = field(default_factory=dict)
    see: dict[str, list[SeeLink]] = field(default_factory=dict)


def render_fields(tree: Tree, pages: Pages) -> tuple[RenderedFields, list[Problem]]:
    renderer = MarkdownFields(pages.url_for, pages.anchors)
    problems: list[Problem] = []
    rendered = RenderedFields()
    see_links: dict[str, SeeLink] = {}  # many outcomes link to the same few pages

    def report(node, text: str, index: int, message: str, fix: str, code: str, length: int = 0) -> None:
        position = position_in_text(node, index, tree.source_lines) if node is not None else (1, 1)
        problems.append(dataclasses.replace(problem_at(tree.file, position, message, fix, code), length=length))

    def link_index(text: str, target: str) -> int:
        index = text.find(f"]({target}")
        return index + 2 if index >= 0 else max(text.find(target), 0)

    def markdown(text: str, place: str, node) -> str:
        field_html = renderer.render(text)
        for target in field_html.unknown_links:
            guess = suggest(target, pages.known_pages())
            hint = f'Did you mean "{guess}"? ' if guess else ""
            report(
                node, text, link_index(text, target),
                f'{place} links to "{target}", which is not a file in {pages.folder}.',
                f"{hint}Link to a page by its file name in {pages.folder}, "
                "for example [what to do if you are denied](if-you-are-denied.md).",
                "unknown-link",
            )
        for target, anchor in field_html.missing_anchors:
            message, fix = _missing_anchor(pages, target, anchor)
            report(node, text, link_index(text, f"{target}#{anchor}"), f"{place} {message}", fix, "unknown-anchor")
        locator = NeedleLocator(text)
        for finding in field_html.findings:
            index, length = locator.find(finding)
            report(node, text, index, f"{place} {finding.what}", finding.fix, finding.code, length)
        return field_html.html

    if tree.intro is not None:
        rendered.intro_html = markdown(tree.intro, "the intro", tree.value_node("intro"))
    for question in tree.questions.values():
        if question.help is not None:
            rendered.help_html[question.id] = markdown(
                question.help, f'the help of question "{question.id}"', question.value_node("help")
            )
    for outcome in tree.outcomes.values():
        if outcome.body is not None:
            rendered.body_html[outcome.id] = markdown(
                outcome.body, f'the body of outcome "{outcome.id}"', outcome.value_node("body")
            )
        links = []
        for index, page in enumerate(outcome.see):
            path, separator, anchor = page.partition("#")
            link = see_links.get(page)
            if link is None:
                url = pages.url_for(path)
                if url is None:
                    continue  # a missing page is reported by checks.py
                link = see_links[page] = SeeLink(pages.title_of(path), url + separator + anchor)
            anchors = pages.anchors(path) if anchor else None
            if anchors is not None and anchor not in anchors:
                message, fix = _missing_anchor(pages, page.partition("#")[0], anchor)
                problems.append(
                    problem_at(
                        tree.file,
                        outcome.see_position(index),
                        f'page {index + 1} under "see:" of outcome "{outcome.id}" {message}',
                        fix,
                        "unknown-anchor",
                    )
                )
            links.append(link)
        rendered.see[outcome.id] = links
    return rendered, problems


def _missing_anchor(pages: Pages, target: str, anchor: str) -> tuple[str, str]:
    """What to say about a link to target#anchor when target has no such anchor."""
    anchors = sorted(pages.anchors(target) or ())
    headings = [name for name in anchors if not name.startswith(("fn:", "fnref:"))]
    guess = suggest(anchor, headings)
    hint = f'Did you mean "#{guess}"? ' if guess else ""
    return (
        f'links to "{target}#{anchor}", but {target} has no heading or anchor "#{anchor}".',
        f"{hint}A heading's anchor is its text in lower case with hyphens: "
        '"## Internal appeal" is #internal-appeal.',
    )

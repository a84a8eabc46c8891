"""The tree's Markdown fields and "see" links turned into HTML pieces, once, for both outputs.

render_html.py (the static page) and compile_json.py (the data for the page's script) share
these pieces, so a field is rendered once and both outputs always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    renderer = MarkdownFields(pages.url_for)
    problems: list[Problem] = []
    rendered = RenderedFields()
    see_links: dict[str, SeeLink] = {}  # many outcomes link to the same few pages

    def markdown(text: str, place: str, node) -> str:
        html, unknown = renderer.render(text)
        for target in unknown:
            index = text.find(f"]({target}")
            index = index + 2 if index >= 0 else max(text.find(target), 0)
            position = position_in_text(node, index, tree.source_lines) if node is not None else (1, 1)
            guess = suggest(target, pages.known_pages())
            hint = f'Did you mean "{guess}"? ' if guess else ""
            problems.append(
                problem_at(
                    tree.file,
                    position,
                    f'{place} links to "{target}", which is not a file in {pages.folder}.',
                    f"{hint}Link to a page by its file name in {pages.folder}, "
                    "for example [what to do if you are denied](if-you-are-denied.md).",
                    "unknown-link",
                )
            )
        return html

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
        for page in outcome.see:
            link = see_links.get(page)
            if link is None:
                path, separator, anchor = page.partition("#")
                url = pages.url_for(path)
                if url is None:
                    continue  # a missing page is reported by checks.py
                link = see_links[page] = SeeLink(pages.title_of(path), url + separator + anchor)
            links.append(link)
        rendered.see[outcome.id] = links
    return rendered, problems

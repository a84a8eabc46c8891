"""The static page: real HTML for every question and outcome, linked by plain anchors.

This HTML is a contract with the page's script and its tests (issue 4); keep these names:
- root `<div class="dt" data-decision-tree="<tree id>" data-start="<start id>">`;
- `<div class="dt-intro">`;
- per question `<section class="dt-node dt-question" id="<tree>--<node>" data-node data-kind="question"
  aria-labelledby>` with an `<h2>` (its text in the `<span id="<tree>--<node>--title">` that labels
  the section), an optional `<div class="dt-help">` and
  `<ul class="dt-options">` of `<a href="#<tree>--<next>" data-next="<next>">label</a>`;
  the start question also has the class `dt-start` and comes first, the rest breadth-first;
- per outcome `<section class="dt-node dt-outcome dt-verdict-<verdict>" ... data-kind="outcome"
  data-verdict>` with an `<h2>`, a verdict line (text and an aria-hidden icon), `<div class="dt-body">`,
  a "Read more" list and a link back to the start;
- the compiled JSON in `<script type="application/json" class="dt-data">`, inside a
  `<template class="dt-data-template">` (see render_data);
- a progress line `<p class="dt-progress">`;
- the map (render_map): `<section class="dt-map">` with the drawn flowchart (render_diagram.py)
  in `<div class="dt-diagram-scroll">`, an empty `<div class="dt-diagram-tools">` for the
  script's zoom buttons, and the list version (render_outline.py) inside
  `<details class="dt-outline">`; a tree too big to draw gets the list alone and the reason.

Every id is made by html_ids.py, which explains why none can equal a heading's id (the page's
H1 gets one from the tree's title), another generated id, or one of another tree's.

Headings carry no id (the id that labels a section sits on a <span> inside its <h2>): Material's
search splits a page at every heading with an id, and does so in time quadratic in their number
when the headings are nested in sections, which took a 10,000-question page tens of seconds to
index. Without heading ids the page is one search entry holding every question and outcome.

The page is put together by PAGE_PARTS, a list of small functions, so the flowchart and the
one-question-at-a-time wrapper can be added by another module without touching these.
Every string from the YAML is escaped with html.escape; Markdown fields arrive as HTML that
markdown_fields.py produced (which escapes raw HTML too).
"""

from __future__ import annotations

from dataclasses import dataclass
from .html_escape import escape
from typing import Callable

from .compile_json import compile_tree_data, json_for_script
from .graph import breadth_first_order
from .html_ids import map_title_id, section_id, title_id
from .model import Outcome, Question, Tree
from .page_text import SCRIPT_TEXT, progress_line
from .render_diagram import LIMITS, Drawing, Limits, draw_diagram
from .render_outline import render_outline
from .rendered_fields import RenderedFields
from .verdicts import VERDICTS

READ_MORE = "Read more"
START_AGAIN = SCRIPT_TEXT["start_again"]
MAP_TITLE = "All questions and outcomes"
DIAGRAM_ABOUT = (
    "The whole decision tree, from the first question down. Each box opens its question or result. "
    "The number on an arrow is the number of the answer it stands for."
)
SHOW_LIST = "Show the flowchart as a list"
SCROLL_NAME = "Flowchart drawing"


@dataclass(frozen=True)
class PageContext:
    """Everything a page part may need, computed once."""

    tree: Tree
    fields: RenderedFields
    order: list[str]
    """Node ids in page order: start first, then breadth-first."""
    data: dict
    """The compiled JSON form (compile_json.compile_tree_data)."""
    escaped_ids: dict[str, str]
    """Each node id escaped for HTML once, since every id is written many times."""
    drawing: Drawing
    """The drawn flowchart, or why the tree is too big to draw (render_diagram.draw_diagram)."""

    def section_id(self, node_id: str) -> str:
        """The id of a node's section, escaped for HTML."""
        return section_id(self.escaped_ids[self.tree.id], self.escaped_ids[node_id])

    def title_id(self, node_id: str) -> str:
        """The id of the text that names a node's section, escaped for HTML."""
        return title_id(self.escaped_ids[self.tree.id], self.escaped_ids[node_id])


PagePart = Callable[[PageContext], str]


def render_intro(context: PageContext) -> str:
    if context.fields.intro_html is None:
        return ""
    return f'<div class="dt-intro">\n{context.fields.intro_html}\n</div>'


def render_question(context: PageContext, question: Question) -> str:
    ids = context.escaped_ids
    title = context.title_id(question.id)
    classes = "dt-node dt-question dt-start" if question.id == context.tree.start else "dt-node dt-question"
    parts = [
        f'<section class="{classes}" id="{context.section_id(question.id)}" data-node="{ids[question.id]}" '
        f'data-kind="question" aria-labelledby="{title}">',
        f'<h2><span id="{title}">{escape(question.text)}</span></h2>',
    ]
    help_html = context.fields.help_html.get(question.id)
    if help_html is not None:
        parts.append(f'<div class="dt-help">\n{help_html}\n</div>')
    parts.append('<ul class="dt-options">')
    for option in question.options:
        next_id = ids[option.next]
        parts.append(
            f'<li><a href="#{context.section_id(option.next)}" data-next="{next_id}">{escape(option.label)}</a></li>'
        )
    parts.append("</ul>\n</section>")
    return "\n".join(parts)


def render_verdict_line(verdict_id: str) -> str:
    verdict = VERDICTS[verdict_id]
    return (
        f'<p class="dt-verdict"><span class="dt-verdict-icon" aria-hidden="true">{escape(verdict.icon)}</span> '
        f'<span class="dt-verdict-label">{escape(verdict.label)}</span></p>'
    )


def render_outcome(context: PageContext, outcome: Outcome) -> str:
    ids = context.escaped_ids
    title = context.title_id(outcome.id)
    verdict = escape(outcome.verdict)
    parts = [
        f'<section class="dt-node dt-outcome dt-verdict-{verdict}" id="{context.section_id(outcome.id)}" '
        f'data-node="{ids[outcome.id]}" data-kind="outcome" data-verdict="{verdict}" aria-labelledby="{title}">',
        f'<h2><span id="{title}">{escape(outcome.title)}</span></h2>',
        render_verdict_line(outcome.verdict),
        f'<div class="dt-body">\n{context.fields.body_html[outcome.id]}\n</div>',
    ]
    links = context.fields.see.get(outcome.id)
    if links:
        parts.append(f'<div class="dt-see">\n<h3>{READ_MORE}</h3>\n<ul>')
        parts.extend(f'<li><a href="{escape(link.url)}">{escape(link.title)}</a></li>' for link in links)
        parts.append("</ul>\n</div>")
    start = ids[context.tree.start]
    parts.append(
        f'<p class="dt-restart"><a href="#{context.section_id(context.tree.start)}" data-next="{start}">{START_AGAIN}</a></p>'
    )
    parts.append("</section>")
    return "\n".join(parts)


def render_nodes(context: PageContext) -> str:
    tree = context.tree
    sections = []
    for node_id in context.order:
        question = tree.questions.get(node_id)
        if question is not None:
            sections.append(render_question(context, question))
        else:
            sections.append(render_outcome(context, tree.outcomes[node_id]))
    return "\n".join(sections)


def render_progress(context: PageContext) -> str:
    """Right for the first question; the page's script keeps it up to date, so nothing moves."""
    return f'<p class="dt-progress">{progress_line(1, context.data["max_questions"])}</p>'


def render_map(context: PageContext) -> str:
    """The whole tree: the drawing, with the list as its text version behind a disclosure (a
    screen reader meets the tree once, as the drawing's named group of links); or, for a tree
    too big to draw, the list alone after the sentence that says why.

    A section, not a nav: it is content, and axe wants every landmark named. data-search-exclude
    keeps these copies of the questions out of the search index; the sections above are what
    search should find. The heading's id is on a span, as for the questions: Material's search
    starts a new entry at every heading with an id."""
    title = map_title_id(context.escaped_ids[context.tree.id])
    drawing = context.drawing
    parts = [
        f'<section class="dt-map{" dt-map-drawn" if drawing.svg else ""}" aria-labelledby="{title}" data-search-exclude>',
        f'<h2 class="dt-map-title"><span id="{title}">{MAP_TITLE}</span></h2>',
    ]
    if drawing.svg is None:
        parts += [f'<p class="dt-map-why">{escape(drawing.reason)}</p>', render_outline(context.tree)]
    else:
        parts += [
            f'<p class="dt-map-about">{DIAGRAM_ABOUT}</p>',
            # The script puts its zoom buttons here; the stylesheet keeps the room for them, so
            # nothing moves when they come.
            '<div class="dt-diagram-tools"></div>',
            # Its own scroll container: the drawing keeps its size (no text under 12 px) and
            # the page never scrolls sideways. Focusable and named, so keyboard users can
            # scroll it with the arrow keys (axe: scrollable-region-focusable).
            f'<div class="dt-diagram-scroll" tabindex="0" role="region" aria-label="{SCROLL_NAME}">\n{drawing.svg}\n</div>',
            f'<details class="dt-outline"><summary>{SHOW_LIST}</summary>',
            render_outline(context.tree),
            "</details>",
        ]
    parts.append("</section>")
    return "\n".join(parts)


def render_data(context: PageContext) -> str:
    # Inside a <template>: Material's instant navigation re-runs every <script> of the page it
    # swaps in, dropping their type, so a bare JSON script would run as JavaScript and fail.
    # Template content is inert and out of its reach; the page's script reads it from there.
    return (
        '<template class="dt-data-template">'
        f'<script type="application/json" class="dt-data">{json_for_script(context.data)}</script></template>'
    )


PAGE_PARTS: list[PagePart] = [render_intro, render_progress, render_nodes, render_map, render_data]
"""The parts inside the root element, in order."""


def page_context(tree: Tree, fields: RenderedFields, limits: Limits = LIMITS) -> PageContext:
    """limits: past these the page shows the list without the drawing (render_diagram.LIMITS)."""
    order = breadth_first_order(tree)
    escaped_ids = {node_id: escape(node_id) for node_id in (tree.id, *order)}
    # Each box links to its node's section: its address without JavaScript.
    drawing = draw_diagram(tree, lambda node_id: "#" + section_id(tree.id, node_id), limits)
    return PageContext(tree, fields, order, compile_tree_data(tree, order), escaped_ids, drawing)


def render_tree_html(context: PageContext, parts: list[PagePart] | None = None) -> str:
    """The root element with every part inside. No blank line anywhere: Python-Markdown keeps
    the whole block as raw HTML, and nothing inside it is read as Markdown."""
    tree = context.tree
    inner = [html for html in (part(context) for part in (parts if parts is not None else PAGE_PARTS)) if html]
    return "\n".join(
        [
            f'<div class="dt" data-decision-tree="{context.escaped_ids[tree.id]}" data-start="{context.escaped_ids[tree.start]}">',
            *inner,
            "</div>",
        ]
    )

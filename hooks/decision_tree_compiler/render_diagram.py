"""The whole tree as a drawn flowchart: one inline SVG, laid out at build time.

A box per question (its text, then its answers numbered 1, 2, 3...) and per outcome (its
title, then the verdict's icon and words in the verdict's colour), and an arrow per answer
from the question to where it leads, labelled with the answer's number. Two answers that lead
to the same place share one arrow labelled with both numbers ("2, 3").

Contract with the page's script and tests (data attributes, as everywhere on the page):
- every box is `<a xlink:href=... data-node="ID">`: a working link with JavaScript off. The
  address is in xlink:href, not href, which browsers treat alike: Material's instant navigation
  rewrites every `[href]` on a page by assigning `element.href = element.href`, which throws on
  an SVG link (its href is a read-only SVGAnimatedString) and stops instant navigation; the CSS
  selector `[href]` does not match the namespaced attribute;
- every arrow is `<g class="dt-diagram-edge" data-from="ID" data-to="ID" data-options="2 3">`
  (the numbers of the answers it stands for, space-separated);
- nothing here sets data-on-path: the script marks the reader's path.

Sizes are CSS pixels at scale 1, and no text is smaller than 12 px. Colours come only from
CSS classes (assets/decision-tree-diagram.css and the verdict rules of page_assets.py), so the
light, dark and print palettes all work. Every string from the YAML is escaped.

Too big to help: beyond LIMITS the page should show the outline alone; draw_diagram says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from .flowchart_layout import Layout, Route, Spacing, layered_layout
from .graph import longest_path_layers, next_ids, topological_order_from
from .html_escape import escape
from .html_ids import arrow_head_id
from .model import Tree
from .text_measure import text_width, wrap
from .verdicts import VERDICTS

# Text sizes (CSS px) and line heights. The smallest is 12 px.
QUESTION_SIZE, QUESTION_LINE = 14, 18
ANSWER_SIZE, ANSWER_LINE = 13, 17
TITLE_SIZE, TITLE_LINE = 14, 18
VERDICT_SIZE, VERDICT_LINE = 13, 17
LABEL_SIZE = 12
MIN_TEXT_SIZE = min(QUESTION_SIZE, ANSWER_SIZE, TITLE_SIZE, VERDICT_SIZE, LABEL_SIZE)

TEXT_WIDTH = 200
"""Longest line in a box: about 30 characters. Narrower boxes make the drawing taller but less
wide, and it is the width that a phone has to scroll."""
PADDING = 10
NUMBER_WIDTH = 20
"""Room for an answer's number ("5.") before its words, which wrap under each other."""
BAR = 6
"""The verdict's coloured bar on the left of an outcome box."""
BLOCK_GAP = 6
"""Between a question and its answers, and an outcome's title and verdict."""
LABEL_HEIGHT = 18
LABEL_PADDING = 6
ARROW = 8
XLINK = "http://www.w3.org/1999/xlink"
SPACING = Spacing(box_gap=28, lane_gap=16)


@dataclass(frozen=True)
class Limits:
    boxes: int
    per_row: int
    crossings: int


LIMITS = Limits(boxes=100, per_row=30, crossings=40)
"""Beyond any of these the drawing stops helping a reader and the page shows the list alone.

At scale 1 (the smallest text 12 px) a box is some 210 px wide plus a 28 px gap, and a row
with the arrows below it some 250 px tall, so a 1280 x 800 desktop screen holds about 5 x 3
boxes and a 375 px phone 1 or 2 x 3.
- boxes: 100 boxes fill six or more desktop screens, fifty phone screens: past that a reader
  can no longer see where a path goes, only follow it box by box, which the list does better.
  The real tree has 50 boxes; the tests grow it by 24 more and it stays below the limit.
- per_row: 30 boxes make a row some 7,500 px wide, six desktop screens: wider rows mean
  scrolling sideways through unrelated boxes to find the next one on a path. The real tree
  asks which of nine kinds of coverage the reader has, and each kind ends in its own outcomes
  at about the same depth, so its widest row has 19 boxes (the grown one 21): the limit must
  leave room for a tree that asks "which kind of plan" early.
- crossings: each is a place where a reader tracing an arrow can switch to the wrong one.
  40 is about one for every answer of a 40-box tree; a tree written with care has few (the
  real tree none, the grown one 8), and a tangle of hundreds means the tree's shape, not the
  drawing, needs work."""


@dataclass(frozen=True)
class Drawing:
    svg: str | None
    """The <svg> element, or None when the tree is too big to draw usefully."""
    reason: str | None
    """When svg is None: a sentence for readers saying why the page shows only the list."""
    exceeded: str | None = None
    """When svg is None: which of LIMITS' fields was passed ("boxes", "per_row", "crossings")."""


@dataclass(frozen=True)
class _Line:
    text: str
    x: int
    baseline: int
    size: int
    css: str
    bold: bool = False


@dataclass(frozen=True)
class _Card:
    """A box's contents, measured: lines relative to the box's top left corner."""

    node_id: str
    lines: list[_Line]
    width: int
    height: int
    name: str
    """The link's accessible name: the question or the outcome's title and verdict."""
    css: str


@dataclass(frozen=True)
class _Arrow:
    source: str
    target: str
    numbers: list[int]

    @property
    def label(self) -> str:
        return ", ".join(str(number) for number in self.numbers)


def draw_diagram(tree: Tree, href_for: Callable[[str], str], limits: Limits = LIMITS) -> Drawing:
    """The flowchart, or why it is not drawn (what the page should call)."""
    plan = _plan(tree, limits)
    if isinstance(plan, Drawing):
        return plan
    return Drawing(_svg(tree, *plan, href_for), None)


def too_big_to_draw(tree: Tree, limits: Limits = LIMITS) -> str | None:
    """The sentence draw_diagram would give instead of a drawing, or None if it draws one."""
    plan = _plan(tree, limits)
    return plan.reason if isinstance(plan, Drawing) else None


def render_diagram(tree: Tree, href_for: Callable[[str], str]) -> str:
    """The flowchart as one <svg> element, whatever the tree's size."""
    return _svg(tree, *_lay_out(tree, *_order_and_layers(tree)), href_for)


def layout_of(tree: Tree) -> Layout:
    """Where every box and arrow goes (for tests and the benchmark)."""
    return _lay_out(tree, *_order_and_layers(tree))[2]


def _order_and_layers(tree: Tree) -> tuple[list[str], dict[str, int]]:
    successors = next_ids(tree)
    order = topological_order_from(tree.start, successors)
    return order, longest_path_layers(order, successors)


def _plan(tree: Tree, limits: Limits):
    """The measured boxes, arrows and layout; or a Drawing saying which limit the tree passes.
    The counts are checked before any layout: boxes at once, boxes per row in a linear pass."""
    # In a checked tree every node is reachable, so the box count needs no walk at all: a
    # 10,000-question tree is turned down in no time.
    boxes = len(tree.questions) + len(tree.outcomes)
    if boxes > limits.boxes:
        return Drawing(
            None,
            f"The flowchart is not drawn: this tree has {boxes:,} questions and outcomes, "
            "too many to follow in one picture. The list shows them all.",
            "boxes",
        )
    order, depth = _order_and_layers(tree)
    per_row: dict[int, int] = {}
    for node in order:
        per_row[depth[node]] = per_row.get(depth[node], 0) + 1
    widest = max(per_row.values(), default=0)
    if widest > limits.per_row:
        return Drawing(
            None,
            f"The flowchart is not drawn: one of its rows would hold {widest:,} boxes, "
            "too wide to follow. The list shows every question and outcome.",
            "per_row",
        )
    cards, arrows, layout = _lay_out(tree, order, depth)
    if layout.crossings > limits.crossings:
        return Drawing(
            None,
            f"The flowchart is not drawn: its arrows would cross {layout.crossings:,} times, "
            "too many to follow. The list shows every question and where each answer leads.",
            "crossings",
        )
    return cards, arrows, layout


# --- Measuring boxes and laying them out ------------------------------------------------------


def _lay_out(tree: Tree, order: list[str], depth: dict[str, int]) -> tuple[dict[str, _Card], list[_Arrow], Layout]:
    arrows = _arrows(tree, order)
    exits: dict[str, list[_Arrow]] = {}
    for arrow in arrows:
        exits.setdefault(arrow.source, []).append(arrow)
    cards = {node: _card(tree, node, exits.get(node, [])) for node in order}
    layout = layered_layout(
        {node: (card.width, card.height) for node, card in cards.items()},
        [(arrow.source, arrow.target) for arrow in arrows],
        depth,
        SPACING,
    )
    return cards, arrows, layout


def _arrows(tree: Tree, order: list[str]) -> list[_Arrow]:
    """One arrow per (question, next) pair, with the numbers of every answer that takes it."""
    arrows: list[_Arrow] = []
    for node in order:
        question = tree.questions.get(node)
        if question is None:
            continue
        by_target: dict[str, _Arrow] = {}
        for option in question.options:
            arrow = by_target.get(option.next)
            if arrow is None:
                arrow = by_target[option.next] = _Arrow(node, option.next, [])
                arrows.append(arrow)
            arrow.numbers.append(option.number)
    return arrows


def _label_width(arrow: _Arrow) -> int:
    return int(text_width(arrow.label, LABEL_SIZE, bold=True)) + 2 * LABEL_PADDING + 1


def _card(tree: Tree, node: str, exits: list[_Arrow]) -> _Card:
    question = tree.questions.get(node)
    lines: list[_Line] = []
    y = PADDING
    widest = 0.0
    if question is not None:
        left = PADDING
        for text in wrap(question.text, TEXT_WIDTH, QUESTION_SIZE, bold=True):
            lines.append(_Line(text, left, y + _baseline(QUESTION_LINE, QUESTION_SIZE), QUESTION_SIZE, "dt-diagram-text", True))
            widest = max(widest, text_width(text, QUESTION_SIZE, bold=True))
            y += QUESTION_LINE
        y += BLOCK_GAP
        for option in question.options:
            lines.append(_Line(f"{option.number}.", left, y + _baseline(ANSWER_LINE, ANSWER_SIZE), ANSWER_SIZE, "dt-diagram-number", True))
            for text in wrap(option.label, TEXT_WIDTH - NUMBER_WIDTH, ANSWER_SIZE):
                lines.append(_Line(text, left + NUMBER_WIDTH, y + _baseline(ANSWER_LINE, ANSWER_SIZE), ANSWER_SIZE, "dt-diagram-text"))
                widest = max(widest, NUMBER_WIDTH + text_width(text, ANSWER_SIZE))
                y += ANSWER_LINE
        name = question.text
        css = "dt-diagram-node dt-diagram-question"
        content_left = PADDING
    else:
        outcome = tree.outcomes[node]
        verdict = VERDICTS[outcome.verdict]
        left = BAR + PADDING
        for text in wrap(outcome.title, TEXT_WIDTH, TITLE_SIZE, bold=True):
            lines.append(_Line(text, left, y + _baseline(TITLE_LINE, TITLE_SIZE), TITLE_SIZE, "dt-diagram-text", True))
            widest = max(widest, text_width(text, TITLE_SIZE, bold=True))
            y += TITLE_LINE
        y += BLOCK_GAP
        for text in wrap(f"{verdict.icon} {verdict.label}", TEXT_WIDTH, VERDICT_SIZE, bold=True):
            lines.append(_Line(text, left, y + _baseline(VERDICT_LINE, VERDICT_SIZE), VERDICT_SIZE, "dt-diagram-verdict", True))
            widest = max(widest, text_width(text, VERDICT_SIZE, bold=True))
            y += VERDICT_LINE
        name = f"{outcome.title} ({verdict.label})"
        css = f"dt-diagram-node dt-diagram-outcome dt-verdict-{verdict.id}"
        content_left = left
    width = content_left + math.ceil(widest) + PADDING
    if exits:
        # Room for every answer label side by side under the box (the layout spreads the
        # arrows evenly over the width), with a little air between them.
        widest_label = max(_label_width(arrow) for arrow in exits)
        width = max(width, (len(exits) + 1) * (widest_label + 8))
    return _Card(node, lines, width, y + PADDING, name, css)


def _baseline(line_height: int, size: int) -> int:
    """Where the baseline sits in a line box: the text's ascent (about 0.72 of its size for
    capitals in Arial) centred in the line's extra room."""
    return round((line_height - size) / 2 + size * 0.8)


# --- SVG -----------------------------------------------------------------------------------------


def _svg(tree: Tree, cards: dict[str, _Card], arrows: list[_Arrow], layout: Layout, href_for) -> str:
    question_count = sum(1 for node in cards if node in tree.questions)
    outcome_count = len(cards) - question_count
    summary = f"Flowchart of {_count(question_count, 'question')} and {_count(outcome_count, 'outcome')}"
    # No style attribute and no <style>: the site's Content-Security-Policy allows stylesheets
    # from files only (style-src 'self'). One arrowhead for every arrow: a marker filled with
    # its line's colour (context-stroke), so it lights up with the line on the reader's path.
    head = arrow_head_id(escape(tree.id))  # ids: html_ids.py
    out = [
        f'<svg class="dt-diagram" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="{XLINK}" role="group" aria-label="{summary}" '
        f'width="{layout.width}" height="{layout.height}" viewBox="0 0 {layout.width} {layout.height}">',
        # Its base sits where the line stops (refX 0), its tip on the target's top edge.
        f'<defs><marker id="{head}" viewBox="0 0 10 10" refX="0" refY="5" markerWidth="{ARROW}" markerHeight="{ARROW}" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" fill="context-stroke"/></marker></defs>',
        # Arrows first, so boxes sit on top; hidden from screen readers, which get each
        # box's answers from its question (and the list version of the whole tree).
        '<g class="dt-diagram-edges" aria-hidden="true">',
    ]
    ids = {node: escape(node) for node in cards}
    # One route per distinct (question, next) pair in the order given: the arrows' order.
    for arrow, route in zip(arrows, layout.routes):
        out.append(_edge(arrow, route, ids, head))
    out.append("</g>")
    # Boxes row by row, left to right: the order a keyboard reaches them.
    for row in layout.rows:
        for node in row:
            out.append(_box(cards[node], layout.boxes[node], ids[node], href_for(node)))
    out.append("</svg>")
    return "\n".join(out)


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def path_data(points) -> str:
    """A route as SVG path data: vertical runs as lines, each bend as a cubic curve whose
    control points sit at the bend's mid-height, so it stays inside the band between rows."""
    (x, y), *rest = points
    parts = [f"M{x} {y}"]
    for next_x, next_y in rest:
        if next_x == x:
            parts.append(f"V{next_y}")
        else:
            middle = (y + next_y) // 2
            parts.append(f"C{x} {middle} {next_x} {middle} {next_x} {next_y}")
        x, y = next_x, next_y
    return "".join(parts)


def _edge(arrow: _Arrow, route: Route, ids: dict[str, str], head: str) -> str:
    # Every route enters its box straight down (Spacing.entry), so the line stops ARROW short
    # of the box and the marker's head fills the rest: a thick line on the reader's path never
    # shows beside the head's point. The label sits on the straight run just below the box,
    # where no other line passes.
    *points, (tip_x, tip_y) = route.points
    x, y = route.points[0]
    label_width = _label_width(arrow)
    top = y + (SPACING.exit - LABEL_HEIGHT) // 2
    numbers = " ".join(str(number) for number in arrow.numbers)
    return (
        f'<g class="dt-diagram-edge" data-from="{ids[arrow.source]}" data-to="{ids[arrow.target]}" data-options="{numbers}">'
        f'<path class="dt-diagram-line" d="{path_data([*points, (tip_x, tip_y - ARROW)])}" marker-end="url(#{head})"/>'
        f'<rect class="dt-diagram-label" x="{x - label_width // 2}" y="{top}" width="{label_width}" '
        f'height="{LABEL_HEIGHT}" rx="{LABEL_HEIGHT // 2}"/>'
        f'<text class="dt-diagram-label-text" x="{x}" y="{top + _baseline(LABEL_HEIGHT, LABEL_SIZE)}" '
        f'font-size="{LABEL_SIZE}" font-weight="700" text-anchor="middle">{arrow.label}</text></g>'
    )


def _box(card: _Card, box, node_id: str, href: str) -> str:
    parts = [
        # role="link": browsers make an SVG <a> with xlink:href a link anyway, but tools that
        # compute roles themselves (axe, Playwright) only count an href attribute.
        f'<a class="{card.css}" xlink:href="{escape(href)}" role="link" data-node="{node_id}" aria-label="{escape(card.name)}">',
        f'<rect class="dt-diagram-box" x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" rx="6"/>',
    ]
    if "dt-diagram-outcome" in card.css:
        parts.append(f'<rect class="dt-diagram-bar" x="{box.x}" y="{box.y}" width="{BAR}" height="{box.height}" rx="3"/>')
    for line in card.lines:
        weight = ' font-weight="700"' if line.bold else ""
        parts.append(
            f'<text class="{line.css}" x="{box.x + line.x}" y="{box.y + line.baseline}" font-size="{line.size}"{weight}>'
            f"{escape(line.text)}</text>"
        )
    parts.append("</a>")
    return "".join(parts)

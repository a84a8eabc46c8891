"""The whole tree as a list of cards: the text version of the drawn flowchart, made at build time.

The page shows it behind a "Show the flowchart as a list" disclosure under the drawing
(render_diagram.py), or on its own when the tree is too big to draw (render_html.render_map).

Nodes are grouped in layers by their longest distance from the start (graph.py, as the
drawing's rows), so every answer points down the list; each layer is a row of cards that wraps,
and on a narrow phone the cards simply stack. Each card lists its answers as "label -> next",
a link to the next card, and its name links to the walker's own section, so the list is a way
to read and to walk the whole tree with or without JavaScript.

Every node is drawn exactly once however many answers lead to it, so the output and the time
are linear in questions + options (a 60-layer graph with 2**60 paths gives 123 cards).
"""

from __future__ import annotations

from .graph import longest_path_layers, next_ids, topological_order_from
from .html_escape import escape
from .html_ids import map_card_id, section_id
from .model import Tree
from .verdicts import VERDICTS

ABOUT = "Each answer links to where it leads."


def render_outline(tree: Tree) -> str:
    """The `<ol class="dt-map-layers">` of cards for a checked tree (every YAML string escaped)."""
    questions, outcomes = tree.questions, tree.outcomes
    successors = next_ids(tree)
    order = topological_order_from(tree.start, successors)
    depth = longest_path_layers(order, successors)
    rows: list[list[str]] = [[] for _ in range(max(depth.values(), default=0) + 1)]
    for node in order:
        rows[depth[node]].append(node)

    # Escaped once per node: a node's name and id appear once per answer that leads to it.
    tree_id = escape(tree.id)
    ids = {node: escape(node) for node in order}
    cards = {node: map_card_id(tree_id, ids[node]) for node in order}  # ids: html_ids.py
    names = {node: escape(questions[node].text if node in questions else outcomes[node].title) for node in order}

    out = [f'<p class="dt-map-about">{ABOUT}</p>', '<ol class="dt-map-layers">']
    for row in rows:
        out.append('<li class="dt-map-layer"><ul class="dt-map-nodes">')
        for node in row:
            # The name links to the walker's own section, so with JavaScript off it opens that
            # question; the script points it at the reader's own answers when it is on their path.
            card = (
                f'id="{cards[node]}" data-node="{ids[node]}" tabindex="-1"><h3><a class="dt-map-name" '
                f'href="#{section_id(tree_id, ids[node])}" data-node="{ids[node]}">{names[node]}</a></h3>'
            )
            question = questions.get(node)
            if question is not None:
                out.append(f'<li class="dt-map-node dt-map-question" {card}<ul class="dt-map-options">')
                # "label, then a link to where it leads". The stylesheet draws the arrow and
                # gives screen readers "leads to:"; few elements per answer keep big trees quick
                # to build (Python-Markdown, MkDocs and the search plugin each parse this HTML).
                out.extend(
                    f'<li>{escape(option.label)} <a href="#{cards[option.next]}">{names[option.next]}</a></li>'
                    for option in question.options
                )
                out.append("</ul></li>")
            else:
                verdict = VERDICTS[outcomes[node].verdict]
                out.append(
                    f'<li class="dt-map-node dt-map-outcome dt-verdict-{verdict.id}" {card}'
                    f'<p class="dt-map-verdict"><span class="dt-icon" aria-hidden="true">{escape(verdict.icon)}</span> '
                    f"{escape(verdict.label)}</p></li>"
                )
        out.append("</ul></li>")
    out.append("</ol>")
    return "\n".join(out)

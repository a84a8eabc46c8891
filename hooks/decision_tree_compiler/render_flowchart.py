"""The whole tree as a flowchart in plain HTML: drawn once at build time, no diagram library.

Input is the compiled JSON form of a checked tree (compile_json.py), so this module needs
neither MkDocs nor the YAML model, and tests can feed it generated graphs directly.

Layout: nodes are grouped in layers by their longest distance from the start, so every answer
points down the page; each layer is a row of cards that wraps, and on a narrow phone the cards
simply stack. Edges are not drawn as lines: each card lists its answers as "label -> next"
links to the next card. That keeps it readable at 320 px, and the same markup is the text
version of the whole tree for screen readers and search-free reading.

Every node is drawn exactly once however many answers lead to it, so the output and the time
are linear in questions + options (a 60-layer graph with 2**60 paths draws 122 cards).
"""

from __future__ import annotations

from .graph import longest_path_layers, topological_order_from
from .html_escape import escape
from .html_ids import map_card_id, map_title_id, section_id
from .verdicts import VERDICTS


def _successors(compiled: dict) -> dict[str, list[str]]:
    return {node: [option["next"] for option in question["options"]] for node, question in compiled["questions"].items()}


def topological_order(compiled: dict) -> list[str]:
    """Ids reachable from start, each after every question that leads to it (graph.py)."""
    return topological_order_from(compiled["start"], _successors(compiled))


def layers(compiled: dict, order: list[str] | None = None) -> dict[str, int]:
    """Each reachable node's layer: the number of answers on the longest path from start to it."""
    successors = _successors(compiled)
    order = topological_order_from(compiled["start"], successors) if order is None else order
    return longest_path_layers(order, successors)


def render_flowchart(compiled: dict) -> str:
    """The flowchart section for one tree, as an HTML string (every YAML string escaped)."""
    questions, outcomes = compiled["questions"], compiled["outcomes"]
    successors = _successors(compiled)
    order = topological_order_from(compiled["start"], successors)
    depth = longest_path_layers(order, successors)
    rows: list[list[str]] = [[] for _ in range(max(depth.values(), default=0) + 1)]
    for node in order:
        rows[depth[node]].append(node)

    # Escaped once per node: a node's name and id appear once per answer that leads to it.
    tree = escape(compiled["id"])
    ids = {node: escape(node) for node in order}
    cards = {node: map_card_id(tree, ids[node]) for node in order}  # ids: html_ids.py
    names = {
        node: escape(questions[node]["text"] if node in questions else outcomes[node]["title"]) for node in order
    }

    out = [
        # A section, not a nav: it is content (the text version of the tree), and axe wants
        # every landmark named. data-search-exclude keeps these copies of the questions out
        # of the search index; the walker's sections above are what search should find.
        f'<section class="dt-map" aria-labelledby="{map_title_id(tree)}" data-search-exclude>',
        # The id is on a span, as in render_html.py: Material's search starts a new entry at
        # every heading with an id (here it would be an empty one).
        f'<h2 class="dt-map-title"><span id="{map_title_id(tree)}">All questions and outcomes</span></h2>',
        '<p class="dt-map-about">The whole decision tree, from the first question down. '
        "Each answer links to where it leads.</p>",
        '<ol class="dt-map-layers">',
    ]
    for row in rows:
        out.append('<li class="dt-map-layer"><ul class="dt-map-nodes">')
        for node in row:
            # The name links to the walker's own section, so with JavaScript off it opens that
            # question; the script points it at the reader's own answers when it is on their path.
            card = f'id="{cards[node]}" data-node="{ids[node]}" tabindex="-1"><h3><a class="dt-map-name" href="#{section_id(tree, ids[node])}" data-node="{ids[node]}">{names[node]}</a></h3>'
            if node in questions:
                out.append(f'<li class="dt-map-node dt-map-question" {card}<ul class="dt-map-options">')
                # "label, then a link to where it leads". The stylesheet draws the arrow and
                # gives screen readers "leads to:"; few elements per answer keep big trees quick
                # to build (Python-Markdown, MkDocs and the search plugin each parse this HTML).
                out.extend(
                    f'<li>{escape(option["label"])} <a href="#{cards[option["next"]]}">{names[option["next"]]}</a></li>'
                    for option in questions[node]["options"]
                )
                out.append("</ul></li>")
            else:
                verdict = VERDICTS[outcomes[node]["verdict"]]
                out.append(
                    f'<li class="dt-map-node dt-map-outcome dt-verdict-{verdict.id}" {card}'
                    f'<p class="dt-map-verdict"><span class="dt-icon" aria-hidden="true">{escape(verdict.icon)}</span> '
                    f"{escape(verdict.label)}</p></li>"
                )
        out.append("</ul></li>")
    out.append("</ol></section>")
    return "\n".join(out)

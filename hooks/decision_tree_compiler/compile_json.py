"""The compiled tree as JSON for the page's script, and how to embed it in the page safely."""

from __future__ import annotations

import json

from .graph import breadth_first_order, questions_left
from .html_ids import script_id_patterns
from .model import Tree
from .page_text import SCRIPT_TEXT
from .verdicts import VERDICTS

# Inside <script>, the HTML parser ends the element at "</script" and treats "<!--" specially,
# whatever JSON thinks of the string. Escaping <, > and & as JSON \u escapes keeps the text
# identical for JSON.parse and inert for HTML. U+2028 and U+2029 are escaped for old JavaScript
# parsers that treated them as line ends inside strings.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def compile_tree_data(tree: Tree, order: list[str] | None = None) -> dict:
    """The tree as plain data, in the page's order (breadth-first from start).

    Only what the script needs to walk the tree and name the answers: the help texts, bodies
    and links are already in the page's HTML, which the script shows and hides, so copying
    them here would only make the page heavier. The script's words ("text", page_text.py) and
    the ids it looks up ("ids", html_ids.py) come from here too, so neither is written twice."""
    order = order if order is not None else breadth_first_order(tree)
    questions = {}
    outcomes = {}
    for node_id in order:
        question = tree.questions.get(node_id)
        if question is not None:
            questions[node_id] = {
                "text": question.text,
                "options": [{"label": option.label, "next": option.next} for option in question.options],
            }
            continue
        outcome = tree.outcomes[node_id]
        outcomes[node_id] = {"verdict": outcome.verdict, "title": outcome.title}
    remaining = questions_left(tree)
    return {
        "id": tree.id,
        "title": tree.title,
        "start": tree.start,
        "questions": questions,
        "outcomes": outcomes,
        "verdicts": {
            verdict.id: {"label": verdict.label, "icon": verdict.icon, "colour": verdict.colour}
            for verdict in VERDICTS.values()
        },
        "max_questions": remaining.get(tree.start, 0),
        "remaining": remaining,
        "ids": script_id_patterns(tree.id),
        "text": SCRIPT_TEXT,
    }


def json_for_script(data: dict) -> str:
    """JSON text that can sit between <script type="application/json"> and </script> as is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_ESCAPES:
        if character in text:
            text = text.replace(character, escape)
    return text

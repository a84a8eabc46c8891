"""The ids a tree page gives its elements, defined in one place. The page's script builds none
of its own: it gets the patterns it needs from the page's JSON (script_id_patterns).

Every id starts with "<tree>--". The only other ids on a tree page are heading ids, which
Python-Markdown's toc makes by joining words with single hyphens, so they never contain "--"
(a title "Coverage policy" gives the H1 `id="coverage-policy"`), and Material's own, which start
with "__". Tree and node ids never contain "--" either (tree_format.ID_PATTERN), so an id reads
back one way only, split at "--":

- "<tree>--<node>"         a node's section: its address without JavaScript ("#coverage--reason");
- "<tree>--<node>--title"  the text of the section's heading, which names the section;
- "<tree>--<node>--map"    the node's card on the flowchart;
- "<tree>--map_title"      the flowchart's heading ("_" is never part of a node id, so this
                           cannot be a node's section);
- "<tree>--answers_title"  the heading of the reader's answers, which the script adds;
- "<tree>--arrow_head"     the drawn flowchart's arrowhead (render_diagram.py).

So no generated id equals another, a heading's, or one of another tree's (the part before the
first "--" is the tree). Arguments are ids already escaped for HTML (they are plain
[a-z0-9-] anyway).
"""

from __future__ import annotations

SEPARATOR = "--"


def section_id(tree: str, node: str) -> str:
    return f"{tree}{SEPARATOR}{node}"


def title_id(tree: str, node: str) -> str:
    return f"{tree}{SEPARATOR}{node}{SEPARATOR}title"


def map_card_id(tree: str, node: str) -> str:
    return f"{tree}{SEPARATOR}{node}{SEPARATOR}map"


def map_title_id(tree: str) -> str:
    return f"{tree}{SEPARATOR}map_title"


def answers_title_id(tree: str) -> str:
    return f"{tree}{SEPARATOR}answers_title"


def arrow_head_id(tree: str) -> str:
    return f"{tree}{SEPARATOR}arrow_head"


NODE = "{node}"
"""Stands for a node's id in script_id_patterns ("{" is never part of an id)."""


def script_id_patterns(tree: str) -> dict[str, str]:
    """The ids the page's script needs, for its JSON: a node's section as a pattern
    ("coverage--{node}"), which is also how the script reads a no-JavaScript address."""
    return {"section": section_id(tree, NODE), "answers_title": answers_title_id(tree)}

"""The ids a tree page gives its elements, defined in one place (assets/decision-tree.js builds
the same ones; keep the two in step).

Every id starts with "<tree>--". The only other ids on a tree page are heading ids, which
Python-Markdown's toc makes by joining words with single hyphens, so they never contain "--"
(a title "Coverage policy" gives the H1 `id="coverage-policy"`), and Material's own, which start
with "__". Tree and node ids never contain "--" either (tree_format.ID_PATTERN), so an id reads
back one way only, split at "--":

- "<tree>--<node>"         a node's section: its address without JavaScript ("#coverage--reason");
- "<tree>--<node>--title"  the text of the section's heading, which names the section;
- "<tree>--<node>--map"    the node's card on the flowchart;
- "<tree>--map_title"      the flowchart's heading ("_" is never part of a node id, so this
                           cannot be a node's section); the script adds "<tree>--answers_title";
- "<tree>--arrow_head" and "<tree>--arrow_head_lit"  the drawn diagram's arrowheads
                           (render_diagram.py).

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


def arrow_head_id(tree: str, lit: bool = False) -> str:
    return f"{tree}{SEPARATOR}arrow_head_lit" if lit else f"{tree}{SEPARATOR}arrow_head"

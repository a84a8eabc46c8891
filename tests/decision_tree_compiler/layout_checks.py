"""Independent checks of a drawn layout, from its coordinates alone (no use of its internals).

Shared by the layout, diagram and property tests.
"""

from __future__ import annotations

import random

from decision_tree_compiler.flowchart_layout import Layout
from decision_tree_compiler.graph import longest_path_layers, topological_order_from


def overlapping_pairs(boxes, gap: int = 0) -> list[tuple[str, str]]:
    """Pairs of boxes closer than gap side by side (or overlapping at all)."""
    items = sorted(boxes, key=lambda box: (box.x, box.y, box.id))
    pairs = []
    for index, first in enumerate(items):
        for second in items[index + 1 :]:
            if second.x >= first.x + first.width + gap:
                break  # sorted by x: nothing further right can touch first
            if second.y < first.y + first.height and first.y < second.y + second.height:
                pairs.append((first.id, second.id))
    return pairs


def part_enters_box(start, end, box) -> bool:
    """Whether a vertical run, or the rectangle spanned by a bend's two ends (which holds the
    curve drawn between them), reaches into the box's interior. Touching its border is fine."""
    left, right = sorted((start[0], end[0]))
    top, bottom = sorted((start[1], end[1]))
    if not (top < box.y + box.height and box.y < bottom):
        return False
    if left == right:
        return box.x < left < box.x + box.width
    return left < box.x + box.width and box.x < right


def routes_through_boxes(layout: Layout) -> list[tuple[str, str, str]]:
    """(source, target, box) for every route part that enters a box's interior, its own two
    ends included."""
    return [
        (route.source, route.target, box.id)
        for route in layout.routes
        for start, end in zip(route.points, route.points[1:])
        for box in layout.boxes.values()
        if part_enters_box(start, end, box)
    ]


def bends_outside_free_bands(layout: Layout) -> list[tuple[str, str]]:
    """Route parts that change x somewhere other than between two layers' bands."""
    free = [(above[1], below[0]) for above, below in zip(layout.bands, layout.bands[1:])]
    wrong = []
    for route in layout.routes:
        for start, end in zip(route.points, route.points[1:]):
            if start[0] == end[0]:
                continue
            top, bottom = sorted((start[1], end[1]))
            if not any(low <= top and bottom <= high for low, high in free):
                wrong.append((route.source, route.target))
    return wrong


def x_at(route, y: int) -> int | None:
    """Where a route is at height y, if it passes there on a vertical run."""
    for start, end in zip(route.points, route.points[1:]):
        top, bottom = sorted((start[1], end[1]))
        if top <= y <= bottom and start[0] == end[0]:
            return start[0]
    return None


def geometric_crossings(layout: Layout) -> int:
    """Crossings counted from the drawing: two routes that pass the top and the bottom of the
    free band between two layers in opposite orders cross inside it."""
    total = 0
    for above, below in zip(layout.bands, layout.bands[1:]):
        passing = []
        for route in layout.routes:
            top, bottom = x_at(route, above[1]), x_at(route, below[0])
            if top is not None and bottom is not None:
                passing.append((top, bottom))
        for index, (top, bottom) in enumerate(passing):
            for other_top, other_bottom in passing[index + 1 :]:
                if (top - other_top) * (bottom - other_bottom) < 0:
                    total += 1
    return total


def random_dag(node_count: int, seed: int, extra_edges: float = 1.0, max_reach: int = 100):
    """Sizes, edges and layers of a random DAG with one source: each node after the first gets
    an edge from an earlier one, plus about extra_edges more edges per node to later nodes."""
    rng = random.Random(seed)
    ids = [f"n{number}" for number in range(node_count)]
    sizes = {node: (rng.randrange(60, 260), rng.randrange(30, 160)) for node in ids}
    edges = [(ids[rng.randrange(number)], ids[number]) for number in range(1, node_count)]
    for _ in range(int(node_count * extra_edges) if node_count > 1 else 0):
        source = rng.randrange(node_count - 1)
        edges.append((ids[source], ids[rng.randrange(source + 1, min(node_count, source + max_reach + 1))]))
    return sizes, edges, layers_of(ids[0], edges)


def layers_of(start: str, edges) -> dict[str, int]:
    successors: dict[str, list[str]] = {}
    for source, target in edges:
        successors.setdefault(source, []).append(target)
    return longest_path_layers(topological_order_from(start, successors), successors)

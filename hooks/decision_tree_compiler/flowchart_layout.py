"""A small layered (Sugiyama) layout for a directed graph without loops: where each box goes.

Plain data in, plain data out; nothing here knows about trees, HTML or SVG (render_diagram.py
does). Why our own: no kept library gives respected box widths, byte-identical output and a
pip-only install together (issue 10 measured igraph, Graphviz, grandalf and networkx).

The caller gives every node's size and layer (graph.longest_path_layers: every edge points to a
higher layer) and the edges in a stable order. Then:

1. Dummy nodes: an edge that spans several layers gets a zero-width lane in every layer it
   crosses, so it is routed between the boxes of those layers, never through them.
2. Order within each layer: a depth-first order from the top, then barycentre sweeps (each
   node moves to the mean position of its neighbours in the layer above, then below), each
   followed by the "transpose" step (swap neighbours while that removes crossings), keeping
   the ordering with the fewest crossings seen. Crossings between two layers are counted in
   O(E log V) as inversions, with a Fenwick tree.
3. x: each layer in turn is placed as close as possible to where its neighbours want it
   (weighted least squares under "keep the order, keep a gap", solved exactly in linear time
   by pool-adjacent-violators). Lanes of long edges weigh more, so long edges come out straight
   where it costs little. Up and down passes, then a last pass that balances both sides; then
   every long edge whose lanes can share one x without moving anything else gets it.
4. y: each layer is as tall as its tallest box; boxes are top-aligned. Between two layers an
   edge leaves its box straight down (room for its answer label), bends in the free band
   between the layers, and enters its target straight down (room for the arrowhead).
5. Routes: the points an edge passes through. Consecutive points either share x (a straight
   vertical run inside the edge's own column or lane) or lie in the free band between two
   layers, which holds no box; so no route crosses a box other than its two ends.

Deterministic: no randomness, no sets or hash order; ties are broken by the input order. Every
loop is iterative; each sweep is O(E log V) plus the transpose step's neighbour pairs, and the
number of sweeps is bounded. Coordinates are integers, so the output is byte-identical on
every run and machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

Point = tuple[int, int]

_SWEEPS = 24
"""At most this many barycentre sweeps (half down, half up)..."""
_PATIENCE = 6
"""...and stop after this many sweeps in a row without fewer crossings."""
_TRANSPOSE_ROUNDS = 2
_PLACEMENT_ROUNDS = 4
_LANE_WEIGHT = 8.0
"""How much more a long edge's lane cares about being straight than a box about being centred."""
_LONELY_WEIGHT = 0.05
"""A node with no neighbour on the side being looked at barely minds where it goes."""


@dataclass(frozen=True)
class Spacing:
    """Distances in CSS pixels."""

    box_gap: int = 32
    """Between two boxes side by side."""
    lane_gap: int = 18
    """Between a long edge's lane and a box or another lane."""
    exit: int = 28
    """Straight run of an edge below its box, before it bends: room for the answer label."""
    entry: int = 16
    """Straight run of an edge into its target: room for the arrowhead."""
    min_bend: int = 28
    max_bend: int = 120
    bend_slope: float = 0.12
    """The bend's height grows with the widest sideways step between two layers, up to max_bend,
    so long sideways edges do not look flat."""
    margin: int = 8


@dataclass(frozen=True)
class Box:
    id: str
    x: int
    """Left edge."""
    y: int
    """Top edge."""
    width: int
    height: int
    layer: int


@dataclass(frozen=True)
class Route:
    source: str
    target: str
    points: tuple[Point, ...]
    """From the bottom edge of source to the top edge of target. Consecutive points share x
    (a vertical run) or lie in the free band between two layers (a bend)."""


@dataclass(frozen=True)
class Layout:
    boxes: dict[str, Box]
    """In the order the nodes were given."""
    routes: list[Route]
    """One per distinct (source, target) pair, in the order the edges were first given:
    repeated edges (two answers that lead to the same place) share one route."""
    rows: list[list[str]]
    """Each layer's boxes from left to right (lanes left out)."""
    width: int
    height: int
    crossings: int
    """Edge crossings between consecutive layers, long edges counted at every layer they cross."""
    bands: list[tuple[int, int]]
    """Each layer's top and bottom y; what lies between one band's bottom and the next's top
    holds no box."""


def layered_layout(
    sizes: Mapping[str, tuple[int, int]],
    edges: Sequence[tuple[str, str]],
    layer_of: Mapping[str, int],
    spacing: Spacing = Spacing(),
) -> Layout:
    """Lay out nodes (id -> (width, height), in a stable order) joined by edges (from, to)."""
    graph = _Graph(sizes, edges, layer_of)
    rows, crossings = _order(graph)
    centres = _place_x(graph, rows, spacing)
    return _build(graph, rows, centres, crossings, spacing)


class _Graph:
    """Nodes and lanes as numbered vertices: nodes first (in input order), then lanes."""

    def __init__(self, sizes, edges, layer_of):
        self.ids = list(sizes)
        index = {node: number for number, node in enumerate(self.ids)}
        self.width = [int(sizes[node][0]) for node in self.ids]
        self.height = [int(sizes[node][1]) for node in self.ids]
        self.layer = [int(layer_of[node]) for node in self.ids]
        if any(layer < 0 for layer in self.layer):
            raise ValueError("layers start at 0")
        self.node_count = len(self.ids)
        self.up: list[list[int]] = [[] for _ in self.ids]
        self.down: list[list[int]] = [[] for _ in self.ids]
        self.chains: list[list[int]] = []
        """Per distinct edge: source, its lanes from top to bottom, target."""
        self.edge_ends: list[tuple[str, str]] = []
        seen: dict[tuple[int, int], int] = {}
        for source, target in edges:
            if source not in index or target not in index:
                raise ValueError(f"edge {source!r} -> {target!r} names a node without a size")
            pair = (index[source], index[target])
            if pair in seen:
                continue
            seen[pair] = len(self.chains)
            top, bottom = self.layer[pair[0]], self.layer[pair[1]]
            if bottom <= top:
                raise ValueError(f"edge {source!r} -> {target!r} does not point to a lower layer")
            chain = [pair[0]]
            for layer in range(top + 1, bottom):
                chain.append(self._add_lane(layer))
            chain.append(pair[1])
            for upper, lower in zip(chain, chain[1:]):
                self.down[upper].append(lower)
                self.up[lower].append(upper)
            self.chains.append(chain)
            self.edge_ends.append((source, target))
        self.layer_count = max(self.layer, default=-1) + 1

    def _add_lane(self, layer: int) -> int:
        self.width.append(0)
        self.height.append(0)
        self.layer.append(layer)
        self.up.append([])
        self.down.append([])
        return len(self.layer) - 1

    def is_lane(self, vertex: int) -> bool:
        return vertex >= self.node_count


# --- 2. Order within each layer --------------------------------------------------------------


def _order(graph: _Graph) -> tuple[list[list[int]], int]:
    rows = _initial_rows(graph)
    position = _positions(graph, rows)
    best_rows = [row[:] for row in rows]
    best = _crossings(graph, rows, position)
    stale = 0
    for sweep in range(_SWEEPS):
        if best == 0 or stale >= _PATIENCE:
            break
        if sweep % 2 == 0:
            for layer in range(1, len(rows)):
                _reorder(rows[layer], graph.up, position, graph.down)
        else:
            for layer in range(len(rows) - 2, -1, -1):
                _reorder(rows[layer], graph.down, position, graph.up)
        _transpose(graph, rows, position)
        count = _crossings(graph, rows, position)
        if count < best:
            best, best_rows, stale = count, [row[:] for row in rows], 0
        else:
            stale += 1
    return best_rows, best


def _initial_rows(graph: _Graph) -> list[list[int]]:
    """Depth-first from the top layer's nodes, edges in their given order: a subtree's
    vertices start out next to each other, which is what barycentre sweeps refine best."""
    rows: list[list[int]] = [[] for _ in range(graph.layer_count)]
    visited = [False] * len(graph.layer)
    roots = [vertex for vertex in range(graph.node_count) if not graph.up[vertex]]
    for root in roots:  # every other vertex is below one of them (no loops)
        visited[root] = True
        rows[graph.layer[root]].append(root)
        stack = [iter(graph.down[root])]
        while stack:
            for vertex in stack[-1]:
                if not visited[vertex]:
                    visited[vertex] = True
                    rows[graph.layer[vertex]].append(vertex)
                    stack.append(iter(graph.down[vertex]))
                    break
            else:
                stack.pop()
    return rows


def _positions(graph: _Graph, rows: list[list[int]]) -> list[int]:
    position = [0] * len(graph.layer)
    for row in rows:
        for index, vertex in enumerate(row):
            position[vertex] = index
    return position


def _reorder(row: list[int], neighbours: list[list[int]], position: list[int], other_side: list[list[int]]) -> None:
    """Sort a row by the mean position of each vertex's neighbours in the row it looks at; a
    vertex without any keeps its place, and ties keep the current order (a box's children stay
    in the order of its answers)... except among tied vertices that have neighbours on the
    other side too: those take the tied places in the order of their other neighbours, so
    that, say, two edges leaving one box go the way their targets lie."""
    keys = [_mean_position(neighbours[vertex], position, vertex) for vertex in row]
    order = sorted(range(len(row)), key=keys.__getitem__)
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and keys[order[end]] == keys[order[start]]:
            end += 1
        if end - start > 1:
            slots = [place for place in range(start, end) if other_side[row[order[place]]]]
            if len(slots) > 1:
                ranked = sorted((order[place] for place in slots), key=lambda index: _mean_position(other_side[row[index]], position, row[index]))
                for place, index in zip(slots, ranked):
                    order[place] = index
        start = end
    row[:] = [row[index] for index in order]
    for index, vertex in enumerate(row):
        position[vertex] = index


def _mean_position(around: list[int], position: list[int], vertex: int) -> float:
    return sum(position[other] for other in around) / len(around) if around else float(position[vertex])


def _transpose(graph: _Graph, rows: list[list[int]], position: list[int]) -> None:
    """Swap neighbours in a row while that removes crossings with both adjacent rows (the
    "transpose" step of Gansner et al.): it fixes what averaging positions cannot see."""
    up, down = graph.up, graph.down
    for _ in range(_TRANSPOSE_ROUNDS):
        improved = False
        for row in rows:
            for index in range(len(row) - 1):
                left, right = row[index], row[index + 1]
                # Crossings of the two vertices' edges as they stand, and if swapped.
                now = swapped = 0
                for neighbours in (up, down):
                    right_positions = [position[other] for other in neighbours[right]]
                    for other in neighbours[left]:
                        at = position[other]
                        for right_at in right_positions:
                            if at > right_at:
                                now += 1
                            elif at < right_at:
                                swapped += 1
                if swapped < now:
                    row[index], row[index + 1] = right, left
                    position[left], position[right] = index + 1, index
                    improved = True
        if not improved:
            return


def _crossings(graph: _Graph, rows: list[list[int]], position: list[int]) -> int:
    total = 0
    for row in rows[:-1]:
        total += count_crossings([(position[upper], position[lower]) for upper in row for lower in graph.down[upper]])
    return total


def count_crossings(segments: list[tuple[int, int]]) -> int:
    """Crossings among edges between two rows, each given as (position above, position below).

    Two edges cross when their order above and below disagree strictly; edges that share an
    end do not cross. Sorted by the position above, the crossings are the inversions of the
    positions below, counted with a Fenwick tree in O(E log V).
    """
    if len(segments) < 2:
        return 0
    segments = sorted(segments)
    size = max(lower for _, lower in segments) + 2
    tree = [0] * (size + 1)
    crossings = 0
    for seen, (_, lower) in enumerate(segments):
        # How many earlier edges end strictly to the right of this one below.
        index, at_most = lower + 1, 0
        while index > 0:
            at_most += tree[index]
            index -= index & -index
        crossings += seen - at_most
        index = lower + 1
        while index <= size:
            tree[index] += 1
            index += index & -index
    return crossings


# --- 3. x placement -----------------------------------------------------------------------------


def _place_x(graph: _Graph, rows: list[list[int]], spacing: Spacing) -> list[float]:
    centre = [0.0] * len(graph.layer)
    for row in rows:  # start packed from the left
        x = 0.0
        for index, vertex in enumerate(row):
            if index:
                x += _separation(graph, row[index - 1], vertex, spacing)
            centre[vertex] = x
    for _ in range(_PLACEMENT_ROUNDS):
        for layer in range(1, len(rows)):
            _place_row(graph, rows[layer], centre, spacing, (graph.up,))
        for layer in range(len(rows) - 2, -1, -1):
            _place_row(graph, rows[layer], centre, spacing, (graph.down,))
    for layer in range(len(rows)):
        _place_row(graph, rows[layer], centre, spacing, (graph.up, graph.down))
    return centre


def _separation(graph: _Graph, left: int, right: int, spacing: Spacing) -> float:
    """The least distance between the centres of two neighbours in a row."""
    gap = spacing.lane_gap if graph.is_lane(left) or graph.is_lane(right) else spacing.box_gap
    return (graph.width[left] + graph.width[right]) / 2 + gap


def _place_row(graph, row, centre, spacing, sides) -> None:
    """Move a row's vertices as close as possible to the mean x of their neighbours on the given
    sides, keeping their order and gaps: weighted isotonic regression, pool adjacent violators.

    With offset[i] the least distance from the row's first centre to its i-th, y[i] = x[i] -
    offset[i] must not decrease; minimising sum(weight * (x - wanted)**2) under that is an
    isotonic regression of wanted - offset.
    """
    if not row:
        return
    # Blocks of pooled vertices: [sum of weight * target, total weight, first index, count].
    blocks: list[list[float]] = []
    offset = 0.0
    offsets = []
    for index, vertex in enumerate(row):
        if index:
            offset += _separation(graph, row[index - 1], vertex, spacing)
        offsets.append(offset)
        total, count = 0.0, 0
        for neighbours in sides:
            for other in neighbours[vertex]:
                total += centre[other]
                count += 1
        if count:
            wanted = total / count
            weight = _LANE_WEIGHT if graph.is_lane(vertex) else float(count)
        else:
            wanted, weight = centre[vertex], _LONELY_WEIGHT
        blocks.append([weight * (wanted - offset), weight, index, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            last = blocks.pop()
            merged = blocks[-1]
            merged[0] += last[0]
            merged[1] += last[1]
            merged[3] += last[3]
    for weighted, weight, first, count in blocks:
        level = weighted / weight
        for index in range(int(first), int(first + count)):
            centre[row[index]] = level + offsets[index]


# --- 4 and 5. Coordinates and routes --------------------------------------------------------------


def _build(graph: _Graph, rows, centre, crossings: int, spacing: Spacing) -> Layout:
    # Integer left edges, then the gaps made exact again after rounding (left to right).
    left = [0] * len(graph.layer)
    for row in rows:
        previous = None
        for vertex in row:
            x = round(centre[vertex] - graph.width[vertex] / 2)
            if previous is not None:
                gap = spacing.lane_gap if graph.is_lane(previous) or graph.is_lane(vertex) else spacing.box_gap
                x = max(x, left[previous] + graph.width[previous] + gap)
            left[vertex] = x
            previous = vertex
    _straighten_lanes(graph, rows, left, spacing)
    shift = spacing.margin - min((left[row[0]] for row in rows if row), default=0)
    left = [x + shift for x in left]

    def middle(vertex: int) -> int:
        return left[vertex] + graph.width[vertex] // 2

    # Ports: each box's edges leave its bottom (and enter its top) spread over its width, in
    # the order of where they go next (come from), so that edges of one box never cross there.
    exits: dict[tuple[int, int], int] = {}
    entries: dict[tuple[int, int], int] = {}
    outgoing: list[list[int]] = [[] for _ in range(graph.node_count)]
    incoming: list[list[int]] = [[] for _ in range(graph.node_count)]
    for number, chain in enumerate(graph.chains):
        outgoing[chain[0]].append(number)
        incoming[chain[-1]].append(number)
    for vertex in range(graph.node_count):
        for ports, edges, neighbour_at, key in (
            (exits, outgoing[vertex], 1, "exit"),
            (entries, incoming[vertex], -2, "entry"),
        ):
            ordered = sorted(edges, key=lambda number: (left[graph.chains[number][neighbour_at]], number))
            for slot, number in enumerate(ordered):
                ports[(vertex, number)] = left[vertex] + (graph.width[vertex] * (slot + 1)) // (len(ordered) + 1)

    # Bands: each layer's top and bottom; the bend between two layers grows with the widest
    # sideways step of an edge there.
    band_height = [0] * graph.layer_count
    for vertex in range(graph.node_count):
        band_height[graph.layer[vertex]] = max(band_height[graph.layer[vertex]], graph.height[vertex])
    widest_step = [0] * graph.layer_count
    for number, chain in enumerate(graph.chains):
        for upper, lower in zip(chain, chain[1:]):
            top_x = exits[(upper, number)] if upper == chain[0] else left[upper]
            bottom_x = entries[(lower, number)] if lower == chain[-1] else left[lower]
            layer = graph.layer[upper]
            widest_step[layer] = max(widest_step[layer], abs(top_x - bottom_x))
    bands: list[tuple[int, int]] = []
    y = spacing.margin
    for layer in range(graph.layer_count):
        bands.append((y, y + band_height[layer]))
        bend = min(spacing.max_bend, max(spacing.min_bend, round(widest_step[layer] * spacing.bend_slope)))
        y += band_height[layer] + spacing.exit + bend + spacing.entry

    routes = []
    for number, chain in enumerate(graph.chains):
        source, target = chain[0], chain[-1]
        x = exits[(source, number)]
        points: list[Point] = [(x, bands[graph.layer[source]][0] + graph.height[source])]
        points.append((x, bands[graph.layer[source]][1] + spacing.exit))
        for lane in chain[1:-1]:
            top, bottom = bands[graph.layer[lane]]
            points.append((left[lane], top - spacing.entry))
            points.append((left[lane], bottom + spacing.exit))
        top = bands[graph.layer[target]][0]
        points.append((entries[(target, number)], top - spacing.entry))
        points.append((entries[(target, number)], top))
        routes.append(Route(graph.ids[source], graph.ids[target], _without_straight_joints(points)))

    boxes = {
        node: Box(node, left[vertex], bands[graph.layer[vertex]][0], graph.width[vertex], graph.height[vertex], graph.layer[vertex])
        for vertex, node in enumerate(graph.ids)
    }
    width = max((left[vertex] + graph.width[vertex] for vertex in range(len(graph.layer))), default=0) + spacing.margin
    height = (bands[-1][1] if bands else 0) + spacing.margin
    node_rows = [[graph.ids[vertex] for vertex in row if not graph.is_lane(vertex)] for row in rows]
    return Layout(boxes, routes, node_rows, width, height, crossings, bands)


def _straighten_lanes(graph: _Graph, rows, left: list[int], spacing: Spacing) -> None:
    """Put all the lanes of a long edge at one x when the gaps around them allow it: the edge
    then runs straight down past every layer it crosses. Nothing else moves, so this only
    ever removes bends."""
    neighbours: dict[int, tuple[int | None, int | None]] = {}
    for row in rows:
        for index, vertex in enumerate(row):
            if graph.is_lane(vertex):
                neighbours[vertex] = (row[index - 1] if index else None, row[index + 1] if index + 1 < len(row) else None)
    for chain in graph.chains:
        lanes = chain[1:-1]
        if len(lanes) < 2:
            continue
        low, high = -(10**12), 10**12
        for lane in lanes:
            before, after = neighbours[lane]
            if before is not None:
                low = max(low, left[before] + graph.width[before] + spacing.lane_gap)
            if after is not None:
                high = min(high, left[after] - spacing.lane_gap)
        if low > high:
            continue
        wanted = round(sum(left[lane] for lane in lanes) / len(lanes))
        x = min(max(wanted, low), high)
        for lane in lanes:
            left[lane] = x


def _without_straight_joints(points: list[Point]) -> tuple[Point, ...]:
    """Drop a point that sits on a straight vertical run between its neighbours."""
    kept = [points[0]]
    for index in range(1, len(points) - 1):
        if kept[-1][0] == points[index][0] == points[index + 1][0]:
            continue
        kept.append(points[index])
    kept.append(points[-1])
    return tuple(kept)

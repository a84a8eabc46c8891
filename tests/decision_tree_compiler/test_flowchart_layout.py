"""The layered layout, tested like a library: no overlaps, routes clear of boxes, crossings
counted right, the same bytes every run, and fast enough on very large graphs."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_tree_compiler.flowchart_layout import Spacing, count_crossings, layered_layout

from .layout_checks import (
    bends_outside_free_bands,
    geometric_crossings,
    layers_of,
    overlapping_pairs,
    random_dag,
    routes_through_boxes,
)

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
SPACING = Spacing()


def check_drawing(sizes, edges, layer_of, spacing=SPACING):
    """Lay out and check every promise of the layout; returns it for further checks."""
    layout = layered_layout(sizes, edges, layer_of, spacing)
    assert list(layout.boxes) == list(sizes)
    for node, box in layout.boxes.items():
        assert (box.width, box.height, box.layer) == (*sizes[node], layer_of[node])
        assert box.x >= 0 and box.y >= 0
        assert box.x + box.width <= layout.width and box.y + box.height <= layout.height
    assert overlapping_pairs(layout.boxes.values(), gap=spacing.box_gap) == []
    assert routes_through_boxes(layout) == []
    assert bends_outside_free_bands(layout) == []
    distinct = list(dict.fromkeys(edges))
    assert [(route.source, route.target) for route in layout.routes] == distinct
    for route in layout.routes:
        source, target = layout.boxes[route.source], layout.boxes[route.target]
        (start_x, start_y), (end_x, end_y) = route.points[0], route.points[-1]
        assert start_y == source.y + source.height and source.x < start_x < source.x + source.width
        assert end_y == target.y and target.x < end_x < target.x + target.width
        assert route.points[-2][0] == end_x  # the last part runs straight down: the arrowhead points down
        assert all(0 <= x <= layout.width and 0 <= y <= layout.height for x, y in route.points)
    assert layout.crossings == geometric_crossings(layout)
    for row_number, row in enumerate(layout.rows):
        assert all(layout.boxes[node].layer == row_number for node in row)
        assert [layout.boxes[node].x for node in row] == sorted(layout.boxes[node].x for node in row)
    assert sorted(node for row in layout.rows for node in row) == sorted(sizes)
    return layout


def test_a_diamond_is_drawn_top_down_without_crossings():
    sizes = {"a": (100, 40), "b": (80, 30), "c": (120, 50), "d": (100, 40)}
    edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]
    layout = check_drawing(sizes, edges, {"a": 0, "b": 1, "c": 1, "d": 2})
    assert layout.rows == [["a"], ["b", "c"], ["d"]]
    assert layout.crossings == 0
    boxes = layout.boxes
    assert boxes["a"].y < boxes["b"].y == boxes["c"].y < boxes["d"].y
    # The top and bottom boxes sit between the two in the middle, not off to one side.
    middle = lambda box: box.x + box.width / 2  # noqa: E731
    assert middle(boxes["b"]) < middle(boxes["a"]) < middle(boxes["c"])
    assert middle(boxes["b"]) < middle(boxes["d"]) < middle(boxes["c"])


def test_a_long_edge_passes_between_the_boxes_of_the_layers_it_crosses():
    # a -> b -> c -> d, and a -> d jumps over two layers that also hold wide boxes.
    sizes = {"a": (100, 40), "b": (300, 60), "c": (300, 60), "d": (100, 40), "e": (300, 60), "f": (300, 60)}
    edges = [("a", "b"), ("a", "e"), ("b", "c"), ("e", "f"), ("c", "d"), ("f", "d"), ("a", "d")]
    layout = check_drawing(sizes, edges, layers_of("a", edges))
    [long_route] = [route for route in layout.routes if (route.source, route.target) == ("a", "d")]
    assert len(long_route.points) >= 4
    # It runs down a lane between the boxes of rows 1 and 2, clear of every box by a gap.
    for box in (layout.boxes[node] for node in "bcef"):
        runs = [x for (x, y), (next_x, next_y) in zip(long_route.points, long_route.points[1:])
                if x == next_x and y < box.y + box.height and box.y < next_y]
        assert all(x <= box.x - SPACING.lane_gap or x >= box.x + box.width + SPACING.lane_gap for x in runs)


def test_repeated_edges_share_one_route():
    sizes = {"a": (100, 40), "b": (100, 40)}
    layout = check_drawing(sizes, [("a", "b"), ("a", "b")], {"a": 0, "b": 1})
    assert len(layout.routes) == 1


def test_a_long_edge_runs_straight_down_its_lane():
    # a -> e skips three layers; straightening its lanes costs nothing here, so the route
    # leaves a, bends once into one straight run past b, c and d, and bends once into e.
    sizes = {node: (100, 40) for node in "abcde"}
    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("a", "e")]
    layout = check_drawing(sizes, edges, layers_of("a", edges))
    [long_route] = [route for route in layout.routes if (route.source, route.target) == ("a", "e")]
    assert len(long_route.points) == 6
    (_, lane_top), (_, lane_bottom) = long_route.points[2:4]
    assert long_route.points[2][0] == long_route.points[3][0]
    assert lane_top < layout.boxes["b"].y and lane_bottom > layout.boxes["d"].y + layout.boxes["d"].height


def test_the_2_to_the_60_path_graph_gets_the_fewest_possible_crossings():
    # Every layer pair is a complete 2x2 graph, which crosses exactly once however it is drawn.
    edges = [("start", "l0a"), ("start", "l0b")]
    for layer in range(59):
        edges += [(f"l{layer}{a}", f"l{layer + 1}{b}") for a in "ab" for b in "ab"]
    edges += [(f"l59{a}", end) for a in "ab" for end in ("end-a", "end-b")]
    nodes = list(dict.fromkeys(node for edge in edges for node in edge))
    sizes = {node: (200, 80) for node in nodes}
    layout = check_drawing(sizes, edges, layers_of("start", edges))
    assert layout.crossings == 60
    assert len(layout.rows) == 62


def test_a_very_deep_graph_needs_no_recursion():
    edges = [(f"n{number}", f"n{number + 1}") for number in range(5000)] + [("n0", "n5000")]
    sizes = {f"n{number}": (50, 20) for number in range(5001)}
    layout = layered_layout(sizes, edges, layers_of("n0", edges))
    assert len(layout.rows) == 5001 and layout.crossings == 0
    assert len(layout.routes[-1].points) >= 4


@pytest.mark.parametrize(
    "edges, layer_of, message",
    [
        ([("a", "b")], {"a": 1, "b": 1}, "does not point to a lower layer"),
        ([("b", "a")], {"a": 0, "b": 1}, "does not point to a lower layer"),
        ([("a", "zz")], {"a": 0, "b": 1}, "names a node without a size"),
    ],
)
def test_bad_input_is_refused(edges, layer_of, message):
    with pytest.raises(ValueError, match=message):
        layered_layout({"a": (10, 10), "b": (10, 10)}, edges, layer_of)


def test_an_empty_graph_and_a_single_node():
    assert layered_layout({}, [], {}).boxes == {}
    layout = layered_layout({"a": (10, 20)}, [], {"a": 0})
    assert (layout.boxes["a"].x, layout.boxes["a"].y) == (SPACING.margin, SPACING.margin)
    assert (layout.width, layout.height) == (10 + 2 * SPACING.margin, 20 + 2 * SPACING.margin)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(0, 2**32), st.sampled_from([0.0, 0.5, 1.5]), st.integers(1, 30))
def test_random_dags_never_overlap_and_routes_avoid_boxes(node_count, seed, extra, reach):
    sizes, edges, layer_of = random_dag(node_count, seed, extra, reach)
    check_drawing(sizes, edges, layer_of)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 30), st.integers(0, 2**32))
def test_random_dags_with_tight_spacing(node_count, seed):
    sizes, edges, layer_of = random_dag(node_count, seed)
    check_drawing(sizes, edges, layer_of, Spacing(box_gap=1, lane_gap=1, exit=1, entry=1, min_bend=1, margin=0))


def test_a_large_random_dag_keeps_every_promise():
    layout = check_drawing(*random_dag(300, 2))
    assert sum(len(route.points) > 4 for route in layout.routes) > 100  # many long edges, each through lanes


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=40))
def test_crossing_count_equals_brute_force(segments):
    expected = sum(
        1 for (a, b), (c, d) in itertools.combinations(segments, 2) if (a - c) * (b - d) < 0
    )
    assert count_crossings(segments) == expected


_PRINT_LAYOUT = """
import sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
from decision_tree_compiler.flowchart_layout import layered_layout
from tests.decision_tree_compiler.layout_checks import random_dag
print(repr(layered_layout(*random_dag(150, 7, 1.5, 40))))
"""


def test_the_same_graph_gives_the_same_layout_whatever_the_hash_seed():
    project = str(HOOKS.parent)
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _PRINT_LAYOUT, str(HOOKS), project],
            env=dict(os.environ, PYTHONHASHSEED=seed), capture_output=True, text=True, check=True,
        ).stdout
        for seed in ("1", "2", "12345")
    }
    assert len(outputs) == 1
    assert repr(layered_layout(*random_dag(150, 7, 1.5, 40))) + "\n" in outputs

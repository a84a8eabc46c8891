"""Graph algorithms: order, loops, longest path, path counts and listing."""

from __future__ import annotations

from decision_tree_compiler.graph import (
    breadth_first_order,
    find_loops,
    iter_paths,
    layers,
    longest_path_layers,
    longest_question_count,
    next_ids,
    path_counts,
    questions_left,
    reachable_from,
    verdict_rank_bounds,
    topological_order,
    topological_order_from,
)
from decision_tree_compiler.structure import read_tree
from decision_tree_compiler.yaml_source import load_yaml

from .helpers import BASE_TREE, FILE, changed


def tree_of(text: str = BASE_TREE):
    tree, _ = read_tree(load_yaml(text.encode(), FILE), FILE, "test")
    return tree


def layered(layers: int) -> str:
    """A start question, then layers-1 layers of two questions; every answer goes to both of the
    next layer's questions, so there are 2**layers paths through `layers` questions."""
    lines = ["title: Layers", "start: l0a", "questions:"]
    for layer in range(layers):
        names = ["a"] if layer == 0 else ["a", "b"]
        targets = [f"l{layer + 1}a", f"l{layer + 1}b"] if layer + 1 < layers else ["end-a", "end-b"]
        for name in names:
            lines += [f"  l{layer}{name}:", "    text: Which?", "    options:"]
            lines += [f"      - label: Go {target}\n        next: {target}" for target in targets]
    lines += ["outcomes:"]
    lines += [f"  {end}:\n    verdict: unlikely\n    title: End\n    body: The end." for end in ("end-a", "end-b")]
    return "\n".join(lines) + "\n"


def test_breadth_first_order_starts_at_start_and_follows_option_order():
    assert breadth_first_order(tree_of()) == ["coverage", "reason", "medicare", "looks", "scar"]


def test_reachable_from_follows_redirects_for_broken_ids():
    tree = tree_of(changed("next: scar\n", "next: scarr\n"))
    assert "scar" not in reachable_from(tree, "coverage")
    assert "scar" in reachable_from(tree, "coverage", {"scarr": "scar"})


def test_no_loops_in_a_good_tree():
    assert find_loops(tree_of()) == []


def test_longest_path_and_path_counts():
    tree = tree_of()
    assert longest_question_count(tree) == 2
    assert path_counts(tree) == {"medicare": 1, "looks": 1, "scar": 1}


def test_paths_are_listed_in_option_order():
    assert list(iter_paths(tree_of())) == [
        ([("coverage", "Job plan"), ("reason", "Looks")], "looks"),
        ([("coverage", "Job plan"), ("reason", "Scar")], "scar"),
        ([("coverage", "Medicare")], "medicare"),
    ]


def test_sixty_layers_count_two_to_the_sixty_paths_without_listing_them():
    tree = tree_of(layered(60))
    assert sum(path_counts(tree).values()) == 2**60
    assert path_counts(tree) == {"end-a": 2**59, "end-b": 2**59}
    assert longest_question_count(tree) == 60


def test_small_layered_graph_counts_match_the_listing():
    tree = tree_of(layered(5))
    listed = list(iter_paths(tree))
    assert len(listed) == sum(path_counts(tree).values()) == 2**5
    assert all(len(answers) == 5 for answers, _ in listed)


RANKS = {"unlikely": 0, "alternatives": 1, "possible": 2, "ask-first": 3}


def test_rank_bounds_are_the_worst_and_best_verdict_reachable_from_each_node():
    bounds = verdict_rank_bounds(tree_of(), RANKS)
    assert bounds["looks"] == (0, 0) and bounds["scar"] == (2, 2)
    assert bounds["reason"] == (0, 2)  # looks or scar
    assert bounds["coverage"] == (0, 2)


def test_rank_bounds_stay_linear_on_two_to_the_sixty_paths():
    bounds = verdict_rank_bounds(tree_of(layered(60)), RANKS)
    assert bounds["l0a"] == (0, 0)


def test_rank_bounds_leave_out_broken_parts():
    tree = tree_of(changed("next: scar\n", "next: nowhere\n"))
    assert verdict_rank_bounds(tree, RANKS)["reason"] == (0, 0)  # only "looks" counts
    looping = tree_of(changed("next: looks", "next: coverage"))
    assert verdict_rank_bounds(looping, RANKS)["reason"] == (2, 2)


def test_topological_order_puts_every_node_after_every_question_leading_to_it():
    tree = tree_of()
    assert topological_order(tree) == ["coverage", "reason", "medicare", "looks", "scar"]
    # "scar" is reached both from the start and through "reason": it must come after both.
    tree = tree_of(changed("next: medicare", "next: scar"))
    order = topological_order(tree)
    assert order.index("scar") > order.index("reason") and "medicare" not in order


def test_layers_are_the_longest_path_from_start():
    tree = tree_of(changed("next: medicare", "next: scar"))
    assert layers(tree) == {"coverage": 0, "reason": 1, "looks": 2, "scar": 2}
    for question_id, question in tree.questions.items():
        if question_id in layers(tree):
            assert all(layers(tree)[option.next] > layers(tree)[question_id] for option in question.options)


def test_questions_left_counts_the_questions_still_ahead():
    tree = tree_of()
    assert questions_left(tree) == {"reason": 1, "coverage": 2}
    assert longest_question_count(tree) == 2


def test_generic_order_and_layers_work_on_any_graph_and_skip_unreachable_parts():
    successors = {"a": ["b", "c", "c"], "b": ["d"], "c": ["d"], "orphan": ["a"]}
    order = topological_order_from("a", successors)
    assert order == ["a", "b", "c", "d"]
    assert longest_path_layers(order, successors) == {"a": 0, "b": 1, "c": 1, "d": 2}
    assert next_ids(tree_of()) == {"coverage": ["reason", "medicare"], "reason": ["looks", "scar"]}


def test_layers_of_a_very_deep_tree_need_no_recursion():
    successors = {f"n{number}": [f"n{number + 1}", "end"] for number in range(20_000)}
    order = topological_order_from("n0", successors)
    assert longest_path_layers(order, successors)["end"] == 20_000


def test_sixty_question_layers_put_the_outcomes_on_layer_sixty():
    tree = tree_of(layered(60))
    depth = layers(tree)
    assert depth["end-a"] == depth["end-b"] == 60 and max(depth.values()) == 60

"""The benchmark's generated trees are valid (the benchmark itself is a command, not a test)."""

from __future__ import annotations

from decision_tree_compiler.benchmark import BenchmarkPages, best_times, generated_tree, layered_graph, stage_runs
from decision_tree_compiler.compiler import compile_tree_source
from decision_tree_compiler.graph import path_counts


def test_generated_trees_are_valid_and_have_the_asked_size():
    result = compile_tree_source(generated_tree(300).encode(), file="b.yml", tree_id="benchmark", pages=BenchmarkPages("benchmark"))
    assert result.problems == []  # with every writer rule, the limit on questions per path included
    assert len(result.compiled.tree.questions) == 300
    assert result.compiled.tree.questions["q0"].help is not None  # Markdown help on every third question


def test_the_layered_graph_has_two_to_the_sixty_paths():
    result = compile_tree_source(layered_graph(60).encode(), file="l.yml", tree_id="layers", pages=BenchmarkPages("layers"),
                                 path_limit=None)
    assert result.problems == []
    assert sum(path_counts(result.compiled.tree).values()) == 2**60


def test_every_stage_can_be_timed():
    runs, html_bytes = stage_runs(generated_tree(20).encode(), "benchmark")
    times = best_times({"small": runs}, repeat=1)["small"]
    assert set(times) == {"bare CSafeLoader", "CSafeLoader, GC paused", "load", "check", "render"}
    assert html_bytes > 0

"""Benchmark: time each stage on generated trees and compare with the targets.

    PYTHONPATH=hooks python3 -m decision_tree_compiler.benchmark [--no-build] [--repeat N]
    PYTHONPATH=hooks python3 -m decision_tree_compiler.benchmark --diagram

The first form:

Generates trees of 1,000, 10,000 and 20,000 questions (random DAGs shaped like real trees:
plain questions, Markdown help on a third of them, outcomes with Markdown steps and links) and
a 60-layer graph with 2**60 paths, then prints the best-of-N time of each stage:
- load: bytes to data with positions (yaml_source), next to a bare
  `yaml.load(..., Loader=yaml.CSafeLoader)` of the same file;
- check: structure, tree-level checks, and the Markdown fields rendered with their links checked;
- render: HTML and JSON.
Then the full `mkdocs build --strict` of a copy of the project with the real tree and with the
10,000-question tree in its place.

--diagram times the drawn flowchart instead (render_diagram.py, flowchart_layout.py): CPU
seconds, median of 3, and the crossings, on the real tree, the 2**60-path graph and generated
trees of about 200, 500 and 1,000 questions and outcomes: the layout alone (boxes already
measured), and the whole drawing (measure the text, lay out, write the SVG); then the whole
build of the 2**60-path graph with the drawing.

Not a test: timings on a shared machine are noisy, so the targets are reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import yaml

from .compiler import check_stage, page_src_uri, render_stage
from .gc_pause import gc_paused
from .pages import directory_url, relative_url
from .tree_format import MAX_QUESTIONS_ON_A_PATH
from .verdicts import VERDICTS
from .yaml_source import load_yaml

PROJECT = Path(__file__).resolve().parents[2]
PAGES = (
    "how-insurers-decide.md",
    "before-treatment.md",
    "letter-of-medical-necessity.md",
    "if-you-are-denied.md",
    "paying-without-insurance.md",
    "situations/injury-burn-and-surgery-scars.md",
)
TARGETS = {
    "layout of a 500-node tree": 1.0,
    "2**60-path graph, whole build with the diagram": 1.0,
    "check + render of 10,000 questions": 1.0,
    "load / CSafeLoader": 1.5,
    "20k / 10k, every stage": 2.5,
    "2**60-path graph, load + check + render": 1.0,
}


class BenchmarkPages:
    """The guidance pages the generated trees link to, without reading the docs folder."""

    folder = "docs/"

    def __init__(self, tree_id: str):
        self.page_url = directory_url(page_src_uri(tree_id))

    def exists(self, docs_path: str) -> bool:
        return docs_path in PAGES

    def known_pages(self) -> list[str]:
        return list(PAGES)

    def url_for(self, docs_path: str) -> str | None:
        return relative_url(directory_url(docs_path), self.page_url) if docs_path in PAGES else None

    def title_of(self, docs_path: str) -> str:
        return docs_path.rsplit("/", 1)[-1][:-3].replace("-", " ").capitalize()

    def anchors(self, docs_path: str) -> frozenset[str] | None:
        return None  # the generated trees link to pages, not to anchors on them


def generated_tree(question_count: int, seed: int = 20240501) -> str:
    """A valid tree of question_count questions and about half as many outcomes, as YAML text."""
    rng = random.Random(seed)
    outcome_count = max(2, question_count // 2)
    questions = [f"q{number}" for number in range(question_count)]
    outcomes = [f"o{number}" for number in range(outcome_count)]
    targets: list[list[str]] = [[] for _ in questions]
    # Questions sit in layers (q0 alone in the first), and answers only lead to later layers, so
    # no path asks more than MAX_QUESTIONS_ON_A_PATH questions: the tree is one a writer may publish.
    depth = MAX_QUESTIONS_ON_A_PATH
    layer_of = [0] + [1 + (number - 1) * (depth - 1) // max(1, question_count - 1) for number in range(1, question_count)]
    layer_start = {layer: layer_of.index(layer) for layer in sorted(set(layer_of), reverse=True)}
    # Every node after q0 gets one way in from the layer before it: all reachable, no loops.
    for number in range(1, question_count):
        layer = layer_of[number]
        targets[rng.randrange(layer_start[layer - 1], layer_start[layer])].append(questions[number])
    for outcome in outcomes:
        targets[rng.randrange(question_count)].append(outcome)
    for number, options in enumerate(targets):
        next_layer = layer_start.get(layer_of[number] + 1, question_count)
        while len(options) < 2 or (len(options) < 4 and rng.random() < 0.3):
            later = rng.randrange(next_layer, min(next_layer + 100, question_count) + 1)
            options.append(questions[later] if later < question_count else rng.choice(outcomes))
    verdicts = list(VERDICTS)
    lines = ["# yaml-language-server: $schema=schema.json", f"title: Generated tree with {question_count:,} questions",
             "last_reviewed: 2026-11-27", "intro: |", "  A generated tree for the benchmark.", "start: q0", "questions:"]
    for number, options in enumerate(targets):
        lines += [f"  q{number}:", f"    text: In case {number}, does the scar limit how you move or work?"]
        if number % 3 == 0:
            lines += ["    help: |",
                      f"      A **physical problem** (case {number}) means the scar gets in the way of how your body",
                      f"      works. See [how insurers decide]({PAGES[number % len(PAGES)]})."]
        lines.append("    options:")
        for index, target in enumerate(options):
            lines += [f"      - label: Answer {index + 1} for question {number}", f"        next: {target}"]
    lines.append("outcomes:")
    for number, outcome in enumerate(outcomes):
        lines += [f"  {outcome}:", f"    verdict: {verdicts[number % len(verdicts)]}",
                  f"    title: Outcome {number}, what to do next", "    body: |",
                  f"      Your chance depends on proof (outcome {number}). Do these steps in order:", "",
                  "      1. Ask your doctor to write down the problem.",
                  f"      2. Send a [letter of medical necessity]({PAGES[2]}) with the **codes**.",
                  "      3. Keep the reference number.",
                  f"    see: [{PAGES[number % len(PAGES)]}, {PAGES[(number + 1) % len(PAGES)]}]"]
    return "\n".join(lines) + "\n"


def layered_graph(layers: int = 60) -> str:
    """A start question, then layers-1 layers of two questions; every answer leads to both
    questions of the next layer, so 2**layers paths run through `layers` questions each."""
    lines = [f"title: {layers} layers", "start: l0a", "questions:"]
    for layer in range(layers):
        targets = [f"l{layer + 1}a", f"l{layer + 1}b"] if layer + 1 < layers else ["end-a", "end-b"]
        for name in ["a"] if layer == 0 else ["a", "b"]:
            lines += [f"  l{layer}{name}:", f"    text: Layer {layer}, question {name}?", "    options:"]
            lines += [f"      - label: Go to {target}\n        next: {target}" for target in targets]
    lines.append("outcomes:")
    for end, verdict in (("end-a", "possible"), ("end-b", "unlikely")):
        lines += [f"  {end}:", f"    verdict: {verdict}", f"    title: End {end}", "    body: The end."]
    return "\n".join(lines) + "\n"


def stage_runs(source: bytes, tree_id: str) -> tuple[dict[str, Callable[[], object]], int]:
    """The measurements for one tree, each a function to time, and the size of its page HTML."""
    file = f"decision_tree/{tree_id}.yml"
    pages = BenchmarkPages(tree_id)
    loaded = load_yaml(source, file)
    # No limit on questions per path: these trees are deep on purpose, to stress the algorithms.
    checked = check_stage(loaded, file=file, tree_id=tree_id, pages=pages, path_limit=None)
    assert not checked.problems, "\n".join(str(problem) for problem in checked.problems[:10])
    compiled = render_stage(checked.tree, checked.fields)
    return {
        "bare CSafeLoader": lambda: yaml.load(source, Loader=yaml.CSafeLoader),
        # The same call with the cycle collector paused, as our loader pauses it (gc_pause.py):
        # the fair comparison of the two loaders' own work.
        "CSafeLoader, GC paused": gc_paused(lambda: yaml.load(source, Loader=yaml.CSafeLoader)),
        "load": lambda: load_yaml(source, file),
        "check": lambda: check_stage(loaded, file=file, tree_id=tree_id, pages=pages, path_limit=None),
        "render": lambda: render_stage(checked.tree, checked.fields),
    }, len(compiled.html.encode())


def best_times(runs: dict[str, dict[str, Callable[[], object]]], repeat: int) -> dict[str, dict[str, float]]:
    """Best time of every measurement. Rounds go through every tree and stage in turn, so a
    burst of load from other work on the machine hits all of them alike, not one tree."""
    best = {name: dict.fromkeys(measurements, float("inf")) for name, measurements in runs.items()}
    for _ in range(repeat):
        for name, measurements in runs.items():
            for stage, function in measurements.items():
                started = time.perf_counter()
                function()
                best[name][stage] = min(best[name][stage], time.perf_counter() - started)
    return best


def build_seconds(tree_text: str | None, repeat: int) -> float:
    """Best time of `mkdocs build --strict` with tree_text as coverage.yml (None: the real tree)."""
    # Copy the project the way the build tests do (only the build timing needs the repository).
    sys.path.insert(0, str(PROJECT))
    from tests.project_copy import copy_project

    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder))
        if tree_text is not None:
            (project / "decision_tree" / "coverage.yml").write_text(tree_text, encoding="utf-8")
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            result = subprocess.run(command, cwd=project, capture_output=True, text=True,
                                    env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
            best = min(best, time.perf_counter() - started)
            if result.returncode != 0:
                raise SystemExit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
        return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m decision_tree_compiler.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best is kept (default 5)")
    parser.add_argument("--no-build", action="store_true", help="skip the two mkdocs builds")
    parser.add_argument("--diagram", action="store_true", help="time the drawn flowchart instead")
    arguments = parser.parse_args(argv)
    repeat = arguments.repeat
    if arguments.diagram:
        return diagram_main()

    print(f"Python {sys.version.split()[0]}, PyYAML {yaml.__version__} (libyaml: {yaml.__with_libyaml__}), "
          f"{os.cpu_count()} CPUs. Best of {repeat} runs.\n")
    print("CSL: bare yaml.load(..., Loader=yaml.CSafeLoader) of the same file, as called (cycle collector on)")
    print("CSL-p: the same with the cycle collector paused, as our loader runs (the fair comparison)\n")
    print(f"{'tree':>24} {'size':>8} {'CSL':>7} {'CSL-p':>7} {'load':>7} {'/CSL':>6} {'/CSL-p':>6} {'check':>7} "
          f"{'render':>7} {'check+render':>12} {'page HTML':>9}")
    sources = {f"{count:,} questions": generated_tree(count).encode() for count in (1_000, 10_000, 20_000)}
    sources["2**60 paths (60 layers)"] = layered_graph(60).encode()
    runs, html_sizes = {}, {}
    for name, source in sources.items():
        runs[name], html_sizes[name] = stage_runs(source, "layers" if "layers" in name else "benchmark")
    times = best_times(runs, repeat)
    for name, source in sources.items():
        _row(name, source, times[name], html_sizes[name])
    results = {1_000: times["1,000 questions"], 10_000: times["10,000 questions"], 20_000: times["20,000 questions"]}
    layered_times = times["2**60 paths (60 layers)"]

    ten, twenty = results[10_000], results[20_000]
    ratios = {stage: twenty[stage] / ten[stage] for stage in ("load", "check", "render")}
    check_render = ten["check"] + ten["render"]
    load_ratio = ten["load"] / ten["CSafeLoader, GC paused"]
    layered_total = layered_times["load"] + layered_times["check"] + layered_times["render"]
    print("\n20k/10k ratios: " + ", ".join(f"{stage} {ratio:.2f}" for stage, ratio in ratios.items()))
    print("\nTargets:")
    _target("check + render of 10,000 questions", check_render, f"{check_render:.3f} s", "≤ 1 s")
    _target("load / CSafeLoader", load_ratio,
            f"{load_ratio:.2f}× with the collector paused for both "
            f"({ten['load'] / ten['bare CSafeLoader']:.2f}× against the bare call), 10,000 questions", "≤ 1.5×")
    _target("20k / 10k, every stage", max(ratios.values()), f"worst {max(ratios.values()):.2f}", "≤ 2.5")
    _target("2**60-path graph, load + check + render", layered_total, f"{layered_total:.4f} s", "≤ 1 s")

    if not arguments.no_build:
        build_repeat = max(1, min(3, repeat))
        real = build_seconds(None, build_repeat)
        big = build_seconds(generated_tree(10_000), build_repeat)
        print(f"\nmkdocs build --strict (best of {build_repeat}): real tree {real:.2f} s, "
              f"10,000-question tree {big:.2f} s ({big - real:+.2f} s, {big / real:.1f}×)")
    return 0


def cpu_median(function: Callable[[], object], runs: int = 3) -> float:
    """Median CPU seconds of a few calls (CPU time: other work on a shared machine matters less)."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return sorted(times)[len(times) // 2]


def diagram_trees() -> dict[str, object]:
    """The trees the diagram is timed on, checked and ready to draw."""
    from .compiler import compile_tree_file
    from .pages import DocsFolder

    real = compile_tree_file(PROJECT / "decision_tree" / "coverage.yml", file="decision_tree/coverage.yml",
                             pages=DocsFolder(PROJECT / "docs", page_src_uri("coverage"), folder="docs/"))
    assert real.ok, "\n".join(str(problem) for problem in real.problems)
    trees = {"real tree": real.compiled.tree}
    sources = {"2**60 paths (60 layers)": (layered_graph(60), "layers")}
    for nodes in (200, 500, 1_000):
        # generated_tree(q) has q questions and q // 2 outcomes.
        sources[f"generated, {nodes:,} nodes"] = (generated_tree(round(nodes * 2 / 3)), "benchmark")
    for name, (text, tree_id) in sources.items():
        file = f"decision_tree/{tree_id}.yml"
        checked = check_stage(load_yaml(text.encode(), file), file=file, tree_id=tree_id, pages=BenchmarkPages(tree_id),
                              path_limit=None)  # deep on purpose
        assert not checked.problems, "\n".join(str(problem) for problem in checked.problems[:10])
        trees[name] = checked.tree
    return trees


def diagram_main() -> int:
    from .flowchart_layout import layered_layout
    from .graph import layers
    from .render_diagram import LIMITS, draw_diagram, layout_of, render_diagram

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs. CPU seconds, median of 3.\n")
    print(f"{'tree':>26} {'nodes':>6} {'rows':>5} {'widest':>6} {'lanes':>6} {'crossings':>9} {'layout':>9} "
          f"{'drawing':>9} {'SVG':>8} {'size':>11}  drawn on the page?")
    trees = diagram_trees()
    layout_times = {}
    for name, tree in trees.items():
        layout = layout_of(tree)
        sizes = {node: (box.width, box.height) for node, box in layout.boxes.items()}
        edges = [(route.source, route.target) for route in layout.routes]
        depth = layers(tree)
        layout_times[name] = cpu_median(lambda: layered_layout(sizes, edges, depth))
        drawing = cpu_median(lambda: render_diagram(tree, lambda node: "#" + node))
        svg_bytes = len(render_diagram(tree, lambda node: "#" + node).encode())
        lanes = sum(layout.boxes[route.target].layer - layout.boxes[route.source].layer - 1 for route in layout.routes)
        verdict = draw_diagram(tree, lambda node: "#" + node)
        print(f"{name:>26} {len(layout.boxes):>6,} {len(layout.rows):>5} {max(len(row) for row in layout.rows):>6} "
              f"{lanes:>6,} {layout.crossings:>9,} {layout_times[name]:>7.4f}s {drawing:>7.4f}s "
              f"{svg_bytes / 1e3:>6.0f} kB {layout.width:>5}x{layout.height:<5}  "
              f"{'yes' if verdict.svg is not None else 'no, over the limit of ' + verdict.exceeded}")

    source = layered_graph(60).encode()
    pages = BenchmarkPages("layers")

    def whole_build(draw_anyway: bool):
        # render_stage draws the diagram as the page does (draw_diagram, within LIMITS).
        loaded = load_yaml(source, "decision_tree/layers.yml")
        checked = check_stage(loaded, file="decision_tree/layers.yml", tree_id="layers", pages=pages, path_limit=None)
        render_stage(checked.tree, checked.fields)
        if draw_anyway:
            render_diagram(checked.tree, lambda node: "#" + node)

    with_limit = cpu_median(lambda: whole_build(False))
    always = cpu_median(lambda: whole_build(True))
    print(f"\n2**60-path graph, load + check + render + diagram: {with_limit:.3f} s as the page would "
          f"(over the {LIMITS.boxes}-box limit, so no layout), {always:.3f} s drawing it anyway")
    print("\nTargets:")
    _target("layout of a 500-node tree", layout_times["generated, 500 nodes"],
            f"{layout_times['generated, 500 nodes']:.3f} s", "≤ 1 s")
    _target("2**60-path graph, whole build with the diagram", always, f"{always:.3f} s drawn anyway", "≤ 1 s")
    return 0


def _row(name: str, source: bytes, times: dict, html_bytes: int) -> None:
    bare, paused, load = times["bare CSafeLoader"], times["CSafeLoader, GC paused"], times["load"]
    print(f"{name:>24} {len(source) / 1e6:>6.2f}MB {bare:>6.3f}s {paused:>6.3f}s {load:>6.3f}s {load / bare:>5.2f}× "
          f"{load / paused:>5.2f}× {times['check']:>6.3f}s {times['render']:>6.3f}s {times['check'] + times['render']:>11.3f}s "
          f"{html_bytes / 1e6:>7.2f}MB")


def _target(name: str, value: float, shown: str, goal: str) -> None:
    met = value <= TARGETS[name]
    print(f"  [{'met' if met else 'MISSED'}] {name}: {shown} (target {goal})")


if __name__ == "__main__":
    sys.exit(main())

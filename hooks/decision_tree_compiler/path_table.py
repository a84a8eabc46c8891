"""The path table: a human-readable list of every path through a tree.

Nothing to commit or keep up to date: `python3 dev.py paths` prints it, and the pull-request
workflow keeps it as an artifact next to the short summary of what changed (changed_paths.py).
Paths are listed depth-first in the order options are written. Above MAX_LISTED_PATHS the table
lists how many paths end in each outcome instead (counted by dynamic programming, never by
listing them). Labels and titles are code spans, so the table shows them as written wherever
it is rendered (markdown_literal.py).
"""

from __future__ import annotations

from pathlib import Path

from .graph import iter_paths, longest_question_count, path_counts
from .markdown_literal import code_span, shown_id, table_cell
from .model import Tree
from .verdicts import VERDICTS

MAX_LISTED_PATHS = 500
PATHS_COMMAND = "python3 dev.py paths"


def _paths_word(count: int) -> str:
    return "1 path" if count == 1 else f"{count:,} paths"


def path_table_text(tree: Tree) -> str:
    counts = path_counts(tree)
    total = sum(counts.values())
    by_verdict = {verdict_id: 0 for verdict_id in VERDICTS}
    for outcome_id, count in counts.items():
        by_verdict[tree.outcomes[outcome_id].verdict] += count
    tree_file_name = Path(tree.file).name
    lines = [
        f"# Every path through {code_span(tree.title)} ({code_span(tree_file_name)})",
        "",
        f"{_paths_word(total)}, with at most {longest_question_count(tree)} questions on a path. "
        "By verdict: " + ", ".join(f"{verdict_id} {count:,}" for verdict_id, count in by_verdict.items()) + ".",
        "",
    ]
    if total <= MAX_LISTED_PATHS:
        lines += [
            "Each line is one way through the tree: the question id and the answer chosen there, "
            "then ⇒ the outcome id and its verdict.",
            "",
        ]
        for answers, outcome_id in iter_paths(tree):
            steps = " → ".join(f"{shown_id(question_id)}: {code_span(label)}" for question_id, label in answers)
            lines.append(f"- {steps} ⇒ **{shown_id(outcome_id)}** ({shown_id(tree.outcomes[outcome_id].verdict)})")
    else:
        lines += [
            f"There are more than {MAX_LISTED_PATHS:,} paths, so instead of listing them, this table "
            "counts how many paths end in each outcome.",
            "",
            "| Outcome | Verdict | Paths |",
            "| --- | --- | ---: |",
        ]
        lines += [
            "| " + " | ".join(table_cell(shown_id(cell)) for cell in (outcome_id, tree.outcomes[outcome_id].verdict))
            + f" | {count:,} |"
            for outcome_id, count in counts.items()
        ]
    return "\n".join(lines) + "\n"

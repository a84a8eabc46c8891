"""What a change to a tree does to its readers: the paths whose ending changed, moved, came or went.

A pull request's reviewer needs "which answers now lead somewhere else", not a diff of every
path. Given the tree before and after the change, this lists, as short Markdown:
- paths whose outcome or verdict changed (the same answers, a different ending);
- paths whose answers changed on the way but end in the same place (a question added, removed
  or reworded): shown as before → after;
- paths that are new, and paths that no longer exist.
Above path_table.MAX_LISTED_PATHS paths (before or after), paths are not listed: the summary
compares how many paths end in each outcome instead (counted, never listed).

Every label and file name is a code span and every id is checked to be one (markdown_literal.py):
the summary goes into the run's Summary page, and a label must not be able to write markup there.

Pure: the command line (`python3 dev.py changed-paths BASE`) reads the two versions from git.
"""

from __future__ import annotations

from dataclasses import dataclass

from .graph import iter_paths, path_counts
from .guarantee import every_path_ends_in_supported_outcome
from .markdown_literal import code_span, shown_id, table_cell
from .model import Tree
from .path_table import MAX_LISTED_PATHS

MAX_SHOWN = 25
"""Entries shown per list; the rest are counted, and the full path tables are a CI artifact."""

Answers = tuple[tuple[str, str], ...]
"""(question id, label of the answer chosen) for each question on a path."""


@dataclass(frozen=True)
class Ending:
    outcome: str
    verdict: str

    def __str__(self) -> str:
        return f"**{shown_id(self.outcome)}** ({shown_id(self.verdict)})"


def paths_of(tree: Tree) -> dict[Answers, Ending]:
    return {tuple(answers): Ending(outcome, tree.outcomes[outcome].verdict) for answers, outcome in iter_paths(tree)}


def usable(tree: Tree | None) -> bool:
    """Whether the tree's paths can be listed: every path ends in an outcome with a verdict."""
    return tree is not None and every_path_ends_in_supported_outcome(tree)


def _shown(answers: Answers) -> str:
    return " → ".join(f"{shown_id(question)}: {code_span(label)}" for question, label in answers) or "(no answers)"


def _is_subsequence(short: tuple, long: tuple) -> bool:
    remaining = iter(long)
    return all(any(item == other for other in remaining) for item in short)


def _pair_rerouted(removed: list[Answers], added: list[Answers], before: dict, after: dict) -> list[tuple]:
    """Pairs (old answers, new answers) that end in the same outcome where one path's questions
    are the other's with some added or removed (or the same questions with a reworded answer).

    Exact (question, answer) matches are paired first, then matches on the questions alone.
    Deterministic: both lists are in path order and the first candidate wins."""
    pairs = []
    for same in (lambda step: step, lambda step: step[0]):
        for old in list(removed):
            old_key = tuple(map(same, old))
            for new in added:
                new_key = tuple(map(same, new))
                if before[old].outcome != after[new].outcome:
                    continue
                if _is_subsequence(old_key, new_key) or _is_subsequence(new_key, old_key):
                    pairs.append((old, new))
                    removed.remove(old)
                    added.remove(new)
                    break
    return pairs


def _section(title: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    shown = lines[:MAX_SHOWN]
    more = len(lines) - len(shown)
    return [f"**{title}** ({len(lines)})", "", *shown, *([f"- … and {more} more (see the full path tables)"] if more else []), ""]


def _endings_counted(tree: Tree | None) -> dict[str, str]:
    """Each outcome as "N paths (verdict)"; outcomes no path reaches are left out."""
    if tree is None:
        return {}
    return {
        outcome: f"{count:,} paths ({shown_id(tree.outcomes[outcome].verdict)})"
        for outcome, count in path_counts(tree).items()
        if count
    }


def _count_summary(before: Tree | None, after: Tree | None) -> list[str]:
    old, new = _endings_counted(before), _endings_counted(after)
    rows = [
        "| " + " | ".join(table_cell(cell) for cell in (shown_id(outcome), old.get(outcome, "none"), new.get(outcome, "none")))
        + " |"
        for outcome in sorted(old.keys() | new.keys())
        if old.get(outcome) != new.get(outcome)
    ]
    if not rows:
        return ["No outcome changed its verdict or the number of paths that reach it."]
    return [
        f"Too many paths to list (more than {MAX_LISTED_PATHS:,}). The outcomes whose verdict or number of paths changed:",
        "",
        "| Outcome | Before | After |",
        "| --- | --- | --- |",
        *rows,
    ]


def changed_paths_markdown(file: str, before: Tree | None, after: Tree | None) -> str:
    """The summary for one tree file. before/after is None when the file did not or does not exist."""
    heading = f"### {code_span(file)}"
    if after is None and before is None:
        return ""
    if after is not None and not usable(after):
        return f"{heading}\n\nThe tree has problems, so its paths cannot be listed: see the check's messages.\n"
    if before is not None and not usable(before):
        before = None  # the old version was broken: treat every path as new
    old_total = sum(path_counts(before).values()) if before is not None else 0
    new_total = sum(path_counts(after).values()) if after is not None else 0
    status = "New tree: " if before is None else ("Tree removed: " if after is None else "")
    lines = [heading, "", f"{status}{old_total:,} paths before, {new_total:,} after.", ""]
    if old_total > MAX_LISTED_PATHS or new_total > MAX_LISTED_PATHS:
        return "\n".join(lines + _count_summary(before, after)) + "\n"

    old_paths = paths_of(before) if before is not None else {}
    new_paths = paths_of(after) if after is not None else {}
    changed = [
        f"- {_shown(answers)}: {old_paths[answers]} → {new_paths[answers]}"
        for answers in new_paths
        if answers in old_paths and old_paths[answers] != new_paths[answers]
    ]
    removed = [answers for answers in old_paths if answers not in new_paths]
    added = [answers for answers in new_paths if answers not in old_paths]
    rerouted = [
        f"- {_shown(old)} ⇒ {old_paths[old]}\n  now: {_shown(new)} ⇒ {new_paths[new]}"
        for old, new in _pair_rerouted(removed, added, old_paths, new_paths)
    ]
    body = (
        _section("Same answers, different outcome or verdict", changed)
        + _section("Same ending, different answers on the way", rerouted)
        + _section("New paths", [f"- {_shown(answers)} ⇒ {new_paths[answers]}" for answers in added])
        + _section("Paths that no longer exist", [f"- {_shown(answers)} ⇒ {old_paths[answers]}" for answers in removed])
    )
    if not body:
        body = ["No path changed its answers, outcome or verdict."]
    return "\n".join(lines + body).rstrip("\n") + "\n"

"""Command line: check trees, list their paths, summarise what a change does, keep schema.json.

    PYTHONPATH=hooks python3 -m decision_tree_compiler check [FILES...]          # exit 1 on problems
    PYTHONPATH=hooks python3 -m decision_tree_compiler paths [FILES...] [--output FILE]  # every path
    PYTHONPATH=hooks python3 -m decision_tree_compiler changed-paths BASE_REF    # paths changed since a git ref
    PYTHONPATH=hooks python3 -m decision_tree_compiler schema [--check]          # rewrite / verify schema.json

Without FILES, every decision_tree/*.yml of the project is used. The project is the folder
that holds hooks/ (so the commands work from any folder); `--root` overrides it. `check` prints
exactly the messages `mkdocs build` would.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from .changed_paths import changed_paths_markdown
from .markdown_literal import code_span
from .compiler import CompileResult, compile_tree_file, page_src_uri
from .graph import path_counts
from .pages import DocsFolder
from .path_table import path_table_text
from .problems import format_problems, github_annotation, github_annotations_wanted, shown_problems, summary_line
from .schema import SCHEMA_COMMAND, schema_file, schema_text
from .structure import read_tree
from .yaml_source import load_yaml, read_tree_file

DEFAULT_ROOT = Path(__file__).resolve().parents[2]
TREE_FOLDER = "decision_tree"


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _tree_files(arguments, root: Path) -> list[Path]:
    if arguments.files:
        return [Path(name) for name in arguments.files]
    return sorted((root / TREE_FOLDER).glob("*.yml"))


def _compile_all(files: list[Path], root: Path, docs_dir: Path) -> dict[Path, CompileResult]:
    return {
        path: compile_tree_file(
            path,
            file=_shown(path, root),
            pages=DocsFolder(docs_dir, page_src_uri(path.stem), folder=_shown(docs_dir, root).rstrip("/") + "/"),
        )
        for path in files
    }


def _report_problems(results: dict[Path, CompileResult]) -> bool:
    problems = [problem for result in results.values() for problem in result.problems]
    if problems:
        print(format_problems(problems))
        print()
        print(summary_line(problems))
        if github_annotations_wanted():
            print("\n".join(github_annotation(problem) for problem in shown_problems(problems)[0]))
    return bool(problems)


def command_check(arguments, root: Path, docs_dir: Path) -> int:
    files = _tree_files(arguments, root)
    if not files:
        print(f"No tree files found in {TREE_FOLDER}/ (they end in .yml).")
        return 1
    results = _compile_all(files, root, docs_dir)
    if _report_problems(results):
        return 1
    summaries = []
    for path, result in results.items():
        tree = result.compiled.tree
        paths = sum(path_counts(tree).values())
        summaries.append(
            f"{_shown(path, root)}: {len(tree.questions)} questions, {len(tree.outcomes)} outcomes, {paths:,} paths"
        )
    print(f"OK: {'; '.join(summaries)}. Every path ends in an outcome with a verdict.")
    return 0


def command_paths(arguments, root: Path, docs_dir: Path) -> int:
    files = _tree_files(arguments, root)
    results = _compile_all(files, root, docs_dir)
    if _report_problems(results):
        print("Paths are listed only for trees without problems.")
        return 1
    text = "\n".join(path_table_text(result.compiled.tree) for result in results.values())
    if arguments.output:
        Path(arguments.output).write_text(text, encoding="utf-8")
        print(f"Wrote the paths of {len(results)} tree(s) to {arguments.output}.")
    else:
        print(text, end="")
    return 0


def _git(root: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *arguments], capture_output=True)


def _tree_at(source: bytes | None, file: str):
    """The model of a tree file's text (None if there is no such file). Only the paths matter here,
    so the guidance pages are not needed; a tree with problems is reported as such."""
    if source is None:
        return None
    loaded = load_yaml(source, file)
    if loaded.data is None:
        return None
    return read_tree(loaded, file, Path(file).stem)[0]


def command_changed_paths(arguments, root: Path, docs_dir: Path) -> int:
    base = arguments.base
    if _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").returncode != 0:
        print(f'"{base}" is not a commit git knows here. Fetch it first (for example: git fetch origin main).')
        return 2
    listed = _git(root, "ls-tree", "--name-only", base, f"{TREE_FOLDER}/")
    old_files = {name for name in listed.stdout.decode().splitlines() if name.endswith(".yml")}
    new_files = {f"{TREE_FOLDER}/{path.name}" for path in (root / TREE_FOLDER).glob("*.yml")}
    sections = []
    for file in sorted(old_files | new_files):
        shown = _git(root, "show", f"{base}:{file}") if file in old_files else None
        before = _tree_at(shown.stdout if shown is not None and shown.returncode == 0 else None, file)
        current = read_tree_file(root / file, file) if file in new_files else None
        after = _tree_at(current if isinstance(current, bytes) else None, file)
        if before is None and after is None:
            continue
        sections.append(changed_paths_markdown(file, before, after))
    print(f"## Decision tree paths: what this change does (compared with {code_span(base)})\n")
    print("\n".join(sections) if sections else "No decision tree files.\n", end="")
    return 0


def command_schema(arguments, root: Path, docs_dir: Path) -> int:
    target = schema_file(root / TREE_FOLDER)
    text = schema_text()
    current = target.read_text(encoding="utf-8") if target.exists() else None
    if arguments.check:
        if current != text:
            print(f"Out of date: {_shown(target, root)}. Run: {SCHEMA_COMMAND}")
            return 1
        print(f"OK: {_shown(target, root)} is up to date.")
        return 0
    if current != text:
        target.write_text(text, encoding="utf-8")
        print(f"Updated: {_shown(target, root)}.")
    else:
        print(f"{_shown(target, root)} was already up to date.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m decision_tree_compiler", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the project folder (default: %(default)s)")
    parser.add_argument("--docs-dir", type=Path, help="the docs folder (default: ROOT/docs)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check trees; exit 1 if any has a problem")
    check.add_argument("files", nargs="*", help="tree files (default: every decision_tree/*.yml)")
    paths = commands.add_parser("paths", help="list every path through each tree, with its outcome and verdict")
    paths.add_argument("--output", help="write the tables to this file instead of printing them")
    paths.add_argument("files", nargs="*", help="tree files (default: every decision_tree/*.yml)")
    changed = commands.add_parser("changed-paths", help="Markdown summary of the paths a change adds, removes or alters")
    changed.add_argument("base", help="the git commit or branch to compare with, for example origin/main")
    schema = commands.add_parser("schema", help="rewrite decision_tree/schema.json from the tree format")
    schema.add_argument("--check", action="store_true", help="change nothing; exit 1 if schema.json is out of date")
    arguments = parser.parse_args(argv)
    root = arguments.root
    docs_dir = arguments.docs_dir or root / "docs"
    handler = {
        "check": command_check,
        "paths": command_paths,
        "changed-paths": command_changed_paths,
        "schema": command_schema,
    }[arguments.command]
    return handler(arguments, root, docs_dir)


if __name__ == "__main__":
    sys.exit(main())

"""Command line: check trees, and keep the path tables and schema.json up to date.

    PYTHONPATH=hooks python3 -m decision_tree_compiler check [FILES...]   # exit 1 on problems
    PYTHONPATH=hooks python3 -m decision_tree_compiler paths [--check]    # rewrite / verify path tables
    PYTHONPATH=hooks python3 -m decision_tree_compiler schema [--check]   # rewrite / verify schema.json

Without FILES, every decision_tree/*.yml of the project is used. The project is the folder
that holds hooks/ (so the commands work from any folder); `--root` overrides it. `check` prints
exactly the messages `mkdocs build` would.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .compiler import CompileResult, compile_tree_file, page_src_uri
from .graph import path_counts
from .pages import DocsFolder
from .path_table import PATHS_COMMAND, path_table_file, path_table_text
from .problems import format_problems, summary_line
from .schema import SCHEMA_COMMAND, schema_file, schema_text

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
        print(summary_line(problems))
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
    stale = []
    for path, result in results.items():
        tree = result.compiled.tree
        paths = sum(path_counts(tree).values())
        summaries.append(
            f"{_shown(path, root)}: {len(tree.questions)} questions, {len(tree.outcomes)} outcomes, {paths:,} paths"
        )
        table = path_table_file(path)
        if not table.exists() or table.read_text(encoding="utf-8") != path_table_text(tree):
            stale.append(_shown(table, root))
    print(f"OK: {'; '.join(summaries)}. Every path ends in an outcome with a verdict.")
    for table in stale:
        print(f"Note: {table} is out of date. Run: {PATHS_COMMAND}")
    return 0


def command_paths(arguments, root: Path, docs_dir: Path) -> int:
    files = _tree_files(arguments, root)
    results = _compile_all(files, root, docs_dir)
    if _report_problems(results):
        print("Path tables are written only for trees without problems.")
        return 1
    stale = []
    for path, result in results.items():
        table = path_table_file(path)
        text = path_table_text(result.compiled.tree)
        current = table.read_text(encoding="utf-8") if table.exists() else None
        if current == text:
            continue
        stale.append(_shown(table, root))
        if not arguments.check:
            table.write_text(text, encoding="utf-8")
    if arguments.check:
        if stale:
            print(f"Out of date: {', '.join(stale)}. The tree changed but its path table did not. Run: {PATHS_COMMAND}")
            return 1
        print(f"OK: {len(results)} path table{'s' if len(results) != 1 else ''} up to date.")
        return 0
    print(f"Updated: {', '.join(stale)}." if stale else "Path tables were already up to date.")
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
    paths = commands.add_parser("paths", help="rewrite each tree's path table (decision_tree/<id>.paths.md)")
    paths.add_argument("--check", action="store_true", help="change nothing; exit 1 if a path table is out of date")
    paths.add_argument("files", nargs="*", help="tree files (default: every decision_tree/*.yml)")
    schema = commands.add_parser("schema", help="rewrite decision_tree/schema.json from the tree format")
    schema.add_argument("--check", action="store_true", help="change nothing; exit 1 if schema.json is out of date")
    arguments = parser.parse_args(argv)
    root = arguments.root
    docs_dir = arguments.docs_dir or root / "docs"
    handler = {"check": command_check, "paths": command_paths, "schema": command_schema}[arguments.command]
    return handler(arguments, root, docs_dir)


if __name__ == "__main__":
    sys.exit(main())

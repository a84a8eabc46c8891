"""Builds a copy of the project holding every row of the bad-input table (test_bad_input.py).

Each row gets a place of its own, so rows never hide each other's problems and one build
serves many rows:
- "tree file": the row's text is the whole of decision_tree/row-NN.yml;
- "tree <path>": decision_tree/row-NN.yml is a copy of coverage.yml with the field at <path>
  (dotted keys and list indexes: "outcomes.*.body", "outcomes.*.see.0",
  "questions.coverage.options.1.label"; * is the first key whose value has the rest of the
  path, so rows survive edits to the tree) set to the row's text, written as a double-quoted
  YAML string on the field's line (a key that does not exist yet is added to its group);
- "page": docs/bad-input/row-NN.md, a short guidance page with the row's text after its heading;
- "page front matter": the same page, with the row's text as more lines of its front matter;
- "docs file .svg" (or .html, .css, ...): the row's text is the whole of docs/bad-input/row-NN.svg,
  a file the site publishes as it is; "docs file assets/x.png" (a path, not an ending): the
  row's text is the whole of docs/assets/x.png.
Every row page is listed in nav:, so a row that should work builds without warnings.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from decision_tree_compiler.unseen_characters import UNSEEN
from tests.project_copy import PROJECT_ROOT, build, copy_project

REJECTED = "rejected by the build"
SHOWN_AS_TEXT = "shown as text"
WORKS = "works"

SEED_TREE = "decision_tree/coverage.yml"
PAGE_HEAD = """---
description: A page made by the bad-input tests, row {number}.
last_reviewed: 2026-11-27
---

# Bad input row {number}

"""


@dataclass(frozen=True)
class Row:
    where: str
    """"tree file", "tree <dotted path>", "page", "page front matter" or "docs file <suffix or path>"."""
    text: str
    outcome: str
    """REJECTED, SHOWN_AS_TEXT or WORKS."""
    words: tuple[str, ...]
    """REJECTED: words the message must contain (on the line naming the file and line).
    SHOWN_AS_TEXT: text the reader must see as text on the page.
    WORKS: pieces of HTML the built page must contain (character codes decoded)."""

    @property
    def is_tree(self) -> bool:
        return self.where.startswith("tree")


@dataclass(frozen=True)
class Placed:
    """Where a row went in the project copy."""

    file: str  # "decision_tree/row-03.yml" or "docs/bad-input/row-03.md"
    lines: range  # the lines a message about the row may name
    page: str  # the built page, e.g. "decision-tree/row-03/index.html"


def row_name(number: int) -> str:
    return f"row-{number:02}"


def place_rows(project: Path, rows: dict[int, Row]) -> dict[int, Placed]:
    """Write each row into project; return where each went."""
    placed: dict[int, Placed] = {}
    nav_lines = []
    seed = (PROJECT_ROOT / SEED_TREE).read_text(encoding="utf-8")
    for number, row in rows.items():
        name = row_name(number)
        if row.is_tree:
            file = f"decision_tree/{name}.yml"
            if row.where == "tree file":
                text, lines = row.text, range(1, row.text.count("\n") + 2)
            else:
                text, line = set_field(seed, row.where.removeprefix("tree ").strip(), row.text)
                lines = range(line, line + 1)
            (project / file).write_text(text, encoding="utf-8", newline="")
            placed[number] = Placed(file, lines, f"decision-tree/{name}/index.html")
            nav_lines.append(f"  - Row {number}: decision-tree/{name}.md")
        elif row.where.startswith("docs file "):
            suffix_or_path = row.where.removeprefix("docs file ").strip()
            file = f"docs/bad-input/{name}{suffix_or_path}" if suffix_or_path.startswith(".") else f"docs/{suffix_or_path}"
            (project / file).parent.mkdir(parents=True, exist_ok=True)
            (project / file).write_text(row.text, encoding="utf-8", newline="")
            placed[number] = Placed(file, range(1, row.text.count("\n") + 2), file.removeprefix("docs/"))
        else:
            file = f"docs/bad-input/{name}.md"
            head = PAGE_HEAD.format(number=number)
            (project / file).parent.mkdir(exist_ok=True)
            if row.where == "page front matter":
                at = head.index("---\n", 4)  # the front matter's closing line
                first = head.count("\n", 0, at) + 1
                text = head[:at] + row.text + "\n" + head[at:]
            else:
                first = head.count("\n") + 1
                text = head + row.text + "\n"
            (project / file).write_text(text, encoding="utf-8", newline="")
            placed[number] = Placed(file, range(first, first + row.text.count("\n") + 1), f"bad-input/{name}/index.html")
            nav_lines.append(f"  - Row {number}: bad-input/{name}.md")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nnav:\n" in text
    config.write_text(text.replace("\nnav:\n", "\nnav:\n" + "".join(line + "\n" for line in nav_lines), 1), encoding="utf-8")
    return placed


def set_field(tree_text: str, path: str, value: str) -> tuple[str, int]:
    """tree_text with the field at path set to value; and the 1-based line of the value."""
    import yaml

    node = yaml.compose(tree_text, Loader=yaml.SafeLoader)
    *parents, last = path.split(".")
    for index, step in enumerate(parents):
        if step == "*":
            step = next(key.value for key, value in node.value if _has_path(value, [*parents[index + 1 :], last]))
        node = _child(node, step)
    # A YAML file cannot hold most unseen characters as themselves (the reader refuses them), but
    # a double-quoted text can name any of them with an escape, as a writer (or an attacker) would.
    written = UNSEEN.sub(
        lambda match: f"\\u{ord(match.group()):04x}" if ord(match.group()) <= 0xFFFF else f"\\U{ord(match.group()):08x}",
        json.dumps(value, ensure_ascii=False),
    )
    if isinstance(node, yaml.MappingNode) and _child(node, last, missing_ok=True) is None:
        first_key = node.value[0][0]
        line_start = tree_text.rfind("\n", 0, first_key.start_mark.index) + 1
        indent = " " * first_key.start_mark.column
        return tree_text[:line_start] + f"{indent}{last}: {written}\n" + tree_text[line_start:], first_key.start_mark.line + 1
    target = _child(node, last)
    start, end = target.start_mark.index, target.end_mark.index
    old = tree_text[start:end]
    # A block scalar (|) ends at the start of the next line: keep that line break.
    ending = "\n" if old.endswith("\n") else ""
    return tree_text[:start] + written + ending + tree_text[end:], target.start_mark.line + 1


def _has_path(node, steps: list[str]) -> bool:
    for step in steps:
        try:
            node = _child(node, step)
        except (KeyError, IndexError, ValueError, AttributeError):
            return False
    return True


def _child(node, step: str, missing_ok: bool = False):
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return node.value[int(step)]
    for key, value in node.value:
        if key.value == step:
            return value
    if missing_ok:
        return None
    raise KeyError(f"no key {step!r} in the tree")


@dataclass
class GroupRun:
    """One build (and, for tree rows, one check-tree run) shared by a group of rows."""

    project: Path
    placed: dict[int, Placed]
    build: subprocess.CompletedProcess
    check_tree: subprocess.CompletedProcess | None

    @property
    def build_output(self) -> str:
        return self.build.stdout + self.build.stderr


def run_group(destination: Path, rows: dict[int, Row], *, site_url: str | None = None) -> GroupRun:
    project = copy_project(destination)
    placed = place_rows(project, rows)
    result = build(project, site_url=site_url)
    check = None
    if any(row.is_tree for row in rows.values()):
        env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
        check = subprocess.run(
            [sys.executable, "-m", "decision_tree_compiler", "--root", str(project), "check"],
            cwd=project, env=env, capture_output=True, text=True, timeout=300,
        )
    return GroupRun(project, placed, result, check)


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # MkDocs colours its own log lines


def located_lines(output: str, placed: Placed) -> list[str]:
    """The messages that name the row's file and one of its lines: each the line that names the
    place and the lines that follow it up to a blank line (the excerpt and "What to do")."""
    blocks = []
    lines = ANSI.sub("", output).splitlines()
    for number, line in enumerate(lines):
        match = re.search(re.escape(placed.file) + r":(\d+)(?::\d+)?:", line)
        if match and int(match.group(1)) in placed.lines:
            block = [line]
            for following in lines[number + 1 :]:
                if not following.strip() or re.match(r"\S+:\d+:\d+: ", following):
                    break
                block.append(following)
            blocks.append(" ".join(block))
    return blocks

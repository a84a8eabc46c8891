"""Load a tree file safely, keeping the line and column of every value.

Why not `yaml.safe_load`:
- YAML 1.1 turns unquoted `yes`, `no`, `on`, `off` into booleans and `2025-01-01` into a date.
  A tree holds only text, lists and keys, so every scalar stays the exact text the writer typed
  (only an empty value, `~` or `null` means "nothing here").
- safe_load keeps the last of two duplicate keys without a word; we report both.
- safe_load drops positions; writers need `file:line:column` in every message.
- An alias bomb ("billion laughs") makes safe_load build billions of objects.
- Deep nesting (30,000 `[`) overflows the C stack of libyaml's composer; yaml_depth.py refuses
  it before any composing, of the file or of a mended copy.

How: libyaml's C composer (the fast part of `yaml.CSafeLoader`) builds the node graph with
marks, using a resolver that only tells "nothing" from "text". Then one iterative pass turns
nodes into dicts, lists and strings. Each dict and list remembers its node, so a position is
found only when a problem needs one. An alias makes two places share one node: we reuse the
built object instead of copying it, so memory stays linear, and when a file uses aliases we
measure how large the data would be once expanded and refuse it above a bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dataclasses
import json
import stat

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .gc_pause import gc_paused
from .problems import START_OF_FILE, Position, Problem, position_of_mark, problem_at
from .yaml_depth import NestedTooDeep, refuse_deep_nesting, too_deep_problem
from .yaml_errors import diagnose, not_utf8_problem, reader_problem, tab_problems

try:  # libyaml is part of the pinned PyYAML wheels; the pure-Python parser is a slow fallback.
    from yaml._yaml import CParser as _Parser

    LIBYAML = True
except ImportError:  # pragma: no cover - exercised only where PyYAML lacks libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    LIBYAML = False

# Private tags: a writer cannot type these, so any other tag on a node was written explicitly.
_TEXT = "tag:decision-tree,2024:text"
_NOTHING = "tag:decision-tree,2024:nothing"
_MAPPING = "tag:decision-tree,2024:mapping"
_SEQUENCE = "tag:decision-tree,2024:sequence"
_NOTHING_WORDS = frozenset({"", "~", "null", "Null", "NULL"})

MAX_ALIAS_EXPANSION = 10_000
"""Aliases may add this many values (or as many as the file has, if more) beyond the file's own.

Sharing an options list a few hundred times stays far below it; an alias bomb, which multiplies
by ten at each level, passes it within a few levels and is refused after linear work."""


class _Composer(_Parser):
    """libyaml's composer with a resolver that never guesses booleans, numbers or dates."""

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            # implicit[0] is true for plain (unquoted) scalars: only those can mean "nothing".
            if implicit[0] and value in _NOTHING_WORDS:
                return _NOTHING
            return _TEXT
        return _MAPPING if kind is MappingNode else _SEQUENCE


class YamlMapping(dict):
    """A dict from the file that can say where each key and value was written."""

    __slots__ = ("node", "_pairs")

    def __init__(self, node: MappingNode):
        super().__init__()
        self.node = node
        self._pairs = None

    def _pair(self, key: str):
        if self._pairs is None:
            # Built on first use only: positions are needed when something is wrong.
            # Later pairs win, as they do in the dict itself.
            self._pairs = {
                key_node.value: (key_node, value_node)
                for key_node, value_node in self.node.value
                if isinstance(key_node, ScalarNode)
            }
        return self._pairs[key]

    @property
    def position(self) -> Position:
        return position_of_mark(self.node.start_mark)

    def key_position(self, key: str) -> Position:
        return position_of_mark(self._pair(key)[0].start_mark)

    def value_position(self, key: str) -> Position:
        return position_of_mark(self._pair(key)[1].start_mark)

    def value_node(self, key: str):
        return self._pair(key)[1]


class YamlSequence(list):
    """A list from the file that can say where each item was written."""

    __slots__ = ("node",)

    def __init__(self, node: SequenceNode):
        super().__init__()
        self.node = node

    @property
    def position(self) -> Position:
        return position_of_mark(self.node.start_mark)

    def item_position(self, index: int) -> Position:
        return position_of_mark(self.node.value[index].start_mark)


def position_in_text(node, text_index: int, source_lines: list[str]) -> Position:
    """Where character text_index of a scalar's value was written, when we can tell exactly.

    Exact for plain one-line values and for literal blocks (`|`), the style writers use for
    Markdown; for other styles, the value's own position.
    """
    start = position_of_mark(node.start_mark)
    style = getattr(node, "style", None)
    if style == "|":
        before = node.value[:text_index]
        line_in_block = before.count("\n")
        column_in_line = text_index - (before.rfind("\n") + 1)
        line = start.line + 1 + line_in_block  # the content starts on the line after `|`
        indent = _indentation(source_lines, line)
        return Position(line, indent + column_in_line + 1)
    if not style and "\n" not in node.value:  # plain style: libyaml says "", PyYAML None
        return Position(start.line, start.column + text_index)
    return start


def _indentation(source_lines: list[str], line: int) -> int:
    if not 1 <= line <= len(source_lines):
        return 0
    text = source_lines[line - 1]
    return len(text) - len(text.lstrip(" "))


@dataclass
class LoadedYaml:
    data: Any
    """dicts (YamlMapping), lists (YamlSequence), str and None; None also when loading failed."""
    problems: list[Problem] = field(default_factory=list)
    text: str = ""
    """The decoded file, for positions inside multi-line values."""


MAX_TREE_FILE_BYTES = 32_000_000
"""The real tree is 43 KB; the benchmark's largest generated tree (20,000 questions) is 10.4 MB
and is checked in seconds. A file larger than 32 MB is refused before it is read: it is a
mistake, or a file meant to exhaust the memory or the time of the build."""


def read_tree_file(path: Path, file: str) -> bytes | Problem:
    """The bytes of a tree file, or the problem that keeps it from being read.

    A symbolic link is refused without following it (it could point at /etc/passwd, whose first
    line a message would quote, or at /dev/zero, which never ends), and so is anything but an
    ordinary file; at most MAX_TREE_FILE_BYTES are read."""
    path = Path(path)

    def refused(message: str, fix: str, code: str) -> Problem:
        return problem_at(file, START_OF_FILE, message, fix, code)

    try:
        if path.is_symlink():
            return refused(
                "this is a link to another file (a symbolic link). A tree must be a file in decision_tree/ "
                "itself: a link could make the build read any file of the computer it runs on.",
                "Replace the link with a copy of the file, or remove it.", "symbolic-link",
            )
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            return refused("this is not an ordinary file (it is a folder, a device or a pipe).", "Remove it.", "not-a-file")
        if status.st_size > MAX_TREE_FILE_BYTES:
            return refused(
                f"the file is {status.st_size:,} bytes long; a tree file may be at most {MAX_TREE_FILE_BYTES:,} bytes.",
                "Split the tree into two files, or remove what does not belong in it.", "file-too-large",
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_TREE_FILE_BYTES + 1)
    except OSError as error:
        return refused(f"the file cannot be read ({error.strerror or error}).",
                       "Check that the file exists and that you can open it.", "unreadable-file")
    if len(data) > MAX_TREE_FILE_BYTES:  # it grew while we looked
        return refused(f"the file is longer than the {MAX_TREE_FILE_BYTES:,} bytes a tree file may be.",
                       "Split the tree into two files.", "file-too-large")
    return data


def load_yaml_file(path: Path, file: str) -> LoadedYaml:
    """Read and load path; file is the name shown in messages (relative to the project)."""
    data = read_tree_file(path, file)
    if isinstance(data, Problem):
        return LoadedYaml(None, [data])
    return load_yaml(data, file)


@gc_paused
def load_yaml(data: bytes, file: str) -> LoadedYaml:
    """Load one YAML document from bytes. Never raises for a mistake in the file."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        # The text as well as it decodes, so that the message can show the line.
        return LoadedYaml(None, [not_utf8_problem(data, error, file)], data.decode("utf-8", errors="replace"))

    try:
        root = _compose(data)
    except NestedTooDeep as too_deep:
        return LoadedYaml(None, [too_deep_problem(too_deep, file)], text)
    except yaml.MarkedYAMLError as error:
        return LoadedYaml(None, _syntax_problems(data, text, error, file), text)
    except yaml.reader.ReaderError as error:
        return LoadedYaml(None, [reader_problem(data, error, file)], text)
    except yaml.YAMLError as error:  # pragma: no cover - every libyaml error is one of the above
        return LoadedYaml(
            None, [problem_at(file, START_OF_FILE, f"the file is not valid YAML ({error}).", "Fix the YAML.", "yaml-syntax")]
        )

    if root is None or (root.__class__ is ScalarNode and root.tag is _NOTHING):
        return LoadedYaml(
            None,
            [
                problem_at(
                    file,
                    START_OF_FILE,
                    "the file is empty.",
                    "Write the tree's title:, start:, questions: and outcomes: (see CONTRIBUTING.md for an example).",
                    "empty-file",
                )
            ],
        )

    value, uses_aliases = _build(root, file, problems, text)
    if uses_aliases:
        alias_problem = _check_alias_expansion(root, file)
        if alias_problem is not None:
            return LoadedYaml(None, problems + [alias_problem], text)
    return LoadedYaml(value, problems, text)


def _compose(data: bytes):
    # libyaml's composer recurses once per level and overflows the C stack on deep nesting
    # (SIGSEGV, nothing printed): refuse that before composing anything, mended copies included.
    refuse_deep_nesting(data)
    composer = _Composer(data)
    try:
        return composer.get_single_node()
    finally:
        if LIBYAML:
            composer.dispose()


MAX_SYNTAX_PROBLEMS = 20
"""Mistakes reported from one file in one run (each costs one more parse of the mended copy)."""


def _syntax_problems(data: bytes, text: str, error: yaml.MarkedYAMLError, file: str) -> list[Problem]:
    """Every syntax mistake we can find, not only the first one libyaml stops at."""
    tabs = tab_problems(data, file)
    if tabs:
        # libyaml stops at the first tab it trips over; a writer wants to fix them all at once.
        return tabs
    problems: list[Problem] = []
    while len(problems) < MAX_SYNTAX_PROBLEMS:
        diagnosis = diagnose(text, data, error, file)
        if diagnosis.problem in problems:
            break  # the mend did not help: stop rather than repeat
        problems.append(diagnosis.problem)
        if diagnosis.mended is None:
            break
        text = diagnosis.mended
        data = text.encode("utf-8")
        try:
            _compose(data)
        except yaml.MarkedYAMLError as next_error:
            error = next_error
            continue
        except yaml.YAMLError:
            break
        break  # the mended copy reads: nothing more to report here
    return problems


def _build(root, file: str, problems: list[Problem], text: str) -> tuple[Any, bool]:
    """Turn the node graph into Python values without recursion (deep files are fine)."""
    built: dict[int, Any] = {}
    uses_aliases = False
    to_fill: list = []
    # An anchor (&name) or alias (*name) on a piece of text is almost always text that happens to
    # start with & or *: `label: &not sure` would silently become "sure". Looked for only when the
    # file has a & at all, so large files without one pay nothing.
    anchors_possible = "&" in text
    texts_seen: set[int] = set()

    def written(node) -> str:
        return text[node.start_mark.index : node.end_mark.index]

    def scalar(node, where=None) -> str | None:
        tag = node.tag
        if anchors_possible and (tag is _TEXT or tag is _NOTHING) and text[node.start_mark.index] == "&":
            # An alias hands us the anchored node itself: tell the anchor's own place (right after
            # its key) from the places that repeat it.
            if isinstance(where, ScalarNode):
                own_place = text[where.end_mark.index : node.start_mark.index].strip() == ":"
            else:
                own_place = id(node) not in texts_seen
            texts_seen.add(id(node))
            if own_place:
                problems.append(_anchor_problem(node, written(node), where, file))
            else:
                problems.append(_alias_problem(node, where, file))
            return written(node)  # what the writer meant, so no knock-on "empty" message
        if tag is _TEXT:
            return node.value
        if tag is _NOTHING:
            return None
        problems.append(_tag_problem(node, file))
        return written(node) or node.value

    def container(node):
        nonlocal uses_aliases
        known = built.get(id(node))
        if known is not None:
            uses_aliases = True
            return known
        if node.tag is not _MAPPING and node.tag is not _SEQUENCE:
            problems.append(_tag_problem(node, file))
        made = YamlMapping(node) if node.__class__ is MappingNode else YamlSequence(node)
        built[id(node)] = made
        to_fill.append(made)
        return made

    root_value = scalar(root) if root.__class__ is ScalarNode else container(root)
    while to_fill:
        target = to_fill.pop()
        node = target.node
        if target.__class__ is YamlSequence:
            append = target.append
            for item in node.value:
                append(scalar(item, node) if item.__class__ is ScalarNode else container(item))
            continue
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                problems.append(
                    problem_at(
                        file,
                        position_of_mark(key_node.start_mark),
                        "a key here is a list or a group of keys, not a word.",
                        "Write keys as plain words followed by a colon, like `title:`.",
                        "complex-key",
                    )
                )
                continue
            if key_node.tag is not _TEXT and key_node.tag is not _NOTHING:
                problems.append(_tag_problem(key_node, file))
            key = key_node.value
            if key in target:
                problems.append(_duplicate_key_problem(target, key, key_node, file))
            target[key] = scalar(value_node, key_node) if value_node.__class__ is ScalarNode else container(value_node)
    return root_value, uses_aliases


def _duplicate_key_problem(mapping: YamlMapping, key: str, second_key_node, file: str) -> Problem:
    first = next(
        key_node for key_node, _ in mapping.node.value if isinstance(key_node, ScalarNode) and key_node.value == key
    )
    first_line = first.start_mark.line + 1
    return problem_at(
        file,
        position_of_mark(second_key_node.start_mark),
        f'the key "{key}" is written twice in the same place (first on line {first_line}); '
        "YAML would silently keep only the last one.",
        "Remove one of them, or merge what they say into one.",
        "duplicate-key",
    )


def _anchor_problem(node, written: str, where, file: str) -> Problem:
    name, _, rest = written[1:].partition(" ")
    kept = f'only "{rest.strip()}"' if rest.strip() else "empty"
    key = f"{where.value}: " if isinstance(where, ScalarNode) else ""
    problem = problem_at(
        file,
        position_of_mark(node.start_mark),
        f"this text starts with &, which YAML reads as an anchor (a name for reusing text), "
        f'so "&{name}" is not part of the text and the text is {kept}.',
        f"Put the whole text in double quotes: {key}{json.dumps(written, ensure_ascii=False)}",
        "yaml-anchor",
    )
    return dataclasses.replace(problem, length=len(written.split("\n", 1)[0]))


def _alias_problem(node, where, file: str) -> Problem:
    """where: the key (of a mapping) or the list the alias was written in; the node itself is
    the anchored text, written elsewhere."""
    position = position_of_mark(where.start_mark) if where is not None else position_of_mark(node.start_mark)
    return problem_at(
        file,
        position,
        f"this value is an alias (*name) of the text on line {node.start_mark.line + 1}; "
        "in a tree, text that starts with * or & must be in quotes.",
        "Write the text out, in double quotes if it starts with * or &.",
        "yaml-alias",
    )


def _tag_problem(node, file: str) -> Problem:
    tag = node.tag
    shown = "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag
    return problem_at(
        file,
        position_of_mark(node.start_mark),
        f'the YAML tag "{shown}" is not allowed: a tree file holds only text, lists and keys.',
        "Remove the tag (the word starting with !). If the text itself starts with !, put it in quotes.",
        "yaml-tag",
    )


def _check_alias_expansion(root, file: str) -> Problem | None:
    """Refuse recursive aliases and aliases that expand the data beyond a bound.

    Sizes are computed once per distinct node (post-order, iterative), so this is linear in
    the file even when the expanded data would be astronomically large.
    """
    expanded_size: dict[int, int] = {}
    nodes: dict[int, Any] = {}
    on_path: set[int] = set()
    written_values = 0  # values as written in the file, each alias counted once
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        node_id = id(node)
        if children_done:
            on_path.discard(node_id)
            total = 1
            for child in _children(node):
                total += 1 if child.__class__ is ScalarNode else expanded_size[id(child)]
            expanded_size[node_id] = total
            continue
        if node_id in expanded_size:
            continue
        nodes[node_id] = node
        on_path.add(node_id)
        stack.append((node, True))
        for child in _children(node):
            written_values += 1
            if child.__class__ is ScalarNode or id(child) in expanded_size:
                continue
            if id(child) in on_path:
                return problem_at(
                    file,
                    position_of_mark(child.start_mark),
                    "an alias (*name) refers to the list or group of keys that contains it, "
                    "so the data would never end.",
                    "Remove the alias, or point it at an anchor (&name) outside this part of the file.",
                    "yaml-recursive-alias",
                )
            stack.append((child, False))
    allowed = written_values + max(MAX_ALIAS_EXPANSION, written_values)
    if expanded_size[id(root)] <= allowed:
        return None
    # Report the smallest part that is already too large: that is where the aliases pile up.
    culprit_id = min(
        (node_id for node_id, total in expanded_size.items() if total > allowed),
        key=expanded_size.__getitem__,
    )
    culprit = nodes[culprit_id]
    return problem_at(
        file,
        position_of_mark(culprit.start_mark),
        f"aliases (*name) make this part of the file expand to {expanded_size[culprit_id]:,} values, "
        f"more than the {allowed:,} allowed; this looks like a mistake or an alias bomb.",
        "Write the text out instead of repeating it with aliases.",
        "yaml-alias-expansion",
    )


def _children(node):
    if node.__class__ is MappingNode:
        for key_node, value_node in node.value:
            yield key_node
            yield value_node
    elif node.__class__ is SequenceNode:
        yield from node.value

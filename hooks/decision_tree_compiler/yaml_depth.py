"""Refuse YAML nested too deeply, before libyaml's composer can crash on it.

PyYAML's C composer calls itself once per nesting level, with no limit: 30,000 nested `[`
(a 60 KB file) or `- - - ...` overflow the C stack and kill the process with SIGSEGV, which no
`except` can catch. A tree needs about 5 levels; we refuse more than MAX_DEPTH before composing.

Two steps, so that a normal tree pays almost nothing and no file can slip through:

1. `depth_bound`: a cheap upper bound on the depth, from a few C-speed passes over the bytes
   (`bytes.translate`, `count`, `find`: about 5 ms per MB). It never has to understand quotes, comments or block
   scalars, because it only ever overestimates (see its docstring for why it is a true bound).
   Real trees stay far below MAX_DEPTH, and then nothing else runs.
2. Only when the bound is above MAX_DEPTH: count the real depth with libyaml's parser, which is
   iterative (its own state stack, no recursion) and so cannot crash. It sees quotes, comments
   and block scalars exactly as the composer will, and stops at the first node too deep.

A hand-written scanner that "understands quotes and comments" was the other option; it can be
made to disagree with libyaml (a ` '` inside a plain scalar looks like an opening quote to it
and hides the brackets after it), and any disagreement is a crash. The bound cannot disagree.
"""

from __future__ import annotations

import yaml

from .problems import Problem, position_of_mark, problem_at

try:
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - the pure-Python parser is iterative too
    from yaml import SafeLoader as _EventParser

MAX_DEPTH = 100
"""Lists and groups of keys inside each other. A tree needs about 5; 100 leaves room for any
honest file and is far below the ~20,000 levels that overflow an 8 MB C stack (or the ~1,500
of a 512 KB thread stack)."""

# Bytes after which libyaml may start a new line: LF, CR, and the last byte of NEL (C2 85),
# LINE SEPARATOR (E2 80 A8), PARAGRAPH SEPARATOR (E2 80 A9) and the BOM (EF BB BF). These last
# bytes also end other characters ("é" is C3 A9); treating those as line breaks too only adds
# line starts, which can only raise the bound.
_LINE_BREAK_BYTES = b"\n\r\x85\xa8\xa9\xbf"
# For the block part: every byte that can begin a line's indentation or its leading run of
# block indicators (`- - x`, `? x`, `: - x`) becomes a space, every line-break byte a newline,
# so "how far in does the first other character sit" is a plain search for spaces.
_LEADING = bytes.maketrans(b" \t-?:" + _LINE_BREAK_BYTES, b" " * 5 + b"\n" * len(_LINE_BREAK_BYTES))
# For the flow part: keep only brackets and what could hide a closing bracket from libyaml
# (quotes, a comment's #, a tag's !, a line break); delete every other byte.
_FLOW_KEPT = b"[]{}\"'#!" + _LINE_BREAK_BYTES
_FLOW_DELETED = bytes(byte for byte in range(256) if byte not in _FLOW_KEPT)
_LEAVES = (b"[]", b"[}", b"{]", b"{}")


def depth_bound(data: bytes, *, limit: int = MAX_DEPTH) -> int:
    """An upper bound on how deeply the YAML in data nests lists and groups of keys, exact
    enough to decide whether it is at most limit (above limit it may say just limit + 1).

    Why it is a bound. On any chain of nested collections the block ones (indentation, `- `,
    `? `) come first and the flow ones (`[ ]`, `{ }`) after them: a flow collection holds no
    block ones.
    - Block part. libyaml's stack of indentations only grows to the right, except that a list
      may sit at the same column as the key that holds it. So the block collections that hold a
      line and began on earlier lines number at most 2 * (its indentation + 1), and those that
      begin on the line itself at most 1 + its leading run of indicators; each indicator takes
      at least 2 columns, so 2 * (lead + 1) + 1 covers both, where lead counts the leading
      spaces, tabs and indicator characters.
    - Flow part. Every real opening `[`/`{` is one of the file's brackets. One followed by a
      closing bracket with nothing in between that could open a collection, start a quoted text,
      a comment or a tag, or break the line (`[a, b]`, `[a link](page.md)`, `{#id}`) has no
      collection inside it; all of those together add at most 1 to any chain.
    Text in quotes, comments and block scalars is counted as if it were structure, which can
    only make the bound larger: the bound never needs to know what libyaml will make of it.
    """
    kept = data.translate(None, _FLOW_DELETED)
    opens = kept.count(b"[") + kept.count(b"{")
    leaves = sum(kept.count(pair) for pair in _LEAVES)
    flow = opens - leaves + (1 if leaves else 0)
    if flow >= limit:
        return limit + 1
    # The largest lead with 2 * (lead + 1) + 1 + flow <= limit; is any line led further in?
    allowed_lead = max((limit - flow - 3) // 2, 0)
    too_far = b" " * (allowed_lead + 1)
    leading = data.translate(_LEADING)
    if leading.startswith(too_far) or leading.find(b"\n" + too_far) != -1:
        return limit + 1
    return 2 * (allowed_lead + 1) + 1 + flow


class NestedTooDeep(yaml.YAMLError):
    """Raised instead of composing a document nested deeper than MAX_DEPTH."""

    def __init__(self, mark):
        super().__init__(f"nested more than {MAX_DEPTH} levels deep at line {mark.line + 1}")
        self.mark = mark


def refuse_deep_nesting(data: bytes) -> None:
    """Raise NestedTooDeep if data nests deeper than MAX_DEPTH; return if composing it is safe."""
    if depth_bound(data) <= MAX_DEPTH:
        return
    mark = _first_mark_too_deep(data)
    if mark is not None:
        raise NestedTooDeep(mark)


def nesting_problem(data: bytes, file: str) -> Problem | None:
    """A problem if data nests deeper than MAX_DEPTH; None if composing it is safe."""
    try:
        refuse_deep_nesting(data)
    except NestedTooDeep as too_deep:
        return too_deep_problem(too_deep, file)
    return None


def too_deep_problem(too_deep: NestedTooDeep, file: str) -> Problem:
    return problem_at(
        file,
        position_of_mark(too_deep.mark),
        f"lists and groups of keys are nested more than {MAX_DEPTH} levels deep here "
        "(a tree needs about 5), so the file cannot be read safely.",
        "Check for brackets [ ] or { } that are opened and never closed, or for a run of - or ? "
        "markers; a tree needs only the levels shown in CONTRIBUTING.md.",
        "yaml-too-deep",
    )


def _first_mark_too_deep(data: bytes):
    """Where the first collection deeper than MAX_DEPTH starts, by libyaml's own reading.

    None when there is none, or when the YAML has a syntax error before that point: the composer
    then stops at the same error no deeper than this parser went, and explains it as usual.
    """
    parser = _EventParser(data)
    depth = 0
    try:
        while True:
            event = parser.get_event()
            if event is None:
                return None
            kind = event.__class__
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                depth -= 1
            elif kind is yaml.StreamEndEvent:
                return None
    except yaml.YAMLError:
        return None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


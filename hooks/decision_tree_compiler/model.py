"""The tree as the checks and renderers see it, with a way back to where each part was written.

Built by structure.py even from a partly broken file (missing parts are None or empty), so
that one run can report every problem. Renderers only ever see trees without problems.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import START_OF_FILE, Position
from .yaml_source import YamlMapping, YamlSequence


def _value_position(mapping: YamlMapping | None, key: str, fallback: Position) -> Position:
    if mapping is not None and key in mapping:
        return mapping.value_position(key)
    return fallback


@dataclass(slots=True, eq=False)
class Option:
    number: int
    """1-based, as writers count."""
    label: str | None
    next: str | None
    source: YamlMapping | None
    options: YamlSequence

    def position(self) -> Position:
        return self.options.item_position(self.number - 1)

    def label_position(self) -> Position:
        return _value_position(self.source, "label", self.position())

    def next_position(self) -> Position:
        return _value_position(self.source, "next", self.position())


@dataclass(slots=True, eq=False)
class Question:
    id: str
    text: str | None
    help: str | None
    options: list[Option]
    ranked: str | None
    """tree_format.STRONGEST_FIRST when the options go from the strongest case to the weakest."""
    source: YamlMapping | None
    parent: YamlMapping
    """The questions: mapping, which knows where this question's id was written."""

    kind = "question"

    def id_position(self) -> Position:
        return self.parent.key_position(self.id)

    def value_node(self, key: str):
        return self.source.value_node(key) if self.source is not None and key in self.source else None


@dataclass(slots=True, eq=False)
class Outcome:
    id: str
    verdict: str | None
    title: str | None
    body: str | None
    see: list[str]
    source: YamlMapping | None
    parent: YamlMapping

    kind = "outcome"

    def id_position(self) -> Position:
        return self.parent.key_position(self.id)

    def see_position(self, index: int) -> Position:
        see = self.source.get("see") if self.source is not None else None
        if isinstance(see, YamlSequence) and index < len(see):
            return see.item_position(index)
        return _value_position(self.source, "see", self.id_position())

    def value_node(self, key: str):
        return self.source.value_node(key) if self.source is not None and key in self.source else None


@dataclass(slots=True, eq=False)
class Tree:
    id: str
    """The file name without .yml: the page address and the prefix of every HTML id."""
    file: str
    """The file as shown in messages, relative to the project folder."""
    title: str | None
    description: str | None
    last_reviewed: str | None
    intro: str | None
    start: str | None
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    root: YamlMapping
    source_text: str = ""
    _source_lines: list[str] | None = None

    @property
    def source_lines(self) -> list[str]:
        """Split only when a message needs a position inside a multi-line value."""
        if self._source_lines is None:
            self._source_lines = self.source_text.split("\n")
        return self._source_lines

    def position_of_value(self, key: str) -> Position:
        return _value_position(self.root, key, START_OF_FILE)

    def value_node(self, key: str):
        return self.root.value_node(key) if key in self.root else None

    def node(self, node_id: str) -> Question | Outcome | None:
        return self.questions.get(node_id) or self.outcomes.get(node_id)

"""The authoring format: which keys each part of a tree file may have, and what they mean.

Defined once here. The structural check (structure.py) and decision_tree/schema.json (schema.py)
are both derived from these definitions, and a test proves that the JSON Schema and the
checker agree. `description` is what a writer sees as hover help in an editor; `what` is the
short phrase used in messages ("Add `text:` with the question to ask.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Lowercase letters, digits and single hyphens between them: ids become part of URLs and HTML ids."""
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
PAGE_PATTERN = r"^[A-Za-z0-9_-][A-Za-z0-9_./-]*\.md(?:#[A-Za-z0-9_-]+)?$"
"""A page's file name under docs/ (for example situations/acne-scars.md), optionally with #anchor."""
MIN_OPTIONS = 2
MAX_QUESTIONS_ON_A_PATH = 10
"""A reader should never have to answer more questions than this before seeing an outcome: past
about ten questions people give up on a check like this. The check reports a longer path."""

MAX_TEXT_LENGTH = 500
"""The most characters in a one-line text (a title, a question, an answer, a description). The
longest in the real tree is 126 (an answer); a flowchart box holds about 30 per line."""
MAX_MARKDOWN_LENGTH = 4_000
"""The most characters in a Markdown field (intro, help, body). The longest in the real tree is
941; an outcome should say what to do in 2 to 4 short steps. Python-Markdown takes time in
proportion to the square of the length on some text (4,000 "[" take about 2 seconds), so the
limit also keeps one field from stalling the build."""

ID_RE = re.compile(ID_PATTERN)
DATE_RE = re.compile(DATE_PATTERN)
PAGE_RE = re.compile(PAGE_PATTERN)

# Kinds of value. Each kind has one check in structure.py and one JSON Schema in schema.py.
TEXT = "text"  # one line or more of plain text
MARKDOWN = "markdown"  # text rendered as Markdown
ID = "id"
DATE = "date"
PAGES = "pages"  # list of page file names
VERDICT = "verdict"
QUESTIONS = "questions"  # mapping id -> question
OUTCOMES = "outcomes"  # mapping id -> outcome
OPTIONS = "options"  # list of options
RANKING = "ranking"  # how a question's options are ordered: one of RANKINGS

STRONGEST_FIRST = "strongest-first"
RANKINGS = {
    STRONGEST_FIRST: "The options go from the strongest case for coverage to the weakest. The check then "
    "makes sure that a stronger answer never leads to a worse verdict than a weaker one.",
}
"""The values `ranked:` accepts, each with what it means (hover help in editors)."""


@dataclass(frozen=True)
class Field:
    key: str
    kind: str
    required: bool
    what: str
    description: str


@dataclass(frozen=True)
class ObjectFormat:
    name: str
    description: str
    fields: tuple[Field, ...]

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(field.key for field in self.fields)

    @property
    def required_fields(self) -> tuple[Field, ...]:
        return tuple(field for field in self.fields if field.required)


TREE = ObjectFormat(
    "tree",
    "A decision tree: questions that lead, answer by answer, to an outcome. "
    "One tree per file; the file name (without .yml) is the tree's id and page address.",
    (
        Field("title", TEXT, True, "the page title",
              "The page title, shown as its main heading, in plain words."),
        Field("description", TEXT, False, "one sentence that describes the page",
              "Optional. One sentence for search engines and link previews. "
              "Without it, the start of the intro (or the title) is used."),
        Field("last_reviewed", DATE, False, "the date someone last checked the tree, as YYYY-MM-DD",
              "Optional. The date someone last checked the tree against the guidance, as YYYY-MM-DD."),
        Field("intro", MARKDOWN, False, "a short introduction (Markdown)",
              "Optional. Markdown shown before the first question: who the tree is for, "
              "and that it is general information."),
        Field("start", ID, True, "the id of the first question",
              "The id of the first question (one of the ids under questions:)."),
        Field("questions", QUESTIONS, True, "the questions, each under its own id",
              "The questions, each under its own id (lowercase letters, digits and hyphens)."),
        Field("outcomes", OUTCOMES, True, "the outcomes, each under its own id",
              "The outcomes (answers the reader can end at), each under its own id "
              "(lowercase letters, digits and hyphens)."),
    ),
)

QUESTION = ObjectFormat(
    "question",
    "A question with at least two options; each option leads to another question or to an outcome.",
    (
        Field("text", TEXT, True, "the question to ask, in plain words",
              "The question to ask, in plain words (one short sentence, US grade 8 or lower)."),
        Field("help", MARKDOWN, False, "a short hint (Markdown)",
              "Optional. Markdown shown under the question: explain any term a reader might not know."),
        Field("options", OPTIONS, True, "the answers a reader can choose, as a list",
              f"The answers a reader can choose, in the order they are shown: at least {MIN_OPTIONS}, "
              "each a `- label:` with its `next:`."),
        Field("ranked", RANKING, False, f"{STRONGEST_FIRST} (the only value)",
              f"Optional. Write `ranked: {STRONGEST_FIRST}` when the options go from the strongest case "
              "for coverage to the weakest (for example: documented, not yet documented, no problem). "
              "The check then makes sure a stronger answer never leads to a worse verdict."),
    ),
)

OPTION = ObjectFormat(
    "option",
    "One answer to a question.",
    (
        Field("label", TEXT, True, "the answer as the reader sees it",
              "The answer as the reader sees it on the button or link. Short, and different from "
              "the other answers to the same question."),
        Field("next", ID, True, "the id of the question or outcome this answer leads to",
              "The id of the question or outcome this answer leads to."),
    ),
)

OUTCOME = ObjectFormat(
    "outcome",
    "Where a path ends: a verdict, a title, and what to do next.",
    (
        Field("verdict", VERDICT, True, "one of the verdicts",
              "How likely insurance is to pay. One of the verdicts listed in CONTRIBUTING.md."),
        Field("title", TEXT, True, "a short heading for this outcome",
              "A short heading that sums up the outcome in plain words."),
        Field("body", MARKDOWN, True, "what this means and what to do next (Markdown)",
              "Markdown: what this means for the reader and what to do next, in 2 to 4 short steps. "
              "Link to a guidance page with its file name, for example [appeal](if-you-are-denied.md)."),
        Field("see", PAGES, False, "a list of guidance pages, for example [how-insurers-decide.md]",
              "Optional. Guidance pages to read next, by file name under docs/, "
              "for example [how-insurers-decide.md, if-you-are-denied.md]."),
    ),
)

"""The structural check: every key known, every required key present, every value of the right kind.

Driven by the definitions in tree_format.py (the same ones schema.json is generated from), and
written out by hand rather than run through jsonschema because it must name places the way
writers think of them ("option 2 of question "reason"") and stay fast on very large trees.
tests/decision_tree_compiler/test_schema.py proves that jsonschema, using schema.json, accepts
exactly the files this check accepts.

While it checks, it builds the model (model.py), keeping whatever is usable so that the
tree-level checks can still run and all problems are reported together.
"""

from __future__ import annotations

import dataclasses
import difflib
import html
import json
import re
from typing import Callable

from markdown.extensions.toc import slugify
from site_security.markdown_cost import MAX_MARKERS_ON_A_LINE, NESTED_MARKERS

from . import tree_format as fmt
from .model import Option, Outcome, Question, Tree
from .problems import START_OF_FILE, Position, Problem, problem_at
from .verdicts import VERDICTS
from .unseen_characters import code_point, first_unseen, kind_of
from .yaml_source import LoadedYaml, YamlMapping, YamlSequence, position_in_text

Where = Callable[[], Position]
"""Where a part of the tree was written, computed only when a problem needs it."""

STRUCTURE_CODES = frozenset(
    {
        "not-a-mapping",
        "missing-key",
        "empty-value",
        "wrong-type",
        "unknown-key",
        "invalid-id",
        "invalid-reference",
        "unknown-verdict",
        "too-few-options",
        "no-questions",
        "no-outcomes",
        "invalid-page-name",
        "invalid-date",
        "unknown-ranking",
        "too-long",
    }
)
"""Also outside JSON Schema's sight: comment-in-text (YAML drops comments before any validator
sees them), unseen-character (unseen_characters.py; a JSON Schema pattern cannot name the
noncharacters beyond U+FFFF the same way in an editor and in Python) and theme-id (a title whose
heading id, made by Markdown's toc, would start with "_")."""
"""The problems JSON Schema can also see; schema.json must reject a file exactly when one occurs."""

_VERDICT_LIST = ", ".join(VERDICTS)


def describe(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a group of keys"


def suggest(word: str, choices) -> str | None:
    """The closest choice to a mistyped word, if one is close enough to be a likely typo."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def suggest_id(word: str) -> str:
    """A valid id close to an invalid one: "Scar_From Injury" -> "scar-from-injury"."""
    cleaned = "".join(character if character.isalnum() and character.isascii() else "-" for character in word.lower())
    parts = [part for part in cleaned.split("-") if part]
    return "-".join(parts) or "my-id"


_CHARACTER_CODE = re.compile(r"&#(?:[xX][0-9a-fA-F]+|[0-9]+);?")
_TEXT_THEN_COMMENT = re.compile(r"\S[ \t]+#")
_TEXT_KINDS = (fmt.TEXT, fmt.MARKDOWN)  # a comment after an id or a verdict loses nothing


class _StructureChecker:
    def __init__(self, file: str, source_text: str = ""):
        self.file = file
        self.problems: list[Problem] = []
        self.bad_references: list[tuple[str, str, Position, str]] = []
        self.bad_node_ids: list[tuple[YamlMapping, str, str]] = []  # (group, id, kind), reported last
        self.source_lines = source_text.split("\n")
        # Lines where a comment follows some text: only there can a comment cut a text short.
        self.comment_lines = {
            number for number, line in enumerate(self.source_lines) if "#" in line and _TEXT_THEN_COMMENT.search(line)
        }

    def report(self, position: Position, message: str, fix: str, code: str) -> None:
        self.problems.append(problem_at(self.file, position, message, fix, code))

    # -- keys ---------------------------------------------------------------------------------

    def unknown_keys(self, mapping: YamlMapping, object_format: fmt.ObjectFormat, place: str) -> None:
        allowed = object_format.keys
        if mapping.keys() <= allowed:
            return
        allowed_list = ", ".join(field.key for field in object_format.fields)
        for key in mapping:
            if key in allowed:
                continue
            guess = suggest(key, allowed)
            fix = f'Did you mean "{guess}:"? ' if guess else "Remove it, or rename it. "
            self.report(
                mapping.key_position(key),
                f'{place} has a key "{key}:" that is not part of the tree format.',
                f"{fix}The keys allowed here are: {allowed_list}.",
                "unknown-key",
            )

    def missing(self, field: fmt.Field, place: str, where: Where) -> None:
        self.report(where(), f'{place} has no "{field.key}:".', f'Add "{field.key}:" with {field.what}.', "missing-key")

    # -- values -------------------------------------------------------------------------------

    def text(self, mapping: YamlMapping, field: fmt.Field, place: str, owner: Where) -> str | None:
        """A TEXT or MARKDOWN value: present when required, text, not blank."""
        key = field.key
        if key not in mapping:
            if field.required:
                self.missing(field, place, owner)
            return None
        value = mapping[key]
        if value.__class__ is str and value and not value.isspace():
            if self.comment_lines and field.kind in _TEXT_KINDS:
                self.comment_cut(mapping, key)
            if field.kind in _TEXT_KINDS and not self.plain_text(mapping, field, place, value):
                return None
            return value
        if value is None or value.__class__ is str:
            self.report(
                mapping.key_position(key) if value is None else mapping.value_position(key),
                f'"{key}:" of {place} is empty.',
                f'Write {field.what} after "{key}:".',
                "empty-value",
            )
        else:
            self.report(
                mapping.value_position(key),
                f'"{key}:" of {place} should be text, but it is {describe(value)}.',
                f'Write {field.what} as text after "{key}:" (in quotes if it contains ": ").',
                "wrong-type",
            )
        return None

    def plain_text(self, mapping: YamlMapping, field: fmt.Field, place: str, value: str) -> bool:
        """A text a reader can see all of, and not too long; False (reported) otherwise."""
        key = field.key
        unseen = first_unseen(value, allowed="\t\n")
        character = value[unseen] if unseen >= 0 else ""
        if unseen < 0 and field.kind == fmt.MARKDOWN and "&#" in value:
            # Markdown keeps character codes, and the browser (and the page's description) decodes
            # them: "&#x81;" is U+0081 on the page.
            for match in _CHARACTER_CODE.finditer(value):
                decoded = html.unescape(match.group())
                if first_unseen(decoded) >= 0:
                    unseen, character = match.start(), decoded
                    break
        if unseen >= 0:
            node = mapping.value_node(key)
            self.report(
                position_in_text(node, unseen, self.source_lines),
                f'"{key}:" of {place} has {kind_of(character)} ({code_point(character)}) in it. Readers cannot '
                "see it, and it can change how the text is shown, printed in the checks, or read by the build.",
                "Delete it: retype the text around that place, or the whole text.",
                "unseen-character",
            )
            return False
        nested = NESTED_MARKERS.search(value) if field.kind == fmt.MARKDOWN else None
        if nested is not None:
            # Each marker nests a list or quote in the last; a thousand make Markdown recurse
            # until Python stops it with a traceback (review 2, N2).
            self.report(
                position_in_text(mapping.value_node(key), nested.start(), self.source_lines),
                f'"{key}:" of {place} has a line that starts with more than {MAX_MARKERS_ON_A_LINE} list or quote '
                "signs in a row; each nests a list or a quote inside the last, and nested this deep Markdown fails.",
                "Nest lists at most a few levels deep, one item per line.",
                "markdown-too-slow",
            )
            return False
        limit = fmt.MAX_MARKDOWN_LENGTH if field.kind == fmt.MARKDOWN else fmt.MAX_TEXT_LENGTH
        if len(value) > limit:
            self.report(
                mapping.value_position(key),
                f'"{key}:" of {place} is {len(value):,} characters long; it may be at most {limit:,}.',
                "Make it shorter: say one thing, and link to a guidance page for the rest."
                if field.kind == fmt.MARKDOWN else "Make it shorter: a reader scans it in a glance.",
                "too-long",
            )
            return False
        return True

    def comment_cut(self, mapping: YamlMapping, key: str) -> None:
        """`label: Not sure #ask HR` is the text "Not sure": YAML reads " #" as a comment."""
        node = mapping.value_node(key)
        end = node.end_mark
        if node.style or end.line not in self.comment_lines:
            return  # quoted and block texts keep their # signs
        rest = self.source_lines[end.line][end.column :]
        if not rest[:1].isspace() or not rest.lstrip().startswith("#"):
            return
        comment = rest.strip()
        column = end.column + rest.index("#")
        problem = problem_at(
            self.file,
            Position(end.line + 1, column + 1),
            f'the text of "{key}:" stops before "{comment}": YAML reads a space followed by # as the start '
            "of a comment, so that part is left out of the text.",
            f"Put the whole text in double quotes: {key}: "
            f"{json.dumps(node.value + rest[: len(rest) - len(rest.lstrip())] + comment, ensure_ascii=False)}",
            "comment-in-text",
        )
        self.problems.append(dataclasses.replace(problem, length=len(comment)))

    def reference(self, mapping: YamlMapping, field: fmt.Field, place: str, owner: Where) -> str | None:
        """An ID value that names a question or outcome (start:, next:)."""
        value = self.text(mapping, field, place, owner)
        if value is None:
            return None
        if fmt.ID_RE.match(value):
            return value
        # Reported once all ids are known, so the message can suggest the closest one.
        self.bad_references.append((place, field.key, mapping.value_position(field.key), value))
        return None

    def report_bad_references(self, known_ids, invalid_node_ids) -> None:
        for place, key, position, value in self.bad_references:
            if value in invalid_node_ids:
                continue  # it names a question or outcome whose own id is invalid: reported there, once
            guess = suggest(value, known_ids) or suggest(suggest_id(value), known_ids)
            hint = f'Did you mean "{guess}"? ' if guess else ""
            self.report(
                position,
                f'"{key}:" of {place} is "{value}", which cannot be an id: '
                "ids use only lowercase letters, digits and hyphens.",
                f"{hint}Write one of the ids under questions: or outcomes:.",
                "invalid-reference",
            )

    def node_id(self, mapping: YamlMapping, node_id: str, kind: str) -> None:
        if not fmt.ID_RE.match(node_id):
            self.bad_node_ids.append((mapping, node_id, kind))

    def report_bad_node_ids(self) -> None:
        """One message per invalid id, naming the lines whose next: (or start:) use it too."""
        for mapping, node_id, kind in self.bad_node_ids:
            users = sorted({position.line for _, _, position, value in self.bad_references if value == node_id})
            also = ""
            if users:
                shown = ", ".join(str(line) for line in users[:-1]) + (" and " if len(users) > 1 else "") + str(users[-1])
                also = f" on line{'s' if len(users) > 1 else ''} {shown}"
            self.report(
                mapping.key_position(node_id),
                f'the {kind} id "{node_id}" is not allowed: ids use only lowercase letters, digits '
                "and hyphens (no spaces, capitals or other signs).",
                f'Rename it, for example to "{suggest_id(node_id)}", and change every next: that points to it{also}.',
                "invalid-id",
            )

    def sequence(self, mapping: YamlMapping, key: str, place: str, example: str) -> YamlSequence | None:
        value = mapping[key]
        if isinstance(value, YamlSequence):
            return value
        if value is None:
            return None  # the caller reports an empty list in its own words
        self.report(
            mapping.value_position(key),
            f'"{key}:" of {place} should be a list, but it is {describe(value)}.',
            f'Write each item on its own line starting with "- ", for example: {example}',
            "wrong-type",
        )
        return None

    def date(self, mapping: YamlMapping, field: fmt.Field, place: str, owner: Where) -> str | None:
        value = self.text(mapping, field, place, owner)
        if value is None or fmt.DATE_RE.match(value):
            return value
        self.report(
            mapping.value_position(field.key),
            f'"{field.key}:" is "{value}", which is not a date written as YYYY-MM-DD.',
            "Write the date like 2025-05-01 (year, month, day).",
            "invalid-date",
        )
        return None

    def verdict(self, mapping: YamlMapping, field: fmt.Field, place: str, owner: Where) -> str | None:
        value = self.text(mapping, field, place, owner)
        if value is None or value in VERDICTS:
            return value
        # No "did you mean": the closest spelling can mean the opposite ("likely" -> "unlikely").
        self.report(
            mapping.value_position(field.key),
            f'{place} has the verdict "{value}", which is not one of the verdicts.',
            f"Use one of: {_VERDICT_LIST} (CONTRIBUTING.md says what each means).",
            "unknown-verdict",
        )
        return None

    def ranking(self, mapping: YamlMapping, field: fmt.Field, place: str, owner: Where) -> str | None:
        value = self.text(mapping, field, place, owner)
        if value is None or value in fmt.RANKINGS:
            return value
        allowed = ", ".join(fmt.RANKINGS)
        self.report(
            mapping.value_position(field.key),
            f'"{field.key}:" of {place} is "{value}", which is not a way of ranking options.',
            f"Write {allowed}, or remove the line.",
            "unknown-ranking",
        )
        return None

    def pages(self, mapping: YamlMapping, field: fmt.Field, place: str, owner: Where) -> list[str]:
        key = field.key
        if key not in mapping:
            return []
        if mapping[key] is None:
            self.report(
                mapping.key_position(key),
                f'"{key}:" of {place} is empty.',
                f'List at least one page, for example [how-insurers-decide.md], or remove "{key}:".',
                "empty-value",
            )
            return []
        items = self.sequence(mapping, key, place, "[how-insurers-decide.md, if-you-are-denied.md]")
        pages: list[str] = []
        for index, page in enumerate(items or ()):
            if page.__class__ is str and fmt.PAGE_RE.match(page):
                pages.append(page)
                continue
            self.report(
                items.item_position(index),
                f'page {index + 1} under "{key}:" of {place} is {_shown(page)}, which is not the file name of a page.',
                "Write the page's file name under docs/, ending in .md, "
                "for example how-insurers-decide.md or situations/acne-scars.md.",
                "invalid-page-name",
            )
        return pages

    def options(self, mapping: YamlMapping, field: fmt.Field, place: str, owner: Where) -> list[Option]:
        key = field.key
        if key not in mapping:
            self.missing(field, place, owner)
            return []
        items = self.sequence(mapping, key, place, '"- label: Yes" with "next: some-id" below it.')
        options = [self.option(items, index, place) for index in range(len(items))] if items is not None else []
        if (items is not None or mapping[key] is None) and len(options) < fmt.MIN_OPTIONS:
            count = "no options" if not options else "only one option"
            self.report(
                mapping.value_position(key) if mapping[key] is not None else mapping.key_position(key),
                f"{place} has {count}.",
                f"Give it at least {fmt.MIN_OPTIONS} options, or remove the question and point "
                "the answers that lead here straight to the next step.",
                "too-few-options",
            )
        return options

    def fields(self, mapping: YamlMapping, object_format: fmt.ObjectFormat, place: str, owner: Where) -> dict:
        """Every field of the format, read by its key and checked by its kind: {key: value}.

        A missing or wrong optional value reads as None (or an empty list), so the model can
        still be built and every problem in the file reported in one run."""
        self.unknown_keys(mapping, object_format, place)
        return {field.key: _READERS[field.kind](self, mapping, field, place, owner) for field in object_format.fields}

    # -- parts of the tree --------------------------------------------------------------------

    def node_mapping(self, group: YamlMapping, node_id: str, kind: str, place: str) -> YamlMapping | None:
        """The keys of one question or outcome, or None (reported) when it has none."""
        self.node_id(group, node_id, kind)
        data = group[node_id]
        if isinstance(data, YamlMapping):
            return data
        needed, allowed = _NODE_KEYS[kind]
        self.report(
            group.value_position(node_id) if data is not None else group.key_position(node_id),
            f"{place} should be a group of keys ({needed}), but it is {describe(data)}.",
            f'Indent {allowed} on their own lines under "{node_id}:".',
            "wrong-type" if data is not None else "empty-value",
        )
        return None

    def question(self, questions: YamlMapping, question_id: str) -> Question:
        place = f'question "{question_id}"'
        data = self.node_mapping(questions, question_id, "question", place)
        if data is None:
            return Question(question_id, None, None, [], None, None, questions)
        values = self.fields(data, fmt.QUESTION, place, lambda: questions.key_position(question_id))
        return Question(
            question_id, values["text"], values["help"], values["options"], values["ranked"], data, questions
        )

    def option(self, items: YamlSequence, index: int, question_place: str) -> Option:
        place = f"option {index + 1} of {question_place}"
        data = items[index]
        if not isinstance(data, YamlMapping):
            self.report(
                items.item_position(index),
                f"{place} should have label: and next:, but it is {describe(data)}.",
                'Write it as "- label: ..." with "next: ..." on the line below, lined up with label:.',
                "wrong-type" if data is not None else "empty-value",
            )
            return Option(index + 1, None, None, None, items)
        values = self.fields(data, fmt.OPTION, place, lambda: items.item_position(index))
        return Option(index + 1, values["label"], values["next"], data, items)

    def outcome(self, outcomes: YamlMapping, outcome_id: str) -> Outcome:
        place = f'outcome "{outcome_id}"'
        data = self.node_mapping(outcomes, outcome_id, "outcome", place)
        if data is None:
            return Outcome(outcome_id, None, None, None, [], None, outcomes)
        values = self.fields(data, fmt.OUTCOME, place, lambda: outcomes.key_position(outcome_id))
        return Outcome(outcome_id, values["verdict"], values["title"], values["body"], values["see"], data, outcomes)

    def group(self, mapping: YamlMapping, field: fmt.Field, place: str, owner: Where) -> YamlMapping | None:
        """questions: or outcomes: of the tree, as a mapping of ids (None, reported, if it is not one)."""
        key = field.key
        kind, what = ("question", "questions") if field.kind == fmt.QUESTIONS else ("outcome", "outcomes")
        if key not in mapping:
            self.missing(field, place, owner)
            return None
        value = mapping[key]
        if value is None:
            self.report(
                mapping.key_position(key),
                f'"{key}:" of {place} is empty.',
                f"Add {what}, each as `id:` on its own line with its keys indented below it.",
                "empty-value",
            )
            return None
        if not isinstance(value, YamlMapping):
            self.report(
                mapping.value_position(key),
                f'"{key}:" of {place} should be a group of {what}, each under its id, but it is {describe(value)}.',
                f"Write each of the {what} as `id:` on its own line, with its keys indented below it.",
                "wrong-type",
            )
            return None
        if not value:
            self.report(
                mapping.value_position(key),
                f'"{key}:" has no {what}.',
                f'Add at least one {kind} under "{key}:".',
                f"no-{what}",
            )
        return value

    def tree(self, root, tree_id: str, source_text: str) -> Tree | None:
        if not isinstance(root, YamlMapping):
            self.report(
                START_OF_FILE,
                f"the file should hold the keys title:, start:, questions: and outcomes:, but it holds {describe(root)}.",
                'Start the file with "title:" at the beginning of a line, as in the example in CONTRIBUTING.md.',
                "not-a-mapping",
            )
            return None
        values = self.fields(root, fmt.TREE, "the tree", _start_of_file)
        if values["title"] is not None and slugify(values["title"], "-").startswith("_"):
            # The page's heading gets an id made from the title, and Material finds its own
            # settings by id ("#__config"): a title that takes one stops the theme's script.
            self.report(
                root.value_position("title"),
                'the title starts with "_". The page\'s heading gets an address made from its title, and '
                'addresses that start with "_" belong to the site\'s theme: its search and menus would stop working.',
                "Start the title with a letter or a digit.",
                "theme-id",
            )
        questions_group, outcomes_group = values["questions"], values["outcomes"]
        questions = {question_id: self.question(questions_group, question_id) for question_id in questions_group or ()}
        outcomes = {outcome_id: self.outcome(outcomes_group, outcome_id) for outcome_id in outcomes_group or ()}
        invalid_node_ids = {node_id for _, node_id, _ in self.bad_node_ids}
        self.report_bad_references([node_id for node_id in (*questions, *outcomes) if node_id not in invalid_node_ids],
                                   invalid_node_ids)
        self.report_bad_node_ids()
        start = values["start"]
        if invalid_node_ids:
            # Keep the links to a node whose id is invalid, so that the graph checks do not also
            # call it unreachable: one mistake, one message.
            raw_start = root.get("start")
            if start is None and raw_start in invalid_node_ids:
                start = raw_start
            for node in questions.values():
                for option in node.options:
                    raw = option.source.get("next") if option.source is not None else None
                    if option.next is None and raw in invalid_node_ids:
                        option.next = raw
        return Tree(
            id=tree_id,
            file=self.file,
            title=values["title"],
            description=values["description"],
            last_reviewed=values["last_reviewed"],
            intro=values["intro"],
            start=start,
            questions=questions,
            outcomes=outcomes,
            root=root,
            source_text=source_text,
        )


_READERS: dict[str, Callable] = {
    fmt.TEXT: _StructureChecker.text,
    fmt.MARKDOWN: _StructureChecker.text,
    fmt.ID: _StructureChecker.reference,
    fmt.DATE: _StructureChecker.date,
    fmt.VERDICT: _StructureChecker.verdict,
    fmt.RANKING: _StructureChecker.ranking,
    fmt.PAGES: _StructureChecker.pages,
    fmt.OPTIONS: _StructureChecker.options,
    fmt.QUESTIONS: _StructureChecker.group,
    fmt.OUTCOMES: _StructureChecker.group,
}
"""How each kind of value in tree_format.py is read and checked (schema.py has its JSON Schema twin)."""


_NODE_KEYS = {
    # kind: (the keys it needs, every key it may have), as messages show them
    "question": ("text:, options:", "text:, help: and options:"),
    "outcome": ("verdict:, title:, body:", "verdict:, title:, body: and see:"),
}


def _start_of_file() -> Position:
    return START_OF_FILE


def _shown(value) -> str:
    return f'"{value}"' if isinstance(value, str) else describe(value)


def read_tree(loaded: LoadedYaml, file: str, tree_id: str) -> tuple[Tree | None, list[Problem]]:
    """Check the structure of a loaded file and build its model (None if there is no usable tree)."""
    checker = _StructureChecker(file, loaded.text)
    tree = checker.tree(loaded.data, tree_id, loaded.text)
    return tree, checker.problems

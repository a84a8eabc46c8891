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

import difflib
from typing import Callable

from . import tree_format as fmt
from .model import Option, Outcome, Question, Tree
from .problems import START_OF_FILE, Position, Problem, problem_at
from .verdicts import VERDICTS
from .yaml_source import LoadedYaml, YamlMapping, YamlSequence

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
    }
)
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


class _StructureChecker:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.bad_references: list[tuple[str, str, Position, str]] = []

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

    def report_bad_references(self, known_ids) -> None:
        for place, key, position, value in self.bad_references:
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
            self.report(
                mapping.key_position(node_id),
                f'the {kind} id "{node_id}" is not allowed: ids use only lowercase letters, digits '
                "and hyphens (no spaces, capitals or other signs).",
                f'Rename it, for example to "{suggest_id(node_id)}", and change every next: that points to it.',
                "invalid-id",
            )

    def group(self, mapping: YamlMapping, key: str, place: str, what: str) -> YamlMapping | None:
        value = mapping[key]
        if isinstance(value, YamlMapping):
            return value
        if value is None:
            self.report(
                mapping.key_position(key),
                f'"{key}:" of {place} is empty.',
                f"Add {what}, each as `id:` on its own line with its keys indented below it.",
                "empty-value",
            )
        else:
            self.report(
                mapping.value_position(key),
                f'"{key}:" of {place} should be a group of {what}, each under its id, but it is {describe(value)}.',
                f"Write each of the {what} as `id:` on its own line, with its keys indented below it.",
                "wrong-type",
            )
        return None

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

    # -- parts of the tree --------------------------------------------------------------------
    #
    # Each part first tries a fast path that only recognises a part with nothing wrong (the
    # usual case, and most of the time on large trees), building exactly what the full check
    # would. Anything else, however small, takes the full check below it, which explains it.

    def question(self, questions: YamlMapping, question_id: str) -> Question:
        data = questions[question_id]
        if data.__class__ is YamlMapping and data.keys() <= _QUESTION_KEYS and _ID_MATCH(question_id):
            text = data.get("text")
            items = data.get("options")
            if (
                _is_text(text)
                and ("help" not in data or _is_text(data["help"]))
                and items.__class__ is YamlSequence
                and len(items) >= fmt.MIN_OPTIONS
            ):
                options = [self.option(items, index, question_id) for index in range(len(items))]
                return Question(question_id, text, data.get("help"), options, data, questions)
        return self._question(questions, question_id)

    def _question(self, questions: YamlMapping, question_id: str) -> Question:
        place = f'question "{question_id}"'
        self.node_id(questions, question_id, "question")
        data = questions[question_id]

        def id_position() -> Position:
            return questions.key_position(question_id)

        if not isinstance(data, YamlMapping):
            self.report(
                questions.value_position(question_id) if data is not None else id_position(),
                f"{place} should be a group of keys (text:, options:), but it is {describe(data)}.",
                f'Indent text:, help: and options: on their own lines under "{question_id}:".',
                "wrong-type" if data is not None else "empty-value",
            )
            return Question(question_id, None, None, [], None, questions)
        self.unknown_keys(data, fmt.QUESTION, place)
        text_field, help_field, options_field = fmt.QUESTION.fields
        text = self.text(data, text_field, place, id_position)
        help_text = self.text(data, help_field, place, id_position)
        options: list[Option] = []
        if "options" not in data:
            self.missing(options_field, place, id_position)
        else:
            items = self.sequence(data, "options", place, '"- label: Yes" with "next: some-id" below it.')
            if items is not None:
                options = [self.option(items, index, question_id) for index in range(len(items))]
            if (items is not None or data["options"] is None) and len(options) < fmt.MIN_OPTIONS:
                count = "no options" if not options else "only one option"
                self.report(
                    data.value_position("options") if data["options"] is not None else data.key_position("options"),
                    f"{place} has {count}.",
                    f"Give it at least {fmt.MIN_OPTIONS} options, or remove the question and point "
                    "the answers that lead here straight to the next step.",
                    "too-few-options",
                )
        return Question(question_id, text, help_text, options, data, questions)

    def option(self, items: YamlSequence, index: int, question_id: str) -> Option:
        data = items[index]
        if data.__class__ is YamlMapping and data.keys() <= _OPTION_KEYS:
            label = data.get("label")
            next_id = data.get("next")
            if _is_text(label) and next_id.__class__ is str and _ID_MATCH(next_id):
                return Option(index + 1, label, next_id, data, items)
        return self._option(items, index, question_id)

    def _option(self, items: YamlSequence, index: int, question_id: str) -> Option:
        place = f'option {index + 1} of question "{question_id}"'
        data = items[index]
        if not isinstance(data, YamlMapping):
            self.report(
                items.item_position(index),
                f"{place} should have label: and next:, but it is {describe(data)}.",
                'Write it as "- label: ..." with "next: ..." on the line below, lined up with label:.',
                "wrong-type" if data is not None else "empty-value",
            )
            return Option(index + 1, None, None, None, items)
        self.unknown_keys(data, fmt.OPTION, place)

        def position() -> Position:
            return items.item_position(index)

        label_field, next_field = fmt.OPTION.fields
        label = self.text(data, label_field, place, position)
        next_id = self.reference(data, next_field, place, position)
        return Option(index + 1, label, next_id, data, items)

    def outcome(self, outcomes: YamlMapping, outcome_id: str) -> Outcome:
        data = outcomes[outcome_id]
        if data.__class__ is YamlMapping and data.keys() <= _OUTCOME_KEYS and _ID_MATCH(outcome_id):
            verdict, title, body = data.get("verdict"), data.get("title"), data.get("body")
            see = data.get("see", ())
            if (
                verdict in VERDICTS
                and _is_text(title)
                and _is_text(body)
                and (see == () or see.__class__ is YamlSequence)
                and all(page.__class__ is str and _PAGE_MATCH(page) for page in see)
            ):
                return Outcome(outcome_id, verdict, title, body, list(see), data, outcomes)
        return self._outcome(outcomes, outcome_id)

    def _outcome(self, outcomes: YamlMapping, outcome_id: str) -> Outcome:
        place = f'outcome "{outcome_id}"'
        self.node_id(outcomes, outcome_id, "outcome")
        data = outcomes[outcome_id]

        def id_position() -> Position:
            return outcomes.key_position(outcome_id)

        if not isinstance(data, YamlMapping):
            self.report(
                outcomes.value_position(outcome_id) if data is not None else id_position(),
                f"{place} should be a group of keys (verdict:, title:, body:), but it is {describe(data)}.",
                f'Indent verdict:, title:, body: and see: on their own lines under "{outcome_id}:".',
                "wrong-type" if data is not None else "empty-value",
            )
            return Outcome(outcome_id, None, None, None, [], None, outcomes)
        self.unknown_keys(data, fmt.OUTCOME, place)
        verdict_field, title_field, body_field, _ = fmt.OUTCOME.fields
        verdict = self.text(data, verdict_field, place, id_position)
        if verdict is not None and verdict not in VERDICTS:
            guess = suggest(verdict, VERDICTS)
            hint = f'Did you mean "{guess}"? ' if guess else ""
            self.report(
                data.value_position("verdict"),
                f'{place} has the verdict "{verdict}", which is not one of the verdicts.',
                f"{hint}Use one of: {_VERDICT_LIST} (CONTRIBUTING.md says what each means).",
                "unknown-verdict",
            )
            verdict = None
        title = self.text(data, title_field, place, id_position)
        body = self.text(data, body_field, place, id_position)
        see: list[str] = []
        if "see" in data and data["see"] is None:
            self.report(
                data.key_position("see"),
                f'"see:" of {place} is empty.',
                "List at least one page, for example [how-insurers-decide.md], or remove \"see:\".",
                "empty-value",
            )
        elif "see" in data:
            pages = self.sequence(data, "see", place, "[how-insurers-decide.md, if-you-are-denied.md]")
            for index, page in enumerate(pages or ()):
                if page.__class__ is str and fmt.PAGE_RE.match(page):
                    see.append(page)
                    continue
                self.report(
                    pages.item_position(index),
                    f'page {index + 1} under "see:" of {place} is {_shown(page)}, which is not the file name of a page.',
                    "Write the page's file name under docs/, ending in .md, "
                    "for example how-insurers-decide.md or situations/acne-scars.md.",
                    "invalid-page-name",
                )
        return Outcome(outcome_id, verdict, title, body, see, data, outcomes)

    def tree(self, root, tree_id: str, source_text: str) -> Tree | None:
        if not isinstance(root, YamlMapping):
            self.report(
                START_OF_FILE,
                f"the file should hold the keys title:, start:, questions: and outcomes:, but it holds {describe(root)}.",
                'Start the file with "title:" at the beginning of a line, as in the example in CONTRIBUTING.md.',
                "not-a-mapping",
            )
            return None
        place = "the tree"
        self.unknown_keys(root, fmt.TREE, place)
        fields = {field.key: field for field in fmt.TREE.fields}
        title = self.text(root, fields["title"], place, _start_of_file)
        description = self.text(root, fields["description"], place, _start_of_file)
        intro = self.text(root, fields["intro"], place, _start_of_file)
        last_reviewed = self.text(root, fields["last_reviewed"], place, _start_of_file)
        if last_reviewed is not None and not fmt.DATE_RE.match(last_reviewed):
            self.report(
                root.value_position("last_reviewed"),
                f'"last_reviewed:" is "{last_reviewed}", which is not a date written as YYYY-MM-DD.',
                "Write the date like 2025-05-01 (year, month, day).",
                "invalid-date",
            )
            last_reviewed = None
        start = self.reference(root, fields["start"], place, _start_of_file)

        questions: dict[str, Question] = {}
        outcomes: dict[str, Outcome] = {}
        for key, kind, what in (("questions", "question", "questions"), ("outcomes", "outcome", "outcomes")):
            if key not in root:
                self.missing(fields[key], place, _start_of_file)
                continue
            group = self.group(root, key, place, what)
            if group is None:
                continue
            if not group:
                self.report(
                    root.value_position(key),
                    f'"{key}:" has no {what}.',
                    f'Add at least one {kind} under "{key}:".',
                    f"no-{what}",
                )
            if kind == "question":
                questions = {question_id: self.question(group, question_id) for question_id in group}
            else:
                outcomes = {outcome_id: self.outcome(group, outcome_id) for outcome_id in group}

        self.report_bad_references(list(questions) + list(outcomes))
        return Tree(
            id=tree_id,
            file=self.file,
            title=title,
            description=description,
            last_reviewed=last_reviewed,
            intro=intro,
            start=start,
            questions=questions,
            outcomes=outcomes,
            root=root,
            source_text=source_text,
        )


_QUESTION_KEYS = fmt.QUESTION.keys
_OPTION_KEYS = fmt.OPTION.keys
_OUTCOME_KEYS = fmt.OUTCOME.keys
_ID_MATCH = fmt.ID_RE.match
_PAGE_MATCH = fmt.PAGE_RE.match


def _is_text(value) -> bool:
    """Text that is not empty or only spaces: what every TEXT and MARKDOWN field needs."""
    return value.__class__ is str and value != "" and not value.isspace()


def _start_of_file() -> Position:
    return START_OF_FILE


def _shown(value) -> str:
    return f'"{value}"' if isinstance(value, str) else describe(value)


def read_tree(loaded: LoadedYaml, file: str, tree_id: str) -> tuple[Tree | None, list[Problem]]:
    """Check the structure of a loaded file and build its model (None if there is no usable tree)."""
    checker = _StructureChecker(file)
    tree = checker.tree(loaded.data, tree_id, loaded.text)
    return tree, checker.problems

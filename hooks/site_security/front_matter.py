"""What a page's front matter may hold: three keys, each with one kind of value.

The theme acts on front matter, not only prints it. `template: redirect.html` with
`location: https://...` turned a guidance page into Material's redirect page (its inline script,
hashed into the policy as the theme's, sent every reader away); a title written as a group of
keys (`title: {"<script>...": 1}`), as bytes (`!!binary`) or as a set (`!!set`) skipped the
escaping of text, since Material prints str() of whatever value it finds. So a page may set:

    title:          text        the page's title, when it should differ from its # heading
    description:    text        one sentence for search engines and link previews
    last_reviewed:  a date      YYYY-MM-DD, shown under the page

and nothing else. front_matter_problems names each other key or value on its line;
allowed_front_matter is what the theme gets: the same keys and kinds only, so even under
`mkdocs serve`, where problems do not stop the preview, nothing else reaches a template.

Plain Python, no MkDocs: hooks/page_metadata_hook.py is the adapter.
"""

from __future__ import annotations

import datetime
import re

import yaml

from decision_tree_compiler.problems import START_OF_FILE, Position, Problem, position_of_mark, problem_at

TEXT = "text"
DATE = "date"
ALLOWED_KEYS = {"title": TEXT, "description": TEXT, "last_reviewed": DATE}
"""Front matter keys a page may set, and the kind of value each takes."""
_EXAMPLES = {
    "title": "title: How insurers decide",
    "description": "description: One plain sentence about the page.",
    "last_reviewed": "last_reviewed: 2026-11-27",
}
# MkDocs' own pattern for YAML front matter (mkdocs/utils/meta.py): what it reads, we check.
_YAML_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_KEYS_ALLOWED = ", ".join(f"{key}:" for key in ALLOWED_KEYS)


def _fits(kind: str, value) -> bool:
    if kind == TEXT:
        return isinstance(value, str)
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def allowed_front_matter(meta: dict) -> dict:
    """Only the allowed keys, each only with a value of its kind."""
    return {key: value for key, value in meta.items() if key in ALLOWED_KEYS and _fits(ALLOWED_KEYS[key], value)}


def _describe(value) -> str:
    if isinstance(value, bool):
        return f"the word {'true' if value else 'false'} (YAML reads yes, no, on and off as true or false)"
    if isinstance(value, (bytes, bytearray)):
        return "binary data (!!binary)"
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (set, frozenset)):
        return "a set (!!set)"
    if isinstance(value, datetime.datetime):
        return "a date with a time"
    if isinstance(value, datetime.date):
        return "a date"
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__}"


def _key_position(source: str, key) -> Position:
    """Where key: was written at the start of the file (1:1 if it cannot be told)."""
    if isinstance(key, str):
        match = re.compile(rf"^[ \t]*['\"]?{re.escape(key)}['\"]?[ \t]*:", re.MULTILINE).search(source)
        if match is not None:
            line = source.count("\n", 0, match.start()) + 1
            return Position(line, match.start() - (source.rfind("\n", 0, match.start()) + 1) + 1)
    return START_OF_FILE


def front_matter_problems(file: str, source: str, meta: dict) -> list[Problem]:
    """Every problem with the front matter of a page; meta is what MkDocs read from source."""
    problems: list[Problem] = []
    block = _YAML_FRONT_MATTER.match(source)
    if block is not None:
        try:
            data = yaml.load(block.group(1), yaml.SafeLoader)
        except yaml.YAMLError as error:
            # Where what went wrong began ("while parsing a flow sequence" at its "["), else where it showed.
            mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
            at = Position(mark.line + 2, mark.column + 1) if mark is not None else Position(2, 1)
            reason = getattr(error, "problem", None) or "it is not valid YAML"
            return [problem_at(
                file, at,
                f"the front matter (between the --- lines) cannot be read: {reason}. The page would show it as text.",
                "Write each line as key: value, as in CONTRIBUTING.md; put text that contains \": \" in double quotes.",
                "front-matter-syntax",
            )]
        if not isinstance(data, dict):
            return [problem_at(
                file, Position(2, 1),
                "the front matter (between the --- lines) is not a list of key: value lines.",
                f"Write each line as key: value. A page's front matter may hold {_KEYS_ALLOWED}",
                "front-matter-syntax",
            )]
    for key, value in meta.items():
        where = _key_position(source, key)
        kind = ALLOWED_KEYS.get(key) if isinstance(key, str) else None
        if kind is None:
            why = (
                ": it would show the page with another of the theme's templates, such as the one that "
                "sends the reader to another site"
                if key == "template" else ""
            )
            shown = key if isinstance(key, str) else repr(key)
            problems.append(problem_at(
                file, where,
                f'the front matter has the key "{shown}:", which a page may not set{why}.',
                f"Remove the line. A page's front matter may hold {_KEYS_ALLOWED}",
                "front-matter-key",
            ))
        elif not _fits(kind, value):
            wanted = "text" if kind == TEXT else "a date written as YYYY-MM-DD"
            problems.append(problem_at(
                file, where,
                f'"{key}:" in the front matter should be {wanted}, but it is {_describe(value)}.',
                f"Write it like this: {_EXAMPLES[key]}"
                + (" (in double quotes if it starts with [ { ! & * or is yes, no, on or off)." if kind == TEXT else "."),
                "front-matter-value",
            ))
    return problems

"""Plain-language messages for the YAML mistakes libyaml stops at: what is wrong, what to do.

libyaml says "found character that cannot start any token"; a writer needs "a text cannot start
with * unless it is in quotes". Each explanation is placed where the writer should look: an
unclosed quote where it opens (libyaml notices it dozens of lines later), a badly indented
`next:` on its own line.

libyaml stops at the first mistake. When the explanation knows the fix (quote the text, line up
the key), loading mends that one line in a copy and reads on, so one run reports every mistake
of those kinds; line numbers stay the same because the mend never adds or removes a line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

from .problems import START_OF_FILE, Position, Problem, position_of_mark, problem_at


def _line_and_column_of_byte(data: bytes, offset: int) -> Position:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Position(line, column)


def not_utf8_problem(data: bytes, error: UnicodeDecodeError, file: str) -> Problem:
    return problem_at(
        file,
        _line_and_column_of_byte(data, error.start),
        f"the file is not valid UTF-8 text: byte 0x{data[error.start]:02x} cannot start or continue a character.",
        "Save the file with the UTF-8 encoding (most editors offer it under Save As or Encoding), "
        "then check the characters on this line.",
        "not-utf8",
    )


def reader_problem(data: bytes, error, file: str) -> Problem:
    character = error.character
    if isinstance(character, int):
        shown = f"U+{character:04X}"
    else:
        shown = f"U+{ord(character):04X}" if isinstance(character, str) and len(character) == 1 else repr(character)
    return problem_at(
        file,
        _line_and_column_of_byte(data, error.position),
        f"the file contains an invisible control character ({shown}) that YAML does not allow.",
        "Delete it: retype the text around this position.",
        "control-character",
    )


def tab_problems(data: bytes, file: str) -> list[Problem]:
    """Every line whose indentation contains a tab (YAML indentation must be spaces)."""
    problems = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        indentation = line[: len(line) - len(line.lstrip(b" \t"))]
        if b"\t" in indentation:
            problems.append(
                problem_at(
                    file,
                    Position(number, indentation.index(b"\t") + 1),
                    "this line is indented with a tab; YAML indentation must use spaces.",
                    "Replace the tab with spaces (set your editor to insert spaces for Tab).",
                    "tab-indentation",
                )
            )
    return problems


@dataclass(frozen=True)
class Diagnosis:
    problem: Problem
    mended: str | None
    """The whole text with this one mistake mended (same lines), or None when the fix is not known."""


# --- the mistakes we can explain precisely ---------------------------------------------------------

# `key: value` or `- key: value` or `- value` on one line: group 1 is everything before the value.
_VALUE = re.compile(r"^(?P<before>\s*(?:-\s+)?(?:(?P<key>[A-Za-z_][\w-]*):[ \t]+)?)(?P<value>\S.*?)[ \t]*$")
_BLOCK_START = re.compile(r":[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")

_INDICATORS = {
    "*": "YAML reads * at the start of a value as an alias (a pointer to text written elsewhere)",
    "&": "YAML reads & at the start of a value as an anchor (a name for text used again elsewhere)",
    "!": "YAML reads ! at the start of a value as a tag (a type)",
    "|": "YAML reads | at the start of a value as the start of a block of text on the lines below",
    ">": "YAML reads > at the start of a value as the start of a block of text on the lines below",
    "%": "YAML keeps % at the start of a line for its own instructions",
    "@": "YAML keeps @ at the start of a value for future use",
    "`": "YAML keeps ` at the start of a value for future use",
    "- ": "YAML reads - followed by a space at the start of a value as a list item",
    "? ": "YAML reads ? followed by a space at the start of a value as a complex key",
    "[": "YAML reads [ at the start of a value as the start of a list",
    "{": "YAML reads { at the start of a value as the start of a group of keys",
}


def _quoted(value: str) -> str:
    """The text as a double-quoted YAML string (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _replace_line(lines: list[str], index: int, new: str) -> str:
    return "\n".join(lines[:index] + [new] + lines[index + 1 :])


def _block_scalar_lines(lines: list[str]) -> set[int]:
    """Indexes of lines inside `|` or `>` blocks: their quotes and signs are plain text."""
    inside: set[int] = set()
    block_indent = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not stripped or indent > block_indent:
                inside.add(index)
                continue
            block_indent = None
        if _BLOCK_START.search(line):
            block_indent = indent
    return inside


def _closes(value: str) -> bool:
    """Whether a value starting with a quote closes it on the same line."""
    quote, rest = value[0], value[1:]
    if quote == '"':
        escaped = False
        for character in rest:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                return True
        return False
    return "'" in rest.replace("''", "")  # '' is a quote inside the text


def _unclosed_quote(lines: list[str], last: int, file: str) -> Diagnosis | None:
    """The first value up to line `last` that opens a quote and does not close it on its line.

    YAML lets quoted text run on over several lines, so libyaml only complains where the text
    finally ends, often far below; the writer's mistake is where the quote opened."""
    skip = _block_scalar_lines(lines)
    for index in range(min(last, len(lines) - 1) + 1):
        if index in skip:
            continue
        match = _VALUE.match(lines[index])
        if match is None or match.group("value")[0] not in "\"'" or _closes(match.group("value")):
            continue
        value, before = match.group("value"), match.group("before")
        problem = problem_at(
            file,
            Position(index + 1, len(before) + 1),
            f"the quoted text that starts here is not closed on this line ({value[0]} without a closing {value[0]}), "
            "so YAML reads on into the lines below.",
            f"Add the closing {value[0]} at the end of the text, or remove the opening one.",
            "unclosed-quote",
        )
        mended = _replace_line(lines, index, before + _quoted(value[1:]))
        return Diagnosis(problem, mended)
    return None


def _text_needing_quotes(lines: list[str], index: int, file: str) -> Diagnosis | None:
    """A text YAML reads as syntax: it starts with a sign (`label: * No`, `label: - No`) or holds
    a colon and a space (`label: Note: this`). Quoting the whole text is the fix either way."""
    if not 0 <= index < len(lines):
        return None
    match = _VALUE.match(lines[index])
    if match is None or match.group("key") is None:
        return None
    key, value = match.group("key"), match.group("value")
    sign = next((sign for sign in _INDICATORS if value.startswith(sign)), None)
    if sign is not None:
        what = f'the text after "{key}:" starts with {sign.strip()}, and {_INDICATORS[sign]}.'
    elif ": " in value and value[0] not in "\"'":  # a quoted text may hold ": "
        what = f'the text after "{key}:" contains a colon followed by a space (": "), which YAML reads as the start of a key.'
    else:
        return None
    problem = problem_at(
        file,
        Position(index + 1, len(match.group("before")) + 1),
        what,
        f"Put the whole text in double quotes: {key}: {_quoted(value)}",
        "text-needs-quotes",
    )
    return Diagnosis(problem, _replace_line(lines, index, match.group("before") + _quoted(value)))


def _key_not_lined_up(lines: list[str], index: int, file: str) -> Diagnosis | None:
    """`next:` written under the `-` of its item instead of under `label:`."""
    if not 0 <= index < len(lines):
        return None
    line = lines[index]
    content = line.lstrip(" ")
    if content.startswith("-") or not re.match(r"[A-Za-z_][\w-]*:", content):
        return None
    above = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), None)
    item = re.match(r"^(\s*-\s+)([A-Za-z_][\w-]*):", above or "")
    if item is None:
        return None
    wanted = len(item.group(1))
    key, sibling = content.split(":", 1)[0], item.group(2)
    problem = problem_at(
        file,
        Position(index + 1, len(line) - len(content) + 1),
        f'"{key}:" is not lined up with "{sibling}:" on the line above, so YAML cannot tell that they belong '
        "to the same item of the list.",
        f'Indent "{key}:" so that it starts in column {wanted + 1}, right under "{sibling}:".',
        "misaligned-key",
    )
    return Diagnosis(problem, _replace_line(lines, index, " " * wanted + content))


# --- everything else: libyaml's own words, translated -----------------------------------------------

_SYNTAX_EXPLANATIONS = (
    # (part of libyaml's problem text, what is wrong in plain words, what to do)
    (
        "found unexpected end of stream",
        "a quoted text starting here is never closed.",
        "Add the closing quote (the same kind, ' or \"), or remove the opening one.",
    ),
    (
        "mapping values are not allowed",
        'a colon followed by a space (": ") appears in text that is not in quotes, '
        "or the line is indented more than it should be.",
        "Put the whole text in double quotes, or line the key up with the keys above it.",
    ),
    (
        "could not find expected ':'",
        "this line is neither a key with a colon nor part of the text above it.",
        "Add the colon after the key, or indent the line to continue the text above.",
    ),
    (
        "did not find expected key",
        "the indentation is wrong here: keys of the same group must start in the same column.",
        "Line this key up with the other keys of its group.",
    ),
    (
        "did not find expected '-' indicator",
        "the indentation is wrong here: the items of a list must start in the same column.",
        "Line this item's - up with the other items of the list.",
    ),
    (
        "did not find expected ',' or ']'",
        "a list written in square brackets [ ] is not closed.",
        "Add the closing ] at the end of the list.",
    ),
    (
        "did not find expected ',' or '}'",
        "a group written in curly brackets { } is not closed.",
        "Add the closing } at the end of the group.",
    ),
    (
        "expected a single document",
        "the file holds more than one YAML document (a line with --- starts a second one).",
        "Keep one tree per file: remove the --- line, or move the second tree to its own file.",
    ),
    (
        "found undefined alias",
        "an alias (*name) refers to an anchor (&name) that is not defined above it.",
        "If the text starts with *, put it in double quotes. Otherwise define the anchor first, or write the text out.",
    ),
    (
        "found duplicate anchor",
        "the same anchor (&name) is defined twice.",
        "Give each anchor its own name.",
    ),
    (
        "found character that cannot start any token",
        "this character cannot start a value here.",
        "Put the text in double quotes.",
    ),
)


def _translated(data: bytes, error: yaml.MarkedYAMLError, file: str) -> Problem:
    problem_text = error.problem or ""
    both_texts = f"{error.context or ''} {problem_text}"
    mark = error.problem_mark or error.context_mark
    for needle, what, fix in _SYNTAX_EXPLANATIONS:
        if needle in both_texts:
            if needle == "found unexpected end of stream" and error.context_mark is not None:
                mark = error.context_mark  # where the quote was opened, not the end of the file
            if needle == "found character that cannot start any token":
                character = _character_at(data, mark)
                if character == "\t":
                    what, fix = (
                        "there is a tab character here; YAML only allows spaces between keys and values.",
                        "Replace the tab with spaces.",
                    )
                elif character:
                    what = f'a value cannot start with "{character}".'
            return problem_at(file, position_of_mark(mark), f"the YAML is not valid: {what}", fix, "yaml-syntax")
    return problem_at(
        file,
        position_of_mark(mark) if mark is not None else START_OF_FILE,
        f"the YAML is not valid here ({problem_text or error}).",
        "Check this line and the one above for a missing colon, an unclosed quote or wrong indentation.",
        "yaml-syntax",
    )


def diagnose(text: str, data: bytes, error: yaml.MarkedYAMLError, file: str) -> Diagnosis:
    """The writer's mistake behind a libyaml error, and the text with it mended when we know how."""
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    at = mark.line if mark is not None else 0
    marked_lines = sorted({at, *([error.context_mark.line] if error.context_mark is not None else [])})
    diagnosis = _unclosed_quote(lines, at, file)
    for index in marked_lines if diagnosis is None else ():
        diagnosis = _text_needing_quotes(lines, index, file)
        if diagnosis is not None:
            break
    if diagnosis is None and "expected '-' indicator" in f"{error.context} {error.problem}":
        diagnosis = _key_not_lined_up(lines, at, file)
    return diagnosis or Diagnosis(_translated(data, error, file), None)


def _character_at(data: bytes, mark) -> str:
    if mark is None:
        return ""
    lines = data.decode("utf-8", errors="replace").split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""

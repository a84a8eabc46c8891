"""Plain-language messages for the YAML mistakes libyaml stops at: what is wrong, what to do.

libyaml says "found character that cannot start any token"; a writer needs "this line is
indented with a tab; YAML indentation must use spaces". Each explanation keeps libyaml's
position, moved to where the writer should look (an unclosed quote is reported where it opens).
"""

from __future__ import annotations

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
        shown = repr(character)
    return problem_at(
        file,
        _line_and_column_of_byte(data, error.position),
        f"the file contains an invisible control character ({shown}) that YAML does not allow.",
        "Delete it: retype the text around this position.",
        "control-character",
    )


def _tab_lines(data: bytes) -> list[Position]:
    """Every line whose indentation contains a tab (YAML indentation must be spaces)."""
    positions = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        indentation = line[: len(line) - len(line.lstrip(b" \t"))]
        if b"\t" in indentation:
            positions.append(Position(number, indentation.index(b"\t") + 1))
    return positions


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
        'Put the whole text in double quotes, or line the key up with the keys above it.',
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
        "Define the anchor first, or write the text out instead of the alias.",
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


def syntax_problems(data: bytes, error: yaml.MarkedYAMLError, file: str) -> list[Problem]:
    tabs = _tab_lines(data)
    if tabs:
        # libyaml stops at the first tab it trips over; a writer wants to fix them all at once.
        return [
            problem_at(
                file,
                position,
                "this line is indented with a tab; YAML indentation must use spaces.",
                "Replace the tab with spaces (set your editor to insert spaces for Tab).",
                "tab-indentation",
            )
            for position in tabs
        ]
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
            return [problem_at(file, position_of_mark(mark), f"the YAML is not valid: {what}", fix, "yaml-syntax")]
    return [
        problem_at(
            file,
            position_of_mark(mark) if mark is not None else START_OF_FILE,
            f"the YAML is not valid here ({problem_text or error}).",
            "Check this line and the one above for a missing colon, an unclosed quote or wrong indentation.",
            "yaml-syntax",
        )
    ]


def _character_at(data: bytes, mark) -> str:
    if mark is None:
        return ""
    lines = data.decode("utf-8", errors="replace").split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""

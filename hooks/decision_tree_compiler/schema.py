"""decision_tree/schema.json: the tree format as JSON Schema (draft 2020-12), for writers' editors.

Generated from tree_format.py and verdicts.py, so it cannot drift from the checker; a test
fails when the committed file is out of date. With the YAML extension (yaml-language-server),
the first line `# yaml-language-server: $schema=schema.json` gives writers autocompletion, hover
help (the descriptions) and red underlines while they type.

`patternErrorMessage` and `enumDescriptions` are read by the editor extension; JSON Schema
validators ignore them.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import tree_format as fmt
from .verdicts import VERDICTS

SCHEMA_COMMAND = "PYTHONPATH=hooks python3 -m decision_tree_compiler schema"
ID_MESSAGE = "Use lowercase letters, digits and hyphens only, for example scar-from-injury."


def _text(description: str, max_length: int = fmt.MAX_TEXT_LENGTH) -> dict:
    # minLength and "\S": text that is empty or only spaces is as good as missing.
    return {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": r"\S", "description": description}


def _any_case(word: str) -> str:
    # Patterns carry no flags, so letter case is spelled out: "[jJ][sS]".
    return "".join(f"[{letter.lower()}{letter.upper()}]" if letter.isalpha() else letter for letter in word)


# The plainly written forms of what the build refuses in Markdown (site_security.urls): a link
# that runs code, and an image from another site. Disguised forms (character codes, invisible
# characters) are left to the build, which decides on what the browser reads.
_SCRIPT_LINK = r"\]\(\s*<?\s*(?:" + "|".join(_any_case(s) for s in ("javascript", "vbscript", "data")) + "):"
_OTHER_SITE_IMAGE = r"!\[[^\]]*\]\(\s*<?(?:" + _any_case("http") + "[sS]?:)?//"
MARKDOWN_RULES = (
    (
        f"^(?![\\s\\S]*{_SCRIPT_LINK})",
        "A link may go to a page of this site by its file name, like [appeal](if-you-are-denied.md), "
        "to an https:// or http:// address, or be mailto: or tel:; javascript:, vbscript: and data: links run code.",
    ),
    (
        f"^(?![\\s\\S]*{_OTHER_SITE_IMAGE})",
        "Images must be files of this site: save the file in docs/assets/. "
        "An image from another site tells that site who reads the page.",
    ),
)


def _markdown(description: str) -> dict:
    return {
        **_text(description, fmt.MAX_MARKDOWN_LENGTH),
        "allOf": [{"pattern": pattern, "patternErrorMessage": message} for pattern, message in MARKDOWN_RULES],
    }


def _value_schema(field: fmt.Field) -> dict:
    kind = field.kind
    if kind == fmt.TEXT:
        return _text(field.description)
    if kind == fmt.MARKDOWN:
        return _markdown(field.description)
    if kind == fmt.ID:
        return {"$ref": "#/$defs/id", "description": field.description}
    if kind == fmt.DATE:
        return {
            "type": "string",
            "pattern": fmt.DATE_PATTERN,
            "patternErrorMessage": "Write the date as YYYY-MM-DD, for example 2025-05-01.",
            "description": field.description,
        }
    if kind == fmt.VERDICT:
        return {
            "type": "string",
            "enum": list(VERDICTS),
            "enumDescriptions": [f"{verdict.label}. {verdict.meaning}" for verdict in VERDICTS.values()],
            "description": field.description,
        }
    if kind == fmt.RANKING:
        return {
            "type": "string",
            "enum": list(fmt.RANKINGS),
            "enumDescriptions": list(fmt.RANKINGS.values()),
            "description": field.description,
        }
    if kind == fmt.PAGES:
        return {
            "type": "array",
            "items": {
                "type": "string",
                "pattern": fmt.PAGE_PATTERN,
                "patternErrorMessage": "Write a page's file name under docs/, ending in .md.",
            },
            "description": field.description,
        }
    if kind == fmt.OPTIONS:
        return {
            "type": "array",
            "minItems": fmt.MIN_OPTIONS,
            "items": {"$ref": "#/$defs/option"},
            "description": field.description,
        }
    if kind in (fmt.QUESTIONS, fmt.OUTCOMES):
        definition = "question" if kind == fmt.QUESTIONS else "outcome"
        return {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"$ref": "#/$defs/id"},
            "additionalProperties": {"$ref": f"#/$defs/{definition}"},
            "description": field.description,
        }
    raise ValueError(f"no JSON Schema for the kind {kind!r}")  # a new kind needs one here


def _object_schema(object_format: fmt.ObjectFormat) -> dict:
    return {
        "type": "object",
        "description": object_format.description,
        "properties": {field.key: _value_schema(field) for field in object_format.fields},
        "required": [field.key for field in object_format.required_fields],
        "additionalProperties": False,
    }


def build_schema() -> dict:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Decision tree",
        **_object_schema(fmt.TREE),
    }
    schema["$defs"] = {
        "id": {"type": "string", "pattern": fmt.ID_PATTERN, "patternErrorMessage": ID_MESSAGE},
        "question": _object_schema(fmt.QUESTION),
        "option": _object_schema(fmt.OPTION),
        "outcome": _object_schema(fmt.OUTCOME),
    }
    return schema


def schema_text() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_file(tree_folder: Path) -> Path:
    return Path(tree_folder) / "schema.json"

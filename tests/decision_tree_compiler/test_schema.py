"""decision_tree/schema.json: up to date, valid, and in agreement with the checker."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from decision_tree_compiler.schema import SCHEMA_COMMAND, build_schema, schema_text
from decision_tree_compiler.structure import STRUCTURE_CODES
from decision_tree_compiler.tree_format import OPTION, OUTCOME, QUESTION, TREE
from decision_tree_compiler.verdicts import VERDICTS
from decision_tree_compiler.yaml_source import load_yaml

from .examples import ALL_EXAMPLES
from .helpers import BASE_TREE, FILE, compile_text

PROJECT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = PROJECT / "decision_tree" / "schema.json"
VALIDATOR = jsonschema.Draft202012Validator(build_schema())


def test_committed_schema_is_up_to_date():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        f"decision_tree/schema.json is out of date. Run: {SCHEMA_COMMAND}"
    )


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_every_property_has_a_description_for_hover_help():
    schema = build_schema()
    objects = [schema, *(schema["$defs"][name] for name in ("question", "option", "outcome"))]
    for object_schema in objects:
        assert object_schema["description"]
        for name, property_schema in object_schema["properties"].items():
            assert property_schema.get("description"), name


def test_schema_keys_are_the_tree_format_keys():
    schema = build_schema()
    assert set(schema["properties"]) == TREE.keys
    assert set(schema["$defs"]["question"]["properties"]) == QUESTION.keys
    assert set(schema["$defs"]["option"]["properties"]) == OPTION.keys
    assert set(schema["$defs"]["outcome"]["properties"]) == OUTCOME.keys
    assert schema["$defs"]["outcome"]["properties"]["verdict"]["enum"] == list(VERDICTS)


def test_editors_apply_the_schema_to_every_tree_file_without_a_line_in_it():
    """VS Code (and github.dev) with the recommended YAML extension read these settings: every
    file in decision_tree/ gets hover help and red underlines, including a brand-new one."""
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./decision_tree/schema.json": "decision_tree/*.yml"}
    recommended = json.loads((PROJECT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended


def _agreement(text: str, tree_id: str = "test") -> tuple[bool, bool]:
    """(schema accepts, checker finds no structural problem) for a file that loads."""
    loaded = load_yaml(text.encode(), FILE)
    assert loaded.data is not None
    result = compile_text(text, tree_id=tree_id)
    structural = [problem for problem in result.problems if problem.code in STRUCTURE_CODES]
    return VALIDATOR.is_valid(loaded.data), not structural


@pytest.mark.parametrize("tree_file", sorted((PROJECT / "decision_tree").glob("*.yml")), ids=lambda path: path.name)
def test_schema_and_checker_both_accept_the_real_trees(tree_file):
    data = load_yaml(tree_file.read_bytes(), FILE).data
    assert list(VALIDATOR.iter_errors(data)) == []


def test_schema_and_checker_both_accept_the_base_tree():
    assert _agreement(BASE_TREE) == (True, True)


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=str)
def test_schema_rejects_exactly_the_structural_mistakes(example):
    schema_accepts, checker_accepts = _agreement(example.text, example.tree_id)
    assert schema_accepts == checker_accepts
    assert checker_accepts == (example.code not in STRUCTURE_CODES)


@pytest.mark.parametrize(
    "body, message",
    [
        ("Read [this](javascript:alert(1)).", "javascript:, vbscript: and data: links run code"),
        ("Read [this]( JaVaScRiPt:alert(1)).", "javascript:, vbscript: and data: links run code"),
        ("Read [this](data:text/html,hi).", "javascript:, vbscript: and data: links run code"),
        ("![logo](https://cdn.example.org/p.png)", "Images must be files of this site"),
        ("![logo](//cdn.example.org/p.png)", "Images must be files of this site"),
    ],
)
def test_the_editor_underlines_plainly_written_script_links_and_outside_images(body, message):
    # The build refuses these too (site_security), disguised forms included; the editor catches
    # the plain ones while the writer types, with the same advice.
    text = BASE_TREE.replace("body: Cosmetic care is not covered.", f"body: {json.dumps(body)}")
    data = load_yaml(text.encode(), FILE).data
    errors = list(VALIDATOR.iter_errors(data))
    assert errors, body
    assert any(message in error.schema.get("patternErrorMessage", "") for error in errors)
    assert compile_text(text).problems, "the build must refuse it as well"


def test_ordinary_links_and_own_images_pass_the_editor():
    body = "See [the IRS](https://www.irs.gov/), [appeal](if-you-are-denied.md), <help@example.org> and ![x](assets/x.png)."
    text = BASE_TREE.replace("body: Cosmetic care is not covered.", f"body: {json.dumps(body)}")
    assert list(VALIDATOR.iter_errors(load_yaml(text.encode(), FILE).data)) == []

"""The JSON form of the tree for the page's script."""

from __future__ import annotations

import json
from pathlib import Path

from decision_tree_compiler.compile_json import json_for_script
from decision_tree_compiler.compiler import compile_tree_file, page_src_uri
from decision_tree_compiler.pages import DocsFolder
from decision_tree_compiler.html_ids import answers_title_id, section_id
from decision_tree_compiler.page_text import SCRIPT_TEXT
from decision_tree_compiler.verdicts import VERDICTS

from .helpers import BASE_TREE, changed, compile_text

PROJECT = Path(__file__).resolve().parents[2]


def data(text: str = BASE_TREE) -> dict:
    result = compile_text(text)
    assert result.problems == []
    return result.compiled.data


def test_the_data_follows_the_contract():
    compiled = data()
    assert compiled["id"] == "test"
    assert compiled["title"] == "Test tree"
    assert compiled["start"] == "coverage"
    assert list(compiled["questions"]) == ["coverage", "reason"]
    assert compiled["questions"]["reason"] == {
        "text": "Why do you want it?",
        "options": [{"label": "Looks", "next": "looks"}, {"label": "Scar", "next": "scar"}],
    }
    assert list(compiled["outcomes"]) == ["medicare", "looks", "scar"]
    # Help, bodies and links stay in the HTML only: the script shows the sections that hold them.
    assert compiled["outcomes"]["medicare"] == {"verdict": "unlikely", "title": "Medicare does not pay"}
    assert compiled["verdicts"] == {
        verdict.id: {"label": verdict.label, "icon": verdict.icon, "colour": verdict.colour} for verdict in VERDICTS.values()
    }


def test_the_script_gets_its_ids_and_words_from_the_data():
    compiled = data()
    assert compiled["ids"]["section"].replace("{node}", "reason") == section_id("test", "reason")
    assert compiled["ids"]["answers_title"] == answers_title_id("test")
    assert compiled["text"] == SCRIPT_TEXT


def test_remaining_is_the_most_questions_left_from_each_question():
    pages = DocsFolder(PROJECT / "docs", page_src_uri("coverage"), folder="docs/")
    result = compile_tree_file(PROJECT / "decision_tree" / "coverage.yml", file="decision_tree/coverage.yml", pages=pages)
    compiled = result.compiled.data  # the real tree
    questions = compiled["questions"]

    def most_questions_from(node: str) -> int:  # the definition, by brute force on a small tree
        question = questions.get(node)
        return 0 if question is None else 1 + max(most_questions_from(option["next"]) for option in question["options"])

    assert compiled["remaining"] == {question_id: most_questions_from(question_id) for question_id in questions}
    assert compiled["remaining"][compiled["start"]] == compiled["max_questions"]


def test_max_questions_is_the_longest_path_in_questions():
    assert data()["max_questions"] == 2
    longer = changed(
        "outcomes:\n",
        "  extra:\n    text: One more?\n    options:\n      - label: A\n        next: scar\n"
        "      - label: B\n        next: looks\noutcomes:\n",
        changed("next: scar\n", "next: extra\n"),
    )
    assert data(longer)["max_questions"] == 3


def test_json_for_script_escapes_what_could_end_the_script_element():
    value = {"label": "</script><!-- & \u2028\u2029 >"}
    text = json_for_script(value)
    for dangerous in ("<", ">", "&", "\u2028", "\u2029"):
        assert dangerous not in text
    assert json.loads(text) == value


def test_json_for_script_keeps_other_text_readable():
    assert json_for_script({"a": "café “quoted”"}) == '{"a":"café “quoted”"}'

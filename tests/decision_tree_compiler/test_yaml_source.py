"""The safe loader: YAML mistakes become messages, never tracebacks, booleans or code."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from decision_tree_compiler.problems import Position
from decision_tree_compiler.yaml_depth import MAX_DEPTH
from decision_tree_compiler.yaml_source import LIBYAML, YamlMapping, YamlSequence, load_yaml, load_yaml_file, position_in_text

from .helpers import BASE_TREE, FILE, changed, codes, compile_text, locate


def load(text: str | bytes):
    return load_yaml(text.encode("utf-8") if isinstance(text, str) else text, FILE)


def only(loaded):
    assert len(loaded.problems) == 1, [str(problem) for problem in loaded.problems]
    return loaded.problems[0]


def test_libyaml_is_used():
    assert LIBYAML, "PyYAML without libyaml: loading would be several times slower"


def test_yes_no_on_off_and_dates_stay_the_text_that_was_written():
    loaded = load("a: yes\nb: No\nc: on\nd: OFF\ne: 2025-01-01\nf: 1.5\ng: 0x1F\nh: ~\ni:\nj: null\nk: 'null'\n")
    assert loaded.problems == []
    assert loaded.data == {
        "a": "yes", "b": "No", "c": "on", "d": "OFF", "e": "2025-01-01", "f": "1.5", "g": "0x1F",
        "h": None, "i": None, "j": None, "k": "null",
    }


def test_an_unquoted_yes_label_compiles_to_the_string_yes():
    result = compile_text(changed("label: Looks", "label: yes", changed("label: Scar", "label: no")))
    assert result.problems == []
    labels = [option["label"] for option in result.compiled.data["questions"]["reason"]["options"]]
    assert labels == ["yes", "no"]


def test_tabs_in_indentation_are_each_reported():
    problems = load("a:\n\tb: 1\n\tc: 2\n").problems
    assert [(problem.line, problem.column, problem.code) for problem in problems] == [
        (2, 1, "tab-indentation"),
        (3, 1, "tab-indentation"),
    ]
    assert "indented with a tab; YAML indentation must use spaces. Replace the tab with spaces" in str(problems[0])


def test_a_tab_between_a_key_and_its_value_is_allowed():
    # YAML allows tabs as separation (not indentation): nothing to report.
    assert load("a:\t[1,\t2]\n").data == {"a": ["1", "2"]}


def test_an_unclosed_quote_is_reported_where_it_opens():
    text = "title: 'Will it pay\nstart: coverage\n"
    problem = only(load(text))
    assert (problem.line, problem.column) == (1, 8)
    assert str(problem) == (
        f"{FILE}:1:8: the quoted text that starts here is not closed on this line (' without a closing '), "
        "so YAML reads on into the lines below. Add the closing ' at the end of the text, or remove the opening one."
    )


def test_an_unclosed_quote_closed_far_below_is_still_reported_where_it_opens():
    """libyaml only stops where the runaway text finally meets another quote."""
    text = changed("label: Medicare", 'label: "Medicare', changed("body: Cosmetic care is not covered.", 'body: See "this".'))
    problem = only(load(text))
    assert (problem.line, problem.column, problem.code) == (*locate(text, '"Medicare'), "unclosed-quote")


def test_a_colon_inside_unquoted_text_is_explained():
    problem = only(load("title: Note: this breaks\n"))
    assert (problem.line, problem.column, problem.code) == (1, 8, "text-needs-quotes")
    assert problem.fix == 'Put the whole text in double quotes: title: "Note: this breaks"'


@pytest.mark.parametrize("sign", ["*", "&", "!", "|", ">", "- ", "%", "@", "`", "? "])
def test_text_starting_with_a_yaml_sign_is_told_to_go_in_quotes(sign):
    text = changed("label: Looks", f"label: {sign}Looks")
    problems = compile_text(text).problems
    assert problems, sign
    problem = problems[0]
    assert (problem.line, problem.column) == tuple(locate(text, f"{sign}Looks")), str(problem)
    assert "put" in str(problem).lower() and "quotes" in str(problem), str(problem)
    assert "block sequence" not in str(problem) and "alphabetic" not in str(problem)


def test_every_mistake_that_can_be_mended_is_reported_in_one_run():
    text = changed("label: Looks", "label: * Looks", changed("label: Medicare", 'label: "Medicare', changed("title: Maybe", "title: Note: maybe")))
    problems = load(text).problems
    assert [(problem.line, problem.code) for problem in problems] == [
        (locate(text, '"Medicare').line, "unclosed-quote"),
        (locate(text, "* Looks").line, "text-needs-quotes"),
        (locate(text, "Note: maybe").line, "text-needs-quotes"),
    ]


def test_a_key_pulled_under_the_dash_of_its_item_is_told_where_to_go():
    text = changed("      - label: Medicare\n        next: medicare\n", "      - label: Medicare\n      next: medicare\n")
    problem = only(load(text))
    assert (problem.line, problem.column, problem.code) == (*locate(text, "next: medicare"), "misaligned-key")
    assert problem.message.startswith('"next:" is not lined up with "label:" on the line above')
    assert problem.fix == 'Indent "next:" so that it starts in column 9, right under "label:".' 


def test_bad_indentation_is_explained():
    problem = only(load("a:\n  b: 1\n c: 2\n"))
    assert problem.code == "yaml-syntax"
    assert problem.line == 3


def test_invalid_utf8_is_reported_at_the_bad_byte():
    problem = only(load("title: ok\nbody: caf\xe9 au lait\n".encode("latin-1")))
    assert (problem.line, problem.column, problem.code) == (2, 10, "not-utf8")
    assert "not valid UTF-8" in problem.message and "Save the file with the UTF-8 encoding" in problem.fix


def test_a_control_character_is_reported_with_its_position():
    problem = only(load("title: é\nbody: a\x07b\n"))
    assert (problem.line, problem.column, problem.code) == (2, 8, "control-character")


def test_a_utf8_byte_order_mark_is_fine():
    assert load(b"\xef\xbb\xbftitle: x\n").data == {"title": "x"}


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_an_empty_file_is_reported(text):
    problem = only(load(text))
    assert (problem.line, problem.column, problem.code) == (1, 1, "empty-file")
    assert "the file is empty." in str(problem)


def test_a_top_level_list_is_reported_by_the_structure_check():
    result = compile_text("- a\n- b\n")
    assert codes(result) == ["not-a-mapping"]


def test_two_documents_in_one_file_are_reported():
    problem = only(load("a: 1\n---\nb: 2\n"))
    assert problem.line == 2
    assert "more than one YAML document" in problem.message


def test_duplicate_keys_are_reported_at_every_level():
    text = changed("    title: Maybe\n", "    title: Maybe\n    title: Perhaps\n", changed("start: coverage\n", "start: coverage\nstart: reason\n"))
    result = compile_text(text)
    duplicates = [problem for problem in result.problems if problem.code == "duplicate-key"]
    assert [(problem.line, problem.column) for problem in duplicates] == [
        tuple(locate(text, "start: reason")),
        tuple(locate(text, "title: Perhaps")),
    ]
    assert 'the key "start" is written twice in the same place (first on line 2)' in str(duplicates[0])


def test_duplicate_question_ids_are_reported():
    text = changed("  reason:\n", "  coverage:\n")
    result = compile_text(text)
    assert "duplicate-key" in codes(result)


def test_a_python_tag_is_refused_and_never_runs(tmp_path):
    marker = tmp_path / "ran"
    text = f"title: !!python/object/apply:os.system ['touch {marker}']\nstart: x\n"
    loaded = load(text)
    assert not marker.exists()
    tag_problems = [problem for problem in loaded.problems if problem.code == "yaml-tag"]
    assert len(tag_problems) == 1
    assert (tag_problems[0].line, tag_problems[0].column) == (1, 8)
    assert '"!!python/object/apply:os.system" is not allowed' in tag_problems[0].message


@pytest.mark.parametrize("tagged", ["!!str x", "!!binary aGk=", "!custom x", "!!map {a: 1}", "!!set {a}"])
def test_every_explicit_tag_is_refused(tagged):
    assert [problem.code for problem in load(f"a: {tagged}\n").problems] == ["yaml-tag"]


def test_a_tag_inside_a_whole_tree_is_reported_with_the_other_problems():
    result = compile_text(changed("label: Looks", "label: !!python/name:os.system ''"))
    assert "yaml-tag" in codes(result)
    assert result.compiled is None


def billion_laughs(levels: int = 9) -> bytes:
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{aliases}]")
    return ("\n".join(lines) + "\n").encode()


def test_an_alias_bomb_fails_fast_and_small():
    tracemalloc.start()
    started = time.perf_counter()
    loaded = load(billion_laughs())
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # 9**10 (3.5 billion) strings if expanded; generous bounds, not a timing test.
    assert seconds < 2.0
    assert peak < 20 * 1024 * 1024
    assert loaded.data is None
    problem = only(loaded)
    assert problem.code == "yaml-alias-expansion"
    assert "alias bomb" in problem.message


def test_a_few_aliases_are_fine_and_shared_not_copied():
    loaded = load("common: &options [{label: A, next: a}, {label: B, next: b}]\nq1: *options\nq2: *options\n")
    assert loaded.problems == []
    assert loaded.data["q1"] == loaded.data["common"]
    assert loaded.data["q1"] is loaded.data["q2"]


def test_a_recursive_alias_is_refused():
    problem = only(load("a: &loop\n  - *loop\n"))
    assert problem.code == "yaml-recursive-alias"


def test_an_undefined_alias_is_explained():
    problem = only(load("a: *nothing\n"))  # in a tree, almost always text that starts with *
    assert "alias" in problem.message and problem.fix == 'Put the whole text in double quotes: a: "*nothing"'
    problem = only(load("a:\n  - *nothing\n"))
    assert "not defined above it" in problem.message


def test_nesting_up_to_the_cap_loads_and_deeper_is_refused_with_a_location():
    # Building values is iterative, so the cap (yaml_depth.py) is what protects libyaml's composer.
    depth = MAX_DEPTH - 1  # the top-level keys are the first level
    loaded = load("a: " + "[" * depth + "]" * depth + "\n")
    assert loaded.problems == []
    value = loaded.data["a"]
    for _ in range(depth - 1):
        value = value[0]
    assert value == []
    problem = only(load("a: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert (problem.line, problem.column, problem.code) == (1, 3 + MAX_DEPTH, "yaml-too-deep")


def test_complex_keys_are_refused():
    problem = only(load("? [a, b]\n: c\n"))
    assert problem.code == "complex-key"


def test_every_value_knows_where_it_was_written():
    loaded = load(BASE_TREE)
    root = loaded.data
    assert isinstance(root, YamlMapping)
    questions = root["questions"]
    options = questions["reason"]["options"]
    assert isinstance(options, YamlSequence)
    assert questions.key_position("reason") == locate(BASE_TREE, "reason:")
    assert options.item_position(1) == locate(BASE_TREE, "label: Scar")
    assert options[1].value_position("next") == locate(BASE_TREE, "scar\n")
    assert root.value_position("start") == locate(BASE_TREE, "coverage\n")


def test_positions_inside_a_literal_block():
    loaded = load(BASE_TREE)
    body = loaded.data["outcomes"]["scar"]
    node = body.value_node("body")
    index = body["body"].index("if-you-are")
    assert position_in_text(node, index, BASE_TREE.split("\n")) == locate(BASE_TREE, "if-you-are")


def test_positions_inside_a_plain_one_line_value():
    text = "help: See [x](nope.md) now\n"
    node = load(text).data.value_node("help")
    assert position_in_text(node, "See [x](nope.md) now".index("nope"), text.split("\n")) == Position(1, 15)


def test_a_missing_file_is_a_message_not_a_traceback(tmp_path):
    loaded = load_yaml_file(tmp_path / "nope.yml", "decision_tree/nope.yml")
    assert loaded.data is None
    assert str(loaded.problems[0]).startswith("decision_tree/nope.yml:1:1: the file cannot be read")

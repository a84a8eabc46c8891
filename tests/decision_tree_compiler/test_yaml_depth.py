"""Deep nesting is refused before libyaml's recursive composer can overflow the C stack.

Inputs that would crash the composer are given to nesting_problem() only, which never composes,
so a regression fails a test instead of killing pytest. The loader itself meets them in
subprocesses: test_fuzz_loader.py here, and tests/hardening/test_bad_input.py with a real build.
"""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_tree_compiler.yaml_depth import MAX_DEPTH, depth_bound, nesting_problem
from decision_tree_compiler.yaml_source import load_yaml

from .helpers import BASE_TREE, FILE
from tests.project_copy import PROJECT_ROOT


def real_depth(data: bytes) -> int:
    """The deepest nesting of collections, by libyaml's own (iterative) parser."""
    depth = deepest = 0
    for event in yaml.parse(data, Loader=yaml.CSafeLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return deepest


def refused(data: bytes):
    problem = nesting_problem(data, FILE)
    assert problem is not None and problem.code == "yaml-too-deep"
    return problem


def test_the_real_trees_take_the_fast_path():
    for path in sorted((PROJECT_ROOT / "decision_tree").glob("*.yml")):
        assert depth_bound(path.read_bytes()) <= MAX_DEPTH, path


def test_thirty_thousand_open_brackets_are_refused_where_the_limit_is_crossed():
    problem = refused(b"title: " + b"[" * 30_000)
    # The file's keys are the first level, so the 100th "[" (column 8 + 99) is one too many.
    assert (problem.line, problem.column) == (1, 8 + MAX_DEPTH - 1)
    assert f"nested more than {MAX_DEPTH} levels deep" in problem.message
    assert "brackets [ ] or { }" in problem.fix


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"a: " + b"{a: " * 30_000, id="flow mappings"),
        pytest.param(b"- " * 30_000 + b"x", id="compact block lists"),
        pytest.param(b"? " * 30_000 + b"x", id="complex keys"),
        pytest.param(b"a:\n" + b"".join(b" " * n + b"a:\n" for n in range(1, 2_000)), id="indentation"),
        pytest.param(b"a:\r" + b"".join(b" " * n + b"a:\r" for n in range(1, 2_000)), id="indentation, CR line breaks"),
        pytest.param(
            b"a:\xc2\x85" + b"".join(b" " * n + b"a:\xc2\x85" for n in range(1, 2_000)), id="indentation, NEL line breaks"
        ),
        # Each closing bracket here is inside quotes or a comment, or part of a tag: a scanner that
        # took them for structure would think the file is flat.
        pytest.param(b'a: [' + b'"]", [' * 20_000, id="brackets in quotes"),
        pytest.param(b"a: [" + b"'x]', [" * 20_000, id="brackets in single quotes"),
        pytest.param(b"a: [" + b" # ]\n [" * 20_000, id="brackets in comments"),
        pytest.param(b"a: [" + b"!<]> [" * 20_000, id="brackets in verbatim tags"),
        pytest.param(b"\xef\xbb\xbf" + b"[" * 30_000, id="after a byte order mark"),
    ],
)
def test_hostile_nesting_is_refused(data: bytes):
    assert real_depth_at_least(data, MAX_DEPTH + 1)
    refused(data)


def real_depth_at_least(data: bytes, wanted: int) -> bool:
    depth = 0
    try:
        for event in yaml.parse(data, Loader=yaml.CSafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth >= wanted:
                    return True
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return False
    return False


def test_exactly_the_limit_is_allowed_and_one_more_is_not():
    at_limit = b"a: " + b"[" * (MAX_DEPTH - 1) + b"x" + b"]" * (MAX_DEPTH - 1)
    assert real_depth(at_limit) == MAX_DEPTH
    assert load_yaml(at_limit, FILE).problems == []
    over = b"a: " + b"[" * MAX_DEPTH + b"x" + b"]" * MAX_DEPTH
    assert refused(over).column == 4 + MAX_DEPTH - 1
    # Shallow enough to compose safely either way, so the loader itself can be asked here.
    loaded = load_yaml(over, FILE)
    assert loaded.data is None and [str(problem) for problem in loaded.problems] == [str(refused(over))]


def test_a_syntax_error_before_the_limit_is_explained_as_usual():
    # Deep enough to need libyaml's count, but broken at depth 4: the usual message, not "too deep".
    data = b"a: [[[ }\n" + b"b" * 10 + b"[" * 500
    assert depth_bound(data) > MAX_DEPTH and nesting_problem(data, FILE) is None
    codes = [problem.code for problem in load_yaml(data, FILE).problems]
    assert "yaml-syntax" in codes and "yaml-too-deep" not in codes


def test_text_full_of_brackets_loads_normally():
    # Brackets inside a Markdown body or a quoted label are text, however many there are.
    body = "\n".join(f"      {'[' * 150} and {']' * 150}" for _ in range(3))
    text = BASE_TREE.replace("title: Test tree", f"title: \"{'[' * 300}\"\nintro: |\n{body[2:]}", 1)
    loaded = load_yaml(text.encode(), FILE)
    assert loaded.problems == []
    assert loaded.data["title"] == "[" * 300


# --- the bound is a bound ----------------------------------------------------------------------

_SCALARS = st.sampled_from(["x", "'q]'", '"d]"', "a b", "[]", "{}", "''", "x # c ]"])
_VALUES = st.recursive(
    st.one_of(st.just("x"), st.text(alphabet="ab[]{}'\"#:,- ", max_size=6)),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(st.sampled_from("abc"), children, max_size=3)),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(value=_VALUES, style=st.sampled_from([None, True, False]), width=st.sampled_from([1, 20, 80]))
def test_the_bound_is_never_below_the_real_depth(value, style, width):
    # PyYAML writes the same data in block, flow and mixed styles, with quotes where needed.
    data = yaml.safe_dump(value, default_flow_style=style, width=width, allow_unicode=True).encode()
    assert depth_bound(data, limit=10_000) >= real_depth(data)


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(["[", "{", "]", "}", ", ", "- ", "? ", ": ", "\n", " ", "'", '"', "#", "!<", ">", "x", "&a ", "*a", "\r", "\t"]), max_size=60))
def test_the_bound_holds_for_any_sequence_of_yaml_tokens(pieces):
    data = "".join(pieces).encode()
    depth = 0
    deepest = 0
    try:
        for event in yaml.parse(data, Loader=yaml.CSafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass  # the depth reached before the error is what the composer would have reached
    assert depth_bound(data, limit=10_000) >= deepest, json.dumps(data.decode())


def test_nesting_problem_is_none_for_ordinary_yaml():
    assert nesting_problem(BASE_TREE.encode(), FILE) is None

"""Fuzz worker: feeds random and hostile bytes to the loader and the whole check, in its own process.

Run by test_fuzz_loader.py as a subprocess, because the failure we guard against (a C stack
overflow in libyaml's composer) kills the process with SIGSEGV: no `except` and no in-process
test can see it. Before each input the worker writes it to --last-input, so that when the
process dies the test can show the input that killed it.

    PYTHONPATH=hooks:. python -m tests.decision_tree_compiler.fuzz_loader --examples 300 --last-input /tmp/x
    FUZZ_RANDOM=1 ... explores new inputs instead of the fixed, reproducible sequence.

Each input must give either data or problems, and every problem must read like one:
`file:line:column: message`, no control characters, no Python exception text.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_tree_compiler.compiler import compile_tree, page_src_uri
from decision_tree_compiler.pages import DocsFolder
from decision_tree_compiler.yaml_source import load_yaml

PROJECT = Path(__file__).resolve().parents[2]
FILE = "decision_tree/fuzz.yml"
SEED_TREE = (PROJECT / "decision_tree" / "coverage.yml").read_bytes()
PROBLEM_LINE = re.compile(r"decision_tree/fuzz\.yml:\d+:\d+: \S")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Pieces of YAML and Markdown that have broken parsers: structure, quoting, aliases, tags,
# odd line breaks and encodings, and raw HTML and links for the Markdown fields.
TOKENS = [
    "[", "]", "{", "}", ",", "- ", "? ", ": ", ":", "\n", "\r\n", "\r", " ", "  ", "\t", "#", "'", '"',
    "|", ">", "|-", ">+", "&a ", "*a", "<<: *a\n", "!!python/object:os.system ", "!<tag:x> ", "!x ",
    "%YAML 1.1\n", "---\n", "...\n", "\ufeff", "\x00", "\x85", "\u2028", "\u2029", "\x1b[31m",
    "\ud7ff", "é", "title: ", "start: coverage\n", "questions:\n", "outcomes:\n", "options:\n",
    "next: ", "label: ", "see: [", "body: |\n  ", "x", "yes", "~", "null", "0x1F", "2026-13-45",
    "<script>alert(1)</script>", "[a](javascript:alert(1))", "<help@example.org>", "![x](https://e.org/p.png)",
    "[x]: //e.org/y\n", "<img src=//e.org/p.png>", "&#x6a;avascript:", "> ", "1. ", "***", "`",
]
REPEATS = st.sampled_from([1, 1, 1, 2, 3, 10, 200, 30_000])
TOKEN_SOUP = st.lists(st.tuples(st.sampled_from(TOKENS), REPEATS), max_size=40).map(
    lambda pairs: "".join(token * count for token, count in pairs).encode("utf-8", "surrogatepass")
)


@st.composite
def mutated_tree(draw) -> bytes:
    """The real tree with a few slices cut, repeated or replaced by hostile pieces."""
    data = bytearray(SEED_TREE)
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = min(len(data), start + draw(st.integers(0, 200)))
        action = draw(st.sampled_from(["cut", "repeat", "insert", "byte"]))
        if action == "cut":
            del data[start:end]
        elif action == "repeat":
            data[start:start] = data[start:end] * draw(REPEATS)
        elif action == "insert":
            data[start:start] = draw(TOKEN_SOUP)
        elif data:
            data[min(start, len(data) - 1)] = draw(st.integers(0, 255))
    return bytes(data)


HOSTILE_BYTES = st.one_of(st.binary(max_size=300), TOKEN_SOUP, mutated_tree())


def check_one(data: bytes, pages) -> None:
    loaded = load_yaml(data, FILE)
    assert loaded.data is not None or loaded.problems, "neither data nor a problem"
    result = compile_tree(loaded, file=FILE, tree_id="fuzz", pages=pages)
    for problem in result.problems:
        shown = str(problem)
        assert PROBLEM_LINE.match(shown), shown
        assert not CONTROL.search(shown), repr(shown)
        assert "Traceback" not in shown and "Error(" not in shown, shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=300)
    parser.add_argument("--last-input", type=Path, required=True)
    arguments = parser.parse_args(argv)
    pages = DocsFolder(PROJECT / "docs", page_src_uri("fuzz"))

    @settings(
        max_examples=arguments.examples,
        deadline=None,
        database=None,
        derandomize=not os.environ.get("FUZZ_RANDOM"),
        suppress_health_check=list(HealthCheck),
    )
    @given(data=HOSTILE_BYTES)
    def fuzz(data: bytes) -> None:
        arguments.last_input.write_bytes(data)  # survives a SIGSEGV in the next line
        check_one(data, pages)

    fuzz()
    arguments.last_input.unlink(missing_ok=True)
    print(f"OK: {arguments.examples} inputs, no crash and no traceback.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

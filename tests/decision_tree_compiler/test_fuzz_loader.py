"""Random and hostile bytes never crash the loader or `check`, and never give a traceback.

Both run in subprocesses, so a crash in C code (SIGSEGV, exit -11/139) is seen as a failure
with the input that caused it, instead of killing the test run.
- Hypothesis (fuzz_loader.py): token soups, random bytes and mutations of the real tree,
  through load_yaml and the whole check and render.
- A byte-mutation corpus of the real tree through the `check` command a writer runs.
Both are seeded, so CI sees the same inputs every run; FUZZ_RANDOM=1 and FUZZ_EXAMPLES=N
explore further by hand.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

from tests.project_copy import PROJECT_ROOT

SEED_TREE = (PROJECT_ROOT / "decision_tree" / "coverage.yml").read_bytes()
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE_PIECES = [
    b"[" * 30_000, b"{a: " * 30_000, b"- " * 30_000, b"? " * 30_000, b"\t", b"\x00", b"\xff\xfe",
    b"\xef\xbb\xbf", b"\r", b"\xc2\x85", b"&a ", b"*a", b"*b", b"<<: *a\n", b"!!python/object/apply:os.system ['id']",
    b"'", b'"', b"#", b"|\n", b">-\n", b"---\n", b"...\n", b": ", b"- ", b"\n  ", b"\n" + b" " * 3_000 + b"x: y",
    b"<script>alert(1)</script>", b"[x](javascript:alert(1))", b"<help@example.org>",
]


def environment() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(PROJECT_ROOT / "hooks"), str(PROJECT_ROOT)]))


def died_from_a_signal(returncode: int) -> bool:
    return returncode < 0 or returncode >= 128


def test_hypothesis_inputs_never_crash_the_loader_or_the_check(tmp_path: Path):
    last_input = tmp_path / "last-input.yml"
    examples = os.environ.get("FUZZ_EXAMPLES", "300")
    result = subprocess.run(
        [sys.executable, "-m", "tests.decision_tree_compiler.fuzz_loader", "--examples", examples,
         "--last-input", str(last_input)],
        cwd=PROJECT_ROOT, env=environment(), capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0:
        shown = repr(last_input.read_bytes()[:500]) if last_input.exists() else "(none)"
        kind = "crashed (signal)" if died_from_a_signal(result.returncode) else "failed"
        raise AssertionError(
            f"The fuzz worker {kind} with exit code {result.returncode}.\nLast input: {shown}\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    assert result.stdout.startswith("OK:")


def mutations(count: int, seed: int = 8) -> list[bytes]:
    """Deterministic mutations of the real tree: cut, repeat or replace slices, flip bytes, splice hostile pieces."""
    rng = random.Random(seed)
    corpus = []
    for _ in range(count):
        data = bytearray(SEED_TREE)
        for _ in range(rng.randint(1, 3)):
            start = rng.randrange(len(data) + 1)
            end = min(len(data), start + rng.randint(0, 300))
            action = rng.choice(["cut", "repeat", "splice", "flip", "indent"])
            if action == "cut":
                del data[start:end]
            elif action == "repeat":
                data[start:start] = data[start:end] * rng.choice([2, 3, 50])
            elif action == "splice":
                data[start:start] = rng.choice(HOSTILE_PIECES)
            elif action == "flip" and data:
                data[min(start, len(data) - 1)] ^= 1 << rng.randrange(8)
            else:
                line_start = data.rfind(b"\n", 0, start) + 1
                data[line_start:line_start] = b" " * rng.choice([1, 2, 4])
        corpus.append(bytes(data))
    return corpus


def test_the_check_command_survives_a_mutation_corpus_of_the_real_tree(tmp_path: Path):
    folder = tmp_path / "decision_tree"
    folder.mkdir()
    files = []
    for number, data in enumerate(mutations(160)):
        path = folder / f"m-{number:03}.yml"
        path.write_bytes(data)
        files.append(str(path))
    result = subprocess.run(
        [sys.executable, "-m", "decision_tree_compiler", "--root", str(tmp_path), "--docs-dir",
         str(PROJECT_ROOT / "docs"), "check", *files],
        cwd=tmp_path, env=environment(), capture_output=True, text=True, timeout=600,
    )
    output = result.stdout + result.stderr
    assert not died_from_a_signal(result.returncode), f"check crashed with exit code {result.returncode}"
    assert result.returncode in (0, 1), output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    assert not CONTROL.search(output), repr(CONTROL.search(output))
    # Most mutations break the tree; each broken file is named with a line and column.
    located = set(re.findall(r"decision_tree/(m-\d{3})\.yml:\d+:\d+: ", result.stdout))
    assert len(located) > 100, result.stdout[-3000:]

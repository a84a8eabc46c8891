"""The page's script and stylesheet as the site serves them: the files in assets/, minified, with
verdict colours readable on both palettes."""

from __future__ import annotations

import re

from decision_tree_compiler.page_assets import (
    MIN_CONTRAST,
    SCRIPT,
    STYLESHEET,
    _DARK_BACKGROUND,
    _WHITE,
    _rgb,
    asset_files,
    contrast,
    dark_variant,
    source_files,
)
from decision_tree_compiler.page_text import SCRIPT_TEXT
from decision_tree_compiler.verdicts import VERDICTS


def test_verdict_colours_read_on_both_palettes():
    css = asset_files()[STYLESHEET]
    for verdict in VERDICTS.values():
        light, dark = verdict.colour, dark_variant(verdict.colour)
        assert contrast(_rgb(light), _WHITE) >= MIN_CONTRAST, verdict.id
        assert contrast(_rgb(dark), _DARK_BACKGROUND) >= MIN_CONTRAST, verdict.id
        assert f".dt-verdict-{verdict.id}{{--dt-verdict:{light}}}" in css
        assert f"[data-md-color-scheme=slate] .dt-verdict-{verdict.id}{{--dt-verdict:{dark}}}" in css


def test_the_served_files_are_the_sources_minified():
    sources, served = source_files(), asset_files()
    assert set(served) == set(sources) == {SCRIPT, STYLESHEET}
    for path in served:
        assert len(served[path]) < len(sources[path]) * 0.7, path
        assert "/*" not in served[path], path  # no comment left
    assert "document$" in served[SCRIPT]
    # Both stylesheets are in the one file, the drawing's too.
    assert ".dt-map-layers" in served[STYLESHEET] and ".dt-diagram-scroll" in served[STYLESHEET]
    # Minifying keeps what the script does: every string and every selector it uses.
    code = re.sub(r"/\*.*?\*/|(?<=\s)//[^\n]*", "", sources[SCRIPT], flags=re.S)  # the comments' words may go
    for literal in re.findall(r'"(?:[^"\\\n]|\\.)*"', code):
        assert literal in served[SCRIPT], literal


def test_the_script_writes_no_sentence_of_its_own():
    # Its words come from the page's JSON (page_text.py): none of them is in the script.
    script = source_files()[SCRIPT]
    for key, text in SCRIPT_TEXT.items():
        for words in re.split(r"\{\w+\}", text):
            words = words.strip()
            if any(letter.isalpha() for letter in words) and words != key:
                assert f'"{words}"' not in script and (" " not in words or words not in script), words

"""The closed set of verdicts."""

from __future__ import annotations

import re

from decision_tree_compiler.tree_format import ID_RE
from decision_tree_compiler.verdicts import VERDICTS


def _luminance(colour: str) -> float:
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_set_is_small_and_closed():
    assert list(VERDICTS) == ["unlikely", "possible", "ask-first", "alternatives"]


def test_each_verdict_has_an_id_label_icon_colour_and_meaning():
    for verdict_id, verdict in VERDICTS.items():
        assert verdict.id == verdict_id and ID_RE.match(verdict_id)
        assert verdict.label and verdict.meaning
        assert verdict.icon.strip()
        assert re.fullmatch(r"#[0-9a-f]{6}", verdict.colour)


def test_labels_and_icons_tell_verdicts_apart_without_colour():
    assert len({verdict.label for verdict in VERDICTS.values()}) == len(VERDICTS)
    assert len({verdict.icon for verdict in VERDICTS.values()}) == len(VERDICTS)


def test_colours_are_readable_as_text_on_white():
    for verdict in VERDICTS.values():
        contrast = 1.05 / (_luminance(verdict.colour) + 0.05)
        assert contrast >= 4.5, f"{verdict.id}: {contrast:.2f}"

"""The page's own script and stylesheet, ready to be added to the site as generated files.

The stylesheet is assets/decision-tree.css and assets/decision-tree-diagram.css (the drawn
flowchart), one file on the site, followed by one small rule per verdict, generated
here from verdicts.py so a verdict's colour is written in exactly one place. The dark palette
gets a lighter variant of each colour, computed to keep 4.5:1 contrast on Material's dark
background instead of being picked by hand.
"""

from __future__ import annotations

import colorsys
from pathlib import Path

import rcssmin
import rjsmin

from .verdicts import VERDICTS

ASSETS = Path(__file__).resolve().parent / "assets"
SCRIPT = "assets/decision-tree/decision-tree.js"
STYLESHEET = "assets/decision-tree/decision-tree.css"
"""Site paths of the two files; the hook adds them to every page (instant navigation)."""
STYLESHEET_PARTS = ("decision-tree.css", "decision-tree-diagram.css")

# Material's slate palette: hsl(225 15% 14%) is --md-default-bg-color; cards and code blocks
# use 18% lightness. Verdict text must stay readable on the lighter of the two.
_DARK_BACKGROUND = colorsys.hls_to_rgb(225 / 360, 0.18, 0.15)
_WHITE = (1.0, 1.0, 1.0)
MIN_CONTRAST = 4.5


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)


def _luminance(rgb) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second) -> float:
    """WCAG contrast ratio of two sRGB colours given as 0..1 triples."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def dark_variant(hex_colour: str) -> str:
    """The colour mixed with white, step by step, until it reads on the dark background."""
    rgb = _rgb(hex_colour)
    for step in range(21):
        share = step / 20
        mixed = tuple(channel + (1 - channel) * share for channel in rgb)
        if contrast(mixed, _DARK_BACKGROUND) >= MIN_CONTRAST:
            return _hex(mixed)
    return "#ffffff"


def verdict_css() -> str:
    """--dt-verdict for each verdict's outcome section and flowchart card, light and dark."""
    rules = []
    for verdict in VERDICTS.values():
        rules.append(f".dt-verdict-{verdict.id}{{--dt-verdict:{verdict.colour}}}")
        rules.append(
            f"[data-md-color-scheme=slate] .dt-verdict-{verdict.id}{{--dt-verdict:{dark_variant(verdict.colour)}}}"
        )
    return "\n".join(rules) + "\n"


def source_files() -> dict[str, str]:
    """Site path -> text of the script and the stylesheet as written, comments and all."""
    return {
        SCRIPT: (ASSETS / "decision-tree.js").read_text(encoding="utf-8"),
        STYLESHEET: "".join((ASSETS / name).read_text(encoding="utf-8") for name in STYLESHEET_PARTS) + verdict_css(),
    }


def asset_files() -> dict[str, str]:
    """Site path -> text of the script and the stylesheet as the site serves them: minified by
    kept libraries (rjsmin, rcssmin), since comments and indentation were a third of their
    gzipped weight, and the page's own assets must stay under 10 KB gzipped together."""
    sources = source_files()
    return {SCRIPT: rjsmin.jsmin(sources[SCRIPT]) + "\n", STYLESHEET: rcssmin.cssmin(sources[STYLESHEET]) + "\n"}

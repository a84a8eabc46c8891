"""The closed set of verdicts an outcome can give. This is the only place they are defined.

Everything else (the checker's list of allowed values, schema.json, the page's labels,
icons and colours, the writers' documentation) is derived from VERDICTS.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    id: str
    label: str
    """Shown to readers next to the icon, so the verdict never relies on colour alone."""
    icon: str
    """A text symbol from common system fonts: no icon font or image request needed."""
    colour: str
    """Dark enough for 4.5:1 contrast as text on white; the page's stylesheet picks dark-mode variants."""
    meaning: str
    """For writers: when to choose this verdict (editor hover help and CONTRIBUTING.md)."""
    rank: int
    """How good the news is for the reader: higher means insurance is more likely to pay. Used by
    the check of `ranked: strongest-first` questions (a stronger answer never gets a lower rank)."""


VERDICTS: dict[str, Verdict] = {
    verdict.id: verdict
    for verdict in (
        Verdict(
            id="unlikely",
            label="Unlikely to be covered",
            icon="\u2715",  # ✕
            colour="#b3261e",
            meaning="Insurance almost certainly will not pay: the treatment is cosmetic, "
            "experimental, or excluded by the plan or by law.",
            rank=0,
        ),
        Verdict(
            id="possible",
            label="Possible with strong documentation",
            icon="\u2713",  # ✓
            colour="#146c43",
            meaning="Insurance might pay if the reader's doctor documents a medical need "
            "that meets the insurer's own policy.",
            rank=2,
        ),
        Verdict(
            id="ask-first",
            label="Ask your insurer first",
            icon="?",
            colour="#0b57d0",
            meaning="The reader should get prior authorization or a written predetermination "
            "before treatment, and keep the reference number.",
            rank=3,
        ),
        Verdict(
            id="alternatives",
            label="Ask about covered alternatives",
            icon="\u21c4",  # ⇄
            colour="#7a4a00",
            meaning="Microneedling itself is unlikely to be paid for, but a different "
            "treatment for the same problem may be covered.",
            rank=1,
        ),
    )
}

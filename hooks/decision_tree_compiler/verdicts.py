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
            label="Unlikely to be paid by insurance",
            icon="\u2715",  # ✕
            colour="#b3261e",
            meaning="Insurance almost certainly will not pay: the care is cosmetic or experimental, "
            "the plan or the law excludes it, the reader has no coverage, or nothing the reader said "
            "gives a covered reason.",
            rank=0,
        ),
        Verdict(
            id="possible",
            label="Possible with strong documentation",
            icon="\u2713",  # ✓
            colour="#146c43",
            meaning="The best case: the insurer's own policy lists microneedling for the reader's "
            "problem, so it might pay if the doctor's records meet each point of that policy. "
            "The reader should still get prior authorization in writing.",
            rank=3,
        ),
        Verdict(
            id="ask-first",
            label="It depends: find out first",
            icon="?",
            colour="#0b57d0",
            meaning="The neutral verdict. The guide cannot judge the case yet: it turns on something "
            "the reader still has to find out (the kind of coverage, what the treatment is for) or on "
            "rules the guide cannot see (another insurer paying for an injury, another country, a "
            "short-term plan's own policy). It ranks below every verdict for a case with a medical "
            "reason, so not knowing never looks better than a documented case.",
            rank=1,
        ),
        Verdict(
            id="alternatives",
            label="Ask about covered alternatives",
            icon="\u21c4",  # ⇄
            colour="#7a4a00",
            meaning="The reader has, or may have once a doctor writes it down, a medical reason "
            "that the reader's kind of coverage recognises, but microneedling itself is unlikely to be "
            "paid for. A different treatment for the same problem may be covered.",
            rank=2,
        ),
    )
}

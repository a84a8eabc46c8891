"""Where in the source a finding was written: the first appearance of one of its needles.

Findings come from rendered HTML; writers need the place in what they wrote. Each finding
carries the strings it came from (html_findings.Finding.needles); the first that appears in the
source, ignoring letter case, gives the place. A string that appears several times gives the
next appearance each time it is asked for, so two findings about the same address point at
the two places it was written.
"""

from __future__ import annotations

from .html_findings import Finding


class NeedleLocator:
    def __init__(self, source: str, start: int = 0):
        self._lower = source.lower()
        self._start = start
        self._next: dict[str, int] = {}

    def index_of(self, finding: Finding) -> int:
        """The index in the source where the finding was written (start if it cannot be told)."""
        return self.find(finding)[0]

    def find(self, finding: Finding) -> tuple[int, int]:
        """Where the finding was written and how long that piece is ((start, 0) if not found)."""
        for needle in finding.needles:
            key = needle.lower()
            index = self._lower.find(key, self._next.get(key, self._start))
            if index < 0:
                index = self._lower.find(key, self._start)  # every appearance used: the first one
            if index >= 0:
                self._next[key] = index + 1
                return index, len(needle)
        return self._start, 0

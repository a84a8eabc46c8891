"""html.escape with a memory.

A tree page writes the same strings several times (a question's text in its section, on its
flowchart card and in every flowchart link to it; each verdict's label on every outcome), so
escaping each distinct string once keeps rendering a very large tree fast. Bounded, so that a
long `mkdocs serve` session does not keep every string it ever saw.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape as _escape

escape = lru_cache(maxsize=1 << 16)(_escape)

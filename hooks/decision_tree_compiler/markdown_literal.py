"""Text from a tree written into Markdown that others render: shown as written, never read as markup.

The pull-request summary (changed_paths.py) goes into the run's Summary page, which GitHub
renders as GitHub Flavored Markdown, and the path tables (path_table.py) are Markdown too. A
label is untrusted text: `A scar <!-- [Approve](https://evil.example/)` would otherwise hide the
rest of the summary behind an HTML comment and make a link. Backslash escapes are not enough:
GitHub turns any `www.x.y`, `https://...` or `a@b.c` in plain text into a link, escapes or not.

So every label, title, file name and git ref goes into a code span, inside which nothing is
markup (no HTML, link, emphasis, entity or autolink). Ids that are ids as the schema allows them
(lowercase letters, digits, hyphens) cannot be markup and stay plain, so the usual summary
reads "coverage: `Job plan`".
"""

from __future__ import annotations

import re

from .tree_format import ID_RE
from .unseen_characters import one_line

_BACKTICKS = re.compile("`+")


def code_span(text: str) -> str:
    """text as a Markdown code span, on one line, with unseen characters shown as U+XXXX.

    The fence is one backtick longer than the longest run of backticks in the text, so none
    ends it early; a text that starts or ends with a backtick or a space gets a space on each
    side, which Markdown takes off again (CommonMark, "Code spans")."""
    text = one_line(text)
    if not text.strip():  # only spaces (or nothing): Markdown keeps them as they are
        return f"`{text or ' '}`"
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text[0] in "` " or text[-1] in "` " else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def shown_id(text: str) -> str:
    """An id as written when it is a valid id (it then cannot be markup), else a code span."""
    return text if ID_RE.match(text) else code_span(text)


def table_cell(markdown: str) -> str:
    """A piece of Markdown for a table cell: a `|` would end the cell even inside a code span
    (GitHub's table extension splits rows first), so it is written `\\|`, which shows as `|`."""
    return markdown.replace("|", "\\|")

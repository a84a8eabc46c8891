"""The problems of a page as HTML at its top, for the preview (`python3 dev.py serve`).

Like a development server's error overlay: the writer sees on the page they are looking at
which file, line and column, what is wrong and what to do, and the page comes back as soon as
the next save fixes it. Everything from the files is escaped; the banner carries its own
style attributes because it only ever appears in the preview, which has no
Content-Security-Policy (the built site never shows it).
"""

from __future__ import annotations

from html import escape

from decision_tree_compiler.problems import Problem, excerpt, hidden_note, shown_problems
from decision_tree_compiler.unseen_characters import one_line

_BOX = (
    "border:3px solid #b3261e;border-radius:6px;padding:0.8em 1em;margin:0 0 1.5em;"
    "background:#fff4f3;color:#1f1f1f;font-size:0.8rem"
)
_CODE = "white-space:pre;overflow-x:auto;background:#fff;color:#1f1f1f;padding:0.4em;margin:0.3em 0;font-size:0.75rem"


def _one(problem: Problem) -> str:
    where = f"{problem.file}:{problem.line}:{problem.column}"
    shown = "\n".join(excerpt(problem))
    code = f'<pre style="{_CODE}">{escape(shown)}</pre>' if shown else ""
    return (
        f"<li><p><strong><code>{escape(where)}</code></strong>: {escape(problem.message)}</p>{code}"
        f"<p>What to do: {escape(problem.fix)}</p></li>"
    )


def problems_banner(here: list[Problem], elsewhere: int = 0) -> str:
    """The banner for a page with problems (here), noting how many other files have some."""
    count = len(here)
    heading = f"This page has {count} problem{'s' if count != 1 else ''} to fix" if here else "Other files have problems"
    shown, hidden = shown_problems(here)
    items = "".join(_one(problem) for problem in shown)
    items += "".join(f"<li><p>{escape(hidden_note(file, count))}</p></li>" for file, count in sorted(hidden.items()))
    other = (
        f"<p>{elsewhere} more problem{'s' if elsewhere != 1 else ''} in other files: see those pages or the terminal.</p>"
        if elsewhere
        else ""
    )
    return (
        f'<div class="writer-problems" role="alert" style="{_BOX}">'
        f'<h2 style="margin-top:0">{heading}</h2>'
        f"{f'<ol>{items}</ol>' if items else ''}{other}"
        "<p>Save the file again after fixing it: this page reloads by itself.</p></div>"
    )


def broken_tree_page(tree_file: str) -> str:
    """The Markdown of a tree's page while its file has problems (the build stops anyway;
    the preview shows the problems above this).

    The file name came with the pull request: it goes in as escaped text inside a raw HTML
    block, which Markdown leaves alone, so `x![a](b.png){onerror=...}.yml` or
    `x[a](javascript:...).yml` is shown as a name, never read as an image or a link."""
    shown = escape(one_line(tree_file))
    return (
        "---\ntitle: Problems to fix\n---\n\n# Problems to fix\n\n"
        f"<p>This page is made from <code>{shown}</code>, which has problems. "
        "They are listed above and in the terminal. Fix them and save the file: the page comes back by itself.</p>\n"
    )

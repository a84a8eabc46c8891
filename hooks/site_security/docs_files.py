"""Which files docs/ may publish: an allow-list of kinds, nothing the theme or the build owns,
no links, nothing too large to read. Decided before anything reads a file.

MkDocs publishes every file in docs/ as it is (except Markdown pages, which it renders), and a
file there wins over the theme's file at the same place on the site. So without this list:
- docs/assets/javascripts/bundle.<hash>.min.js replaces Material's script on every page, and
  the policy's script-src 'self' lets it run;
- an .svg, .html, .xhtml, .xht, .shtml or .xml file is a page of this site with scripts of its
  own (a browser runs an SVG's <script> when it is opened or framed), and no policy;
- a symbolic link publishes whatever it points to (/etc/hostname), or makes the build read
  /dev/zero forever;
- a file name is written into pages (the address, the "edit this page" link), so it may use
  letters, digits, hyphens, underscores and dots only.

ALLOWED_KINDS is the list: pages, raster images and stylesheets (which the page check reads for
other-site addresses). Nothing a browser runs or opens as a page. A writer who needs another
kind asks a developer, who adds it here with the check it needs.

Plain Python, no MkDocs: hooks/docs_files_hook.py passes the files MkDocs found and the site
paths the theme and the build own.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath

from decision_tree_compiler.problems import START_OF_FILE, Problem, problem_at
from decision_tree_compiler.unseen_characters import code_point, first_unseen, kind_of

ALLOWED_KINDS = {
    ".md": "pages",
    ".png": "images",
    ".jpg": "images",
    ".jpeg": "images",
    ".gif": "images",
    ".webp": "images",
    ".css": "stylesheets",
}
"""File endings docs/ may hold (in any letter case), and what each is for."""
MAX_PAGE_BYTES = 60_000
"""The largest page today is docs/sources.md at 27,223 bytes; 60,000 leaves room to more than
double it. Python-Markdown slows down on some text in proportion to the square of its length
(markdown_cost.py refuses the worst of it), so a page has a size beyond which it is refused
before it is read."""
MAX_STYLESHEET_BYTES = 100_000
"""docs/assets/site.css is 1,566 bytes; a stylesheet is read whole for its url()s."""

_NAME_CHARACTER = re.compile(r"[A-Za-z0-9._/-]")
"""What file names may use: the address and the "edit this page" link are made from the name,
and the theme writes the latter into the page as it is (a name like '"><img onerror=...>.md')."""
_SCRIPTS = frozenset({".js", ".mjs", ".cjs", ".wasm"})
_OPENED_AS_PAGES = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt"})


def allowed_list() -> str:
    """"pages (.md), images (.png, .jpg, ...) and stylesheets (.css)", for messages."""
    groups: dict[str, list[str]] = {}
    for suffix, kind in ALLOWED_KINDS.items():
        groups.setdefault(kind, []).append(suffix)
    parts = [f"{kind} ({', '.join(suffixes)})" for kind, suffixes in groups.items()]
    return ", ".join(parts[:-1]) + f" and {parts[-1]}"


def first_link(docs_dir: Path, src_uri: str) -> str | None:
    """The first part of the path (relative to docs_dir) that is a symbolic link, or None."""
    path = Path(docs_dir)
    parts = PurePosixPath(src_uri).parts
    for index, part in enumerate(parts):
        path = path / part
        if path.is_symlink():
            return "/".join(parts[: index + 1])
    return None


def docs_file_problems(docs_dir: Path, src_uri: str, dest_uri: str, *, folder: str, reserved: dict[str, str]) -> list[Problem]:
    """Why the file docs_dir/src_uri may not be published (at most one problem), or [].

    folder is how messages name docs_dir ("docs/"); reserved maps the site paths the theme and
    the build own to what they are ("the theme's file"). Only file metadata is read."""
    shown = f"{folder}{src_uri}"
    odd = _NAME_CHARACTER.sub("", src_uri)
    if odd:
        unseen = first_unseen(odd)
        what = (
            f"{kind_of(odd[unseen])} ({code_point(odd[unseen])}), which can make it look like another name"
            if unseen >= 0 else f"{odd[0]!r}, which the theme would copy into the page's links as it is"
        )
        return [problem_at(
            shown, START_OF_FILE,
            f"the file name has {what}. File names in {folder} may use letters, digits, hyphens (-), "
            "underscores (_) and dots only.",
            "Rename the file, for example to my-page.md.",
            "file-name",
        )]
    link = first_link(docs_dir, src_uri)
    if link is not None:
        return [problem_at(
            f"{folder}{link}", START_OF_FILE,
            "this is a link to another file or folder (a symbolic link). The site publishes only what "
            "is in docs/ itself: a link could publish any file of the computer that builds the site.",
            "Replace the link with a copy of the file, or remove it.",
            "symbolic-link",
        )]
    try:
        status = os.lstat(Path(docs_dir) / src_uri)
    except OSError as error:
        return [problem_at(shown, START_OF_FILE, f"the file cannot be read ({error.strerror or error}).",
                           "Check that the file exists and that you can open it.", "unreadable-file")]
    if not stat.S_ISREG(status.st_mode):
        return [problem_at(shown, START_OF_FILE, "this is not an ordinary file (it is a device or a pipe).",
                           "Remove it.", "not-a-file")]
    suffix = PurePosixPath(src_uri).suffix.lower()
    if suffix not in ALLOWED_KINDS:
        if suffix in _SCRIPTS:
            why = "a script file would run on any page that loads it"
        elif suffix in _OPENED_AS_PAGES:
            why = "a browser opens it as a page of this site, where a script inside it could run"
        else:
            why = "the site publishes only the kinds of file it can check"
        kind = f'"{suffix}" files' if suffix else "files without an ending such as .md"
        return [problem_at(
            shown, START_OF_FILE,
            f"the site does not publish {kind} from {folder}: {why}.",
            f"Remove it. {folder} may hold {allowed_list()}. Save a drawing as a .png image; "
            "ask a developer if you need another kind of file.",
            "file-kind",
        )]
    owner = reserved.get(dest_uri)
    if owner is not None:
        return [problem_at(
            shown, START_OF_FILE,
            f'this file would take the place of {owner} at "{dest_uri}" on the site, which every page uses.',
            "Rename the file or move it to another folder, for example docs/images/.",
            "reserved-path",
        )]
    limit = MAX_PAGE_BYTES if suffix == ".md" else MAX_STYLESHEET_BYTES if suffix == ".css" else None
    if limit is not None and status.st_size > limit:
        what = "page" if suffix == ".md" else "stylesheet"
        return [problem_at(
            shown, START_OF_FILE,
            f"this {what} is {status.st_size:,} bytes long; a {what} may be at most {limit:,} bytes.",
            "Split it into two pages, each with its own line under nav: in mkdocs.yml."
            if suffix == ".md" else "Make it smaller, or split it in two.",
            "file-too-large",
        )]
    return []


def collision_problem(shown: str, dest_uri: str, owner: str) -> Problem:
    """A docs file and a file the build makes (owner) at the same place on the site."""
    return problem_at(
        shown, START_OF_FILE,
        f'this file would take the place of {owner} at "{dest_uri}" on the site, or be hidden by it.',
        "Rename the file or move it to another folder.",
        "reserved-path",
    )

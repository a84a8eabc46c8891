"""The pipeline: load -> check -> render, and the Markdown page the build hook adds to the site.

Each stage is its own function so the benchmark can time them one by one:
- load: bytes to data with positions (yaml_source.py);
- check: the structure (structure.py), the tree as a graph (checks.py), and the Markdown fields,
  rendered once here because their links can only be checked once rendered (rendered_fields.py);
- render: the page from the checked tree and its rendered fields; it never finds a problem.
Every problem in a file is collected before giving up, and the result says either "here is the
page" or "here is everything that is wrong", never both.
"""

from __future__ import annotations

import re
from html import escape
from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_tree, promise_problem
from .gc_pause import gc_paused
from .html_reading import TolerantHTMLParser
from .model import Tree
from .pages import Pages
from .problems import Problem, sorted_problems, with_source
from .render_html import PageContext, page_context, render_tree_html
from .rendered_fields import RenderedFields, render_fields
from .structure import read_tree
from .tree_format import MAX_QUESTIONS_ON_A_PATH
from .yaml_source import LoadedYaml, load_yaml, load_yaml_file

PAGE_FOLDER = "decision-tree"
"""Generated pages live at <docs>/decision-tree/<tree id>.md (never written to disk)."""
DESCRIPTION_LENGTH = 160


@dataclass
class CompiledTree:
    tree: Tree
    context: PageContext
    html: str
    """The root element (render_html.render_tree_html)."""
    page_markdown: str
    """Front matter, the H1 and the HTML: the content of the generated page."""

    @property
    def data(self) -> dict:
        return self.context.data


@dataclass
class CompileResult:
    compiled: CompiledTree | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def page_src_uri(tree_id: str) -> str:
    return f"{PAGE_FOLDER}/{tree_id}.md"


@dataclass
class CheckedTree:
    """What the check stage found: the model and its rendered fields (None when the file had no
    usable tree), and every problem."""

    tree: Tree | None
    fields: RenderedFields | None
    problems: list[Problem]


@gc_paused
def check_stage(
    loaded: LoadedYaml, *, file: str, tree_id: str, pages: Pages, path_limit: int | None = MAX_QUESTIONS_ON_A_PATH
) -> CheckedTree:
    """Structure, the tree as a graph, and the Markdown fields with their links.

    path_limit is the most questions a path may ask (None: no limit, for the benchmark's stress
    graphs, which are deep on purpose)."""
    problems = list(loaded.problems)
    if loaded.data is None:
        return CheckedTree(None, None, problems)
    tree, structure_problems = read_tree(loaded, file, tree_id)
    problems.extend(structure_problems)
    if tree is None:
        return CheckedTree(None, None, problems)
    problems.extend(check_tree(tree, pages, path_limit=path_limit))
    fields, link_problems = render_fields(tree, pages)
    problems.extend(link_problems)
    if not problems:
        broken_promise = promise_problem(tree)
        if broken_promise is not None:
            problems.append(broken_promise)
    return CheckedTree(tree, fields, problems)


@gc_paused
def render_stage(tree: Tree, fields: RenderedFields) -> CompiledTree:
    """The page of a tree that passed every check, from the fields the check stage rendered."""
    context = page_context(tree, fields)
    html = render_tree_html(context)
    return CompiledTree(tree, context, html, page_markdown(tree, html, fields.intro_html))


def compile_tree(
    loaded: LoadedYaml, *, file: str, tree_id: str, pages: Pages, path_limit: int | None = MAX_QUESTIONS_ON_A_PATH
) -> CompileResult:
    checked = check_stage(loaded, file=file, tree_id=tree_id, pages=pages, path_limit=path_limit)
    if checked.problems:
        return CompileResult(None, sorted_problems(with_source(checked.problems, loaded.text)))
    return CompileResult(render_stage(checked.tree, checked.fields))


def compile_tree_source(
    source: bytes, *, file: str, tree_id: str, pages: Pages, path_limit: int | None = MAX_QUESTIONS_ON_A_PATH
) -> CompileResult:
    return compile_tree(load_yaml(source, file), file=file, tree_id=tree_id, pages=pages, path_limit=path_limit)


def compile_tree_file(path: Path, *, file: str, pages: Pages) -> CompileResult:
    """Compile decision_tree/<id>.yml; file is how messages name it."""
    path = Path(path)
    return compile_tree(load_yaml_file(path, file), file=file, tree_id=path.stem, pages=pages)


# --- the generated page ----------------------------------------------------------------------

# Python-Markdown's backslash escapes: a title like "Scars *and* [more]" stays literal in the H1.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def _escape_heading(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape(" ".join(text.split()), quote=False))


class _TextOfHtml(TolerantHTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def yaml_text(text: str) -> str:
    """text as a YAML double-quoted scalar of printable ASCII only, which reads back exactly.

    MkDocs drops a page's whole front matter when PyYAML refuses it, and then renders the
    "title: ..." lines as Markdown on the page. PyYAML refuses C1 controls, U+FFFE and U+FFFF
    when they are written as themselves, but reads them (and everything else) from the escapes
    \\xXX, \\uXXXX and \\UXXXXXXXX. JSON's escapes would not do: PyYAML reads the two halves of
    an emoji's "\\ud83d\\ude00" as two lone surrogates, which cannot be written out as UTF-8."""
    parts = ['"']
    for character in text:
        code = ord(character)
        if character in '"\\':
            parts.append("\\" + character)
        elif 0x20 <= code < 0x7F:
            parts.append(character)
        elif code <= 0xFF:
            parts.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            parts.append(f"\\u{code:04x}")
        else:
            parts.append(f"\\U{code:08x}")
    parts.append('"')
    return "".join(parts)


def page_markdown(tree: Tree, html: str, intro_html: str | None) -> str:
    """Front matter, the title as H1, then the HTML as one raw block (no blank line inside it).

    Text values are written by yaml_text, so the front matter always reads back as written.
    """
    description = tree.description or (_plain_text(intro_html) if intro_html else "") or tree.title
    front_matter = [
        "---",
        f"title: {yaml_text(' '.join(tree.title.split()))}",
        f"description: {yaml_text(_shorten(description))}",
    ]
    if tree.last_reviewed:
        # Unquoted, so YAML reads a date, as in the guidance pages' front matter (the site shows it
        # as "November 27, 2026"). Safe: the checks accepted it as a real YYYY-MM-DD date.
        front_matter.append(f"last_reviewed: {tree.last_reviewed}")
    front_matter.append("---")
    return "\n".join(front_matter) + f"\n\n# {_escape_heading(tree.title)}\n\n{html}\n"

"""Markdown fields: the fast renderer matches Python-Markdown exactly, links are rewritten and checked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from decision_tree_compiler.markdown_fields import FieldHtml, MarkdownFields, _fast_render

from .helpers import FakePages, assert_problem, changed, compile_text, locate


def url_for(path: str) -> str | None:
    return {"a.md": "../../a/", "dir/b.md": "../../dir/b/"}.get(path)


def render(text: str) -> FieldHtml:
    return MarkdownFields(url_for).render(text)


_REFERENCE = MarkdownFields(url_for)
_IDENTITY = MarkdownFields(lambda path: path)  # compares the Markdown, not the link rewriting


def reference(text: str, fields: MarkdownFields = _REFERENCE) -> str:
    """Python-Markdown, configured as the fields use it, without the fast path."""
    fields._md.reset()
    return fields._md.convert(text)


def test_common_markdown_goes_through_the_fast_path():
    # What the real tree's fields use, including list items that continue on an indented line.
    text = "Read **this** and *that*, then `code`.\n\n1. One [link](a.md#top).\n2. Two,\n   continued.\n\nThen:\n\n- A\n- B\n"
    fast = _fast_render(text, lambda href: href)
    assert fast is not None
    assert render(text)[0] == reference(text)


def test_markdown_outside_the_subset_falls_back_to_python_markdown():
    for text in ("# Heading", "> quote", "a  \nb", "    code block", "snake_case", "A & B", "![img](a.md)", "[ref][1]\n\n[1]: a.md"):
        assert _fast_render(text, lambda href: href) is None, text
        assert render(text)[0] == reference(text)


def test_links_to_docs_files_are_rewritten_for_the_page():
    assert render("See [a](a.md) and [b](dir/b.md#part).")[0] == (
        '<p>See <a href="../../a/">a</a> and <a href="../../dir/b/#part">b</a>.</p>'
    )
    # The same through Python-Markdown (a heading forces the slow path).
    assert '<a href="../../dir/b/#part">b</a>' in render("# H\n\nSee [b](dir/b.md#part).")[0]


def test_outside_links_and_anchors_are_left_alone():
    html, unknown, missing_anchors, findings = render("[x](https://example.org/a.md) [y](#here) [z](mailto:a@b.c) [w](/abs.md)")
    assert unknown == [] and missing_anchors == [] and findings == []
    for href in ("https://example.org/a.md", "#here", "mailto:a@b.c", "/abs.md"):
        assert f'href="{href}"' in html


def test_links_to_missing_files_are_reported_by_both_paths():
    assert render("[x](nope.md)")[1] == ["nope.md"]
    assert render("# H\n\n[x](nope.md#a)")[1] == ["nope.md"]


def test_raw_html_in_a_field_is_shown_as_text():
    html = render('<script>alert(1)</script> <b onclick="x">bold</b>\n\n<div>block</div>').html
    assert "<script>" not in html and "<b " not in html and "<div>" not in html
    assert "&lt;script&gt;" in html


def test_an_unknown_link_in_a_tree_points_at_the_link():
    text = changed("help: Pick **one**.", "help: Pick one, see [this](nowhere.md).")
    result = compile_text(text)
    [problem] = result.problems
    assert problem.code == "unknown-link"
    assert (problem.line, problem.column) == tuple(locate(text, "nowhere.md"))
    assert problem.message == 'the help of question "reason" links to "nowhere.md", which is not a file in docs/.'


def test_links_in_the_intro_are_checked_too():
    text = changed("start: coverage\n", "start: coverage\nintro: Read [the basics](basics.md) first.\n")
    result = compile_text(text)
    assert [problem.code for problem in result.problems] == ["unknown-link"]
    assert result.problems[0].message.startswith("the intro links to")


# --- the fast path is exactly Python-Markdown, on generated texts ----------------------------

_WORDS = st.sampled_from(
    ["word", "plan", "Medicare's", "it's", "(see", "below)", "50%", "$100", "—", "“quoted”", '"q"', "e.g.",
     "x:", "a-b", "3.5", "1.", "2024.", "-", "#", "!", "?", "https://example.com", "*", "**", "_", "`", "[", "]",
     "&", "<b>", ">", "\\", "a*b", "**a**b", "(**b**)", "*a*.", "`x`,", "[l](a.md)!", "![i](a.md)"]
)
_TOKENS = st.one_of(
    _WORDS,
    st.builds(lambda word: f"**{word}**", st.sampled_from(["bold", "two words", "a.b"])),
    st.builds(lambda word: f"*{word}*", st.sampled_from(["em", "two words"])),
    st.builds(lambda word: f"`{word}`", st.sampled_from(["code", "a<b", "x & y", "*not em*"])),
    st.builds(lambda text, href: f"[{text}]({href})", st.sampled_from(["a link", "x"]),
              st.sampled_from(["a.md", "dir/b.md#part", "nope.md", "https://e.org/x"])),
)
_LINES = st.lists(_TOKENS, min_size=1, max_size=6).map(" ".join)
# A list item: its first line, then continuation lines indented by 0 to 4 spaces.
_ITEMS = st.tuples(_LINES, st.lists(st.tuples(st.integers(0, 4), _LINES), max_size=2)).map(
    lambda item: "\n".join([item[0], *(" " * indent + line for indent, line in item[1])])
)
_BLOCKS = st.one_of(
    st.lists(_LINES, min_size=1, max_size=3).map("\n".join),
    st.lists(_ITEMS, min_size=1, max_size=4).map(lambda items: "\n".join(f"{n + 1}. {item}" for n, item in enumerate(items))),
    st.lists(_ITEMS, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {item}" for item in items)),
    st.lists(_ITEMS, min_size=1, max_size=2).map(lambda items: "\n".join(f"{n + 2}. {item}" for n, item in enumerate(items))),
)
_TEXTS = st.tuples(
    st.lists(_BLOCKS, min_size=1, max_size=4), st.sampled_from(["\n\n", "\n\n\n"]), st.sampled_from(["", "\n"])
).map(lambda parts: parts[1].join(parts[0]) + parts[2])


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_fast_path_output_is_byte_for_byte_python_markdown(text):
    fast = _fast_render(text, lambda href: href)
    if fast is not None:
        assert fast == reference(text, _IDENTITY)


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_rendered_fields_equal_python_markdown_with_links_rewritten_and_checked(text):
    html, unknown, _, _ = render(text)
    assert html == reference(text)
    # A missing file is reported exactly when the text really links to it.
    assert ("nope.md" in unknown) == ('href="nope.md"' in html)


# --- links and images are held to the allow-list (site_security.urls) --------------------------

SCAR_LINK = "2. Read [the appeal steps](if-you-are-denied.md)."


def with_scar_step(step: str) -> str:
    return changed(SCAR_LINK, f"2. {step}")


def test_an_email_autolink_becomes_a_mailto_link():
    result = compile_text(with_scar_step("Write to <help@example.org> or call [us](tel:+15555550100)."))
    assert result.problems == []
    html = result.compiled.html
    assert "&#109;&#97;&#105;&#108;&#116;&#111;&#58;" in html  # mailto:, as Markdown hides it from spam robots
    assert 'href="tel:+15555550100"' in html


def test_a_script_link_is_refused_where_it_is_written_in_any_disguise():
    for href in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
                 "vbscript:x", "data:text/html,hi"):
        text = with_scar_step(f"Read [the steps]({href}).")
        assert_problem(compile_text(text), "link-scheme", locate(text, href),
                       'the body of outcome "scar" links to', "Links may go to a page of this site")


def test_a_reference_style_script_link_is_refused_on_its_definition():
    text = with_scar_step("Read [the steps][steps].\n\n      [steps]: JAVASCRIPT:alert(1)")
    assert_problem(compile_text(text), "link-scheme", locate(text, "JAVASCRIPT:alert(1)"), '"javascript:" link runs code')


def test_a_link_that_starts_with_two_slashes_is_refused():
    text = with_scar_step("Read [the steps](//evil.example/steps).")
    assert_problem(compile_text(text), "link-without-scheme", locate(text, "//evil.example/steps"), "https://")


def test_images_from_other_sites_are_refused_and_ordinary_links_stay():
    for image, address in (
        ("![x](https://cdn.example.org/p.png)", "https://cdn.example.org/p.png"),
        ("![x](//cdn.example.org/p.png)", "//cdn.example.org/p.png"),
        ("![x][p]\n\n      [p]: https://cdn.example.org/p.png", "https://cdn.example.org/p.png"),
    ):
        text = with_scar_step(f"See [the IRS](https://www.irs.gov/). {image}")
        assert_problem(compile_text(text), "other-origin", locate(text, address),
                       "from another site (cdn.example.org)", "docs/assets/")


def test_a_link_to_a_missing_anchor_is_reported_with_a_suggestion():
    pages = FakePages(anchors={"if-you-are-denied.md": frozenset({"internal-appeal", "external-review"})})
    text = changed("(if-you-are-denied.md)", "(if-you-are-denied.md#internal-apeal)")
    assert_problem(compile_text(text, pages=pages), "unknown-anchor", locate(text, "if-you-are-denied.md#internal-apeal"),
                   'has no heading or anchor "#internal-apeal"', 'Did you mean "#internal-appeal"?')
    good = changed("(if-you-are-denied.md)", "(if-you-are-denied.md#external-review)")
    assert compile_text(good, pages=pages).problems == []


def test_a_see_entry_with_a_missing_anchor_is_reported_on_its_line():
    pages = FakePages(anchors={"how-insurers-decide.md": frozenset({"medical-necessity"})})
    text = changed("see: [how-insurers-decide.md]", "see: [how-insurers-decide.md#nope]")
    assert_problem(compile_text(text, pages=pages), "unknown-anchor", locate(text, "how-insurers-decide.md#nope"),
                   'page 1 under "see:" of outcome "medicare"', 'no heading or anchor "#nope"')

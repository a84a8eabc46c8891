"""The bad-input table: hostile or broken things a pull request can contain, and how each ends.

To add a case, add a row to ROWS. A row is

    Row(where, text, outcome, words)

- where: "tree file"          text is a whole tree file (decision_tree/<name>.yml);
         "tree <dotted path>" text is the value of one field of a copy of coverage.yml, e.g.
                              "tree title", "tree outcomes.*.body" (* is the first outcome
                              that has a body), "tree outcomes.*.see.0",
                              "tree questions.coverage.options.1.label"
                              (a missing key is added to its group);
         "page"               text is written under the heading of a new guidance page;
         "page front matter"  text is more lines of that page's front matter (after
                              description: and last_reviewed:);
         "docs file .svg"     text is a whole file in docs/ with that ending (.svg, .html, .css),
                              which the site would publish as it is;
         "docs file a/b.png"  text is the whole of docs/a/b.png (a path instead of an ending).
- outcome: REJECTED       `mkdocs build --strict` fails, and (for tree rows) so does
                          `python3 dev.py check-tree`; a message names the row's file and a line of
                          what was written, and contains every one of `words`.
           SHOWN_AS_TEXT  the build passes and the page shows each of `words` as text.
           WORKS          the build passes and the page's HTML (character codes decoded) contains
                          each of `words`.
Every row also gets: no Python traceback and no control character in any output; and the pages
of rows that build are opened in Chromium, which must make no request to another origin, open
no dialog and log no error (tests/browser/test_bad_input_pages.py).

Rows are grouped so that the whole table costs three builds: rejected tree rows, rejected page
rows (a broken tree stops the build before pages are read), and everything that must build.
Each row has a file of its own, so one row's problem cannot hide another's.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest

from tests.hardening.bad_input_project import (
    ANSI,
    CONTROL,
    REJECTED,
    SHOWN_AS_TEXT,
    WORKS,
    Row,
    located_lines,
    run_group,
)

# Material's script and stylesheet, as this version of the theme names them (they carry a hash).
THEME_FILES = Path(material.__file__).parent / "templates" / "assets"
THEME_SCRIPT = next((THEME_FILES / "javascripts").glob("bundle.*.min.js")).relative_to(THEME_FILES.parent).as_posix()
THEME_STYLESHEET = next((THEME_FILES / "stylesheets").glob("main.*.min.css")).name

BODY = "tree outcomes.*.body"  # a Markdown field: the body of the first outcome that has one
SEE = "tree outcomes.*.see.0"  # a "see:" entry: the first of the first outcome that has one
OTHER_SITE = "from another site (cdn.example.org)"
CODE_LINK = '"javascript:" link runs code'

ROWS = [
    # --- the YAML itself (issue 8 item 6) ------------------------------------------------------
    Row("tree file", "title: " + "[" * 30_000, REJECTED, ("nested more than 100 levels deep",)),
    Row("tree file", "title: x\nquestions:\n" + "- " * 30_000 + "x\n", REJECTED, ("nested more than 100 levels deep",)),
    Row("tree file", "? " * 30_000 + "x\n", REJECTED, ("nested more than 100 levels deep",)),
    Row("tree file", "title: " + "{a: " * 30_000, REJECTED, ("nested more than 100 levels deep",)),
    # --- raw HTML in tree fields is text -------------------------------------------------------
    Row(BODY, "<script>alert(1)</script> and <b>bold</b>", SHOWN_AS_TEXT, ("<script>alert(1)</script>", "<b>bold</b>")),
    Row("tree questions.coverage.help", '<img src=x onerror="alert(1)">', SHOWN_AS_TEXT, ('<img src=x onerror="alert(1)">',)),
    Row(BODY, '<iframe src="https://evil.example/"></iframe>', SHOWN_AS_TEXT, ('<iframe src="https://evil.example/">',)),
    # --- link schemes (item 2): tree fields ----------------------------------------------------
    Row(BODY, "Read [this](javascript:alert(1)).", REJECTED, ('links to "javascript:alert(1)"', CODE_LINK)),
    Row(BODY, "Read [this](JaVaScRiPt:alert(1)).", REJECTED, ('links to "JaVaScRiPt:alert(1)"', CODE_LINK)),
    Row(BODY, "Read [this](java&#x09;script:alert(1)).", REJECTED, (CODE_LINK, 'a browser reads "javascript:alert(1)"')),
    Row(BODY, "Read [this](&#106;avascript:alert(1)).", REJECTED, (CODE_LINK, 'a browser reads "javascript:alert(1)"')),
    # (Refused before the link is read: no tree text may hold an invisible control character.)
    Row(BODY, "Read [this](\x01javascript:alert(1)).", REJECTED, ("invisible control character (U+0001)",)),
    Row(BODY, "Read [this](&#x0A;javascript:alert(1)).", REJECTED, (CODE_LINK,)),
    # Markdown turns a tab into spaces, and "java    script:" is no scheme: a link to a missing page.
    Row(BODY, "Read [this](java\tscript:alert(1)).", REJECTED, ("which is not a file in docs/",)),
    Row(BODY, "Read [this](vbscript:msgbox(1)).", REJECTED, ('"vbscript:" link runs code',)),
    Row(BODY, "Read [this](data:text/html,hi).", REJECTED, ('"data:" link',)),
    Row(BODY, "Read [this](file:///etc/passwd).", REJECTED, ('"file:" is not a kind of link this site allows',)),
    Row(BODY, "Read [this][r].\n\n[r]: JAVASCRIPT:alert(1)", REJECTED, (CODE_LINK,)),
    Row(BODY, "Read [this](//evil.example/page).", REJECTED, ("starts with two slashes", "https://")),
    Row(BODY, "Write to <help@example.org>.", WORKS, ('href="mailto:help@example.org"',)),
    Row(BODY, "Call [us](tel:+15555550100) or write to [us](mailto:help@example.org).", WORKS,
        ('href="tel:+15555550100"', 'href="mailto:help@example.org"')),
    Row(BODY, "See [the IRS](https://www.irs.gov/) and [Medicare](http://www.medicare.gov/).", WORKS,
        ('href="https://www.irs.gov/"', 'href="http://www.medicare.gov/"')),
    # --- link schemes (item 2): pages ----------------------------------------------------------
    Row("page", "Read [this](javascript:alert(1)).", REJECTED, ('links to "javascript:alert(1)"', CODE_LINK)),
    Row("page", "Read [this](java&#x09;script:alert(1)).", REJECTED, (CODE_LINK, "a browser reads")),
    Row("page", '<a href="JaVaScRiPt:alert(1)">this</a>', REJECTED, (CODE_LINK,)),
    Row("page", '<a href=" &#x6A;avascript:alert(1)">this</a>', REJECTED, (CODE_LINK, "a browser reads")),
    Row("page", "Read [this](data:text/html,hi).", REJECTED, ('"data:" link',)),
    Row("page", "Write to <help@example.org>.", WORKS, ('href="mailto:help@example.org"',)),
    # --- other origins (item 3): tree fields ---------------------------------------------------
    Row(BODY, "![logo](https://cdn.example.org/p.png)", REJECTED, (OTHER_SITE,)),
    Row(BODY, "![logo](//cdn.example.org/p.png)", REJECTED, (OTHER_SITE,)),
    Row(BODY, "![logo][p]\n\n[p]: https://cdn.example.org/p.png", REJECTED, (OTHER_SITE,)),
    Row(BODY, "![logo](HTTPS://cdn.example.org/p.png)", REJECTED, (OTHER_SITE,)),
    # --- other origins (item 3): pages ---------------------------------------------------------
    Row("page", "![logo](https://cdn.example.org/p.png)", REJECTED, (OTHER_SITE,)),
    Row("page", "![logo](//cdn.example.org/p.png)", REJECTED, (OTHER_SITE,)),
    Row("page", "![logo][p]\n\n[p]: https://cdn.example.org/p.png", REJECTED, (OTHER_SITE,)),
    Row("page", '<img src="https://cdn.example.org/p.png" alt="">', REJECTED, (OTHER_SITE,)),
    Row("page", '<img src="../assets/none.png" srcset="https://cdn.example.org/p.png 2x" alt="">', REJECTED, (OTHER_SITE,)),
    Row("page", '<iframe src="https://cdn.example.org/frame"></iframe>', REJECTED, (OTHER_SITE,)),
    Row("page", '<script src="https://cdn.example.org/x.js"></script>', REJECTED, ("<script> element", "may not run scripts")),
    Row("page", "<script>alert(1)</script>", REJECTED, ("<script> element",)),
    Row("page", '<link rel="stylesheet" href="https://cdn.example.org/x.css">', REJECTED, (OTHER_SITE,)),
    Row("page", '<video src="https://cdn.example.org/v.mp4"></video>', REJECTED, (OTHER_SITE,)),
    Row("page", '<video controls><source src="https://cdn.example.org/v.mp4"></video>', REJECTED, (OTHER_SITE,)),
    Row("page", '<audio src="//cdn.example.org/a.mp3"></audio>', REJECTED, (OTHER_SITE,)),
    Row("page", '<object data="https://cdn.example.org/x.swf"></object>', REJECTED, (OTHER_SITE,)),
    Row("page", '<embed src="https://cdn.example.org/x.swf">', REJECTED, (OTHER_SITE,)),
    Row("page", '<p style="background:url(https://cdn.example.org/p.png)">x</p>', REJECTED, (OTHER_SITE, "style attribute")),
    Row("page", '<img src="../assets/none.png" onerror="alert(1)" alt="">', REJECTED, ("event handler (onerror=)",)),
    Row("page", 'Read [this](#top){ onclick="alert(1)" }', REJECTED, ("event handler (onclick=)",)),
    Row("page", "See [the IRS](https://www.irs.gov/).", WORKS, ('href="https://www.irs.gov/"',)),
    Row("docs file .css", 'p {\n  background: url("https://cdn.example.org/p.png");\n}\n', REJECTED, (OTHER_SITE,)),
    # --- files docs/ may publish (review 1, defects 1 and 2): pages, images, stylesheets only --
    # Material's own script, replaced: it would run on every page under script-src 'self'.
    Row(f"docs file {THEME_SCRIPT}", ";document.title = 'PWNED-BUNDLE'\n", REJECTED, ('".js" files', "script file would run")),
    Row("docs file .js", "document.title = 'PWNED'\n", REJECTED, ('does not publish ".js" files',)),
    Row("docs file assets/images/favicon.png", "not really an image\n", REJECTED,
        ("take the place of the theme's file", "assets/images/favicon.png")),
    Row("docs file assets/stylesheets/" + THEME_STYLESHEET, "body { display: none }\n", REJECTED, ("the theme's file",)),
    # An SVG, XHTML or XML file is a page of the site with scripts of its own (and no policy).
    Row("docs file .svg", '<svg xmlns="http://www.w3.org/2000/svg"><s:script xmlns:s="http://www.w3.org/2000/svg">'
        "top.document.title = 'PWNED-SVG'</s:script></svg>\n", REJECTED, ('".svg" files', "opens it as a page")),
    Row("docs file .svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="1"/></svg>\n', REJECTED,
        ('".svg" files',)),
    Row("docs file .html", "<!doctype html>\n<p>x</p>\n<script>alert(1)</script>\n", REJECTED, ('".html" files',)),
    Row("docs file .shtml", "<script>document.title = 'PWNED'</script>\n", REJECTED, ('".shtml" files',)),
    Row("docs file .xhtml", '<html xmlns="http://www.w3.org/1999/xhtml"><h:script xmlns:h="http://www.w3.org/1999/xhtml">'
        "alert(1)</h:script></html>\n", REJECTED, ('".xhtml" files',)),
    Row("docs file .xht", '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>\n', REJECTED,
        ('".xht" files',)),
    Row("docs file .xml", '<!DOCTYPE x [<!ENTITY s "&#60;script&#62;alert(1)&#60;/script&#62;">]><x>&s;</x>\n', REJECTED,
        ('".xml" files',)),
    # --- what a page's HTML leaves to the theme (review 1, defects 6, 7 and 11) ------------------
    # Unfinished at the end, the theme's markup would finish the tag: this redirected every reader.
    Row("page", '<div>\n<meta http-equiv=refresh content="0;url=https://evil.example/phish"', REJECTED,
        ("ends inside an unfinished tag", 'Finish the tag with ">"')),
    Row("page", "## Who it is for {#__config}", REJECTED, ('has id="__config"', "belong to the site's theme")),
    Row("tree title", "__config", REJECTED, ('the title starts with "_"',)),
    # Review 2: a name on the document, an opener link, escaped-looking signs, markers on one line.
    Row("page", '<img src="../assets/none.png" name="getElementById" alt="">', REJECTED, ('name="getElementById"',)),
    Row("page", '<a href="https://www.irs.gov/" target="_blank" rel="opener">IRS</a>', REJECTED, ('rel="opener"',)),
    Row("page", "\\\\[" * 3_000, REJECTED, ('3,000 "[" signs',)),
    Row("page", "- " * 1_000 + "x", REJECTED, ("list or quote signs in a row",)),
    Row(BODY, "- " * 1_000 + "x", REJECTED, ("list or quote signs in a row",)),
    # Python's HTMLParser stopped MkDocs with a traceback here, even between backticks.
    Row("page", "Some `<![x[` text.", REJECTED, ('"<![", which the site\'s page builder cannot read',)),
    Row("page", "<div>\n<![ x ]>\n</div>", REJECTED, ('"<![", which the site\'s page builder cannot read',)),
    # --- front matter (review 1, defects 3 and 4): title, description and last_reviewed only ---
    Row("page front matter", 'title: {"<script>document.title = \'PWNED-DICT-KEY\'</script>": 1}', REJECTED,
        ('"title:" in the front matter should be text, but it is a group of keys',)),
    Row("page front matter", "title: !!binary PHNjcmlwdD5kb2N1bWVudC50aXRsZT0nUFdORUQnPC9zY3JpcHQ+", REJECTED,
        ('"title:" in the front matter should be text, but it is binary data',)),
    Row("page front matter", "title: !!set {'<script>alert(1)</script>'}", REJECTED, ("but it is a set",)),
    Row("page front matter", "template: redirect.html\nlocation: https://evil.example/phish", REJECTED,
        ('the key "template:", which a page may not set', "sends the reader to another site")),
    Row("page front matter", "hide: [navigation, toc]", REJECTED, ('the key "hide:"', "title:, description:, last_reviewed:")),
    Row("page front matter", "title: No", REJECTED, ('"title:" in the front matter should be text', "double quotes")),
    Row("page front matter", "title: [unclosed", REJECTED, ("the front matter (between the --- lines) cannot be read",)),
    Row("page front matter", "title: Costs <b>before</b> & after", SHOWN_AS_TEXT, ("Costs <b>before</b> & after",)),
    # --- unseen characters in tree text (review 1, defects 5 and 12) ----------------------------
    # MkDocs dropped the generated page's header (PyYAML refuses C1 as itself) and rendered it as
    # Markdown, raw HTML included: this title redirected the page.
    Row("tree title", "Check your coverage\x80 <meta http-equiv=refresh content='0;url=https://evil.example/phish'>", REJECTED,
        ('"title:" of the tree has an invisible control character (U+0080)',)),
    Row("tree intro", "Answer a few questions &#x81; <meta http-equiv=refresh content='0;url=https://evil.example/phish'>",
        REJECTED, ('"intro:" of the tree has an invisible control character (U+0081)',)),
    Row("tree questions.coverage.options.0.label", "A\x1b]0;PWNED\x07\x1b[2J", REJECTED,
        ("has an invisible control character (U+001B)",)),
    Row("tree questions.coverage.text", "Is it \u202ecovered?", REJECTED,
        ("changes the direction text is shown in (U+202E)",)),
    Row("tree outcomes.*.title", "Done\ufdd0", REJECTED, ("a code that is not a character (U+FDD0)",)),
    Row("tree title", "Check your coverage \U0001F600 \u00e9t\u00e9 \u2014 \"quoted\" \\ back", WORKS,
        ("<title>Check your coverage \U0001F600 \u00e9t\u00e9 \u2014 \"quoted\" \\ back - ",)),
    # --- size of a tree field (review 1, defect 9) ----------------------------------------------
    Row(BODY, "[" * 40_000, REJECTED, ("40,000 characters long; it may be at most 4,000",)),
    Row("tree questions.coverage.options.0.label", "x" * 600, REJECTED, ("600 characters long; it may be at most 500",)),
    # --- anchors in tree links (item 4) --------------------------------------------------------
    Row(BODY, "Read [how to appeal](if-you-are-denied.md#no-such-part).", REJECTED,
        ('links to "if-you-are-denied.md#no-such-part"', 'has no heading or anchor "#no-such-part"')),
    Row(BODY, "Read [how to appeal](if-you-are-denied.md#internal-apeal).", REJECTED,
        ('Did you mean "#internal-appeal"?',)),
    Row(SEE, "if-you-are-denied.md#no-such-part", REJECTED, ('under "see:"', 'has no heading or anchor "#no-such-part"')),
    Row(BODY, "Read [how to appeal](if-you-are-denied.md#internal-appeal).", WORKS,
        ('href="../../if-you-are-denied/#internal-appeal"',)),
    Row(SEE, "if-you-are-denied.md#internal-appeal", WORKS, ('href="../../if-you-are-denied/#internal-appeal"',)),
    # --- markup the check missed (review 1, defect 15) -----------------------------------------
    Row("page", '<svg width="8" height="8"><rect width="8" height="8" fill="url(https://cdn.example.org/p.svg#a)"/></svg>',
        REJECTED, (OTHER_SITE, "in its fill= attribute")),
    Row("page", '<svg width="8" height="8"><path d="M0 0H8" marker-end="url(//cdn.example.org/m.svg#m)"/></svg>',
        REJECTED, (OTHER_SITE, "marker-end=")),
    Row("page", '<a href="https://www.irs.gov/" attributionsrc>IRS</a>', REJECTED, ("attributionsrc attribute",)),
    Row("page", "<plaintext>\n\nThe rest of the page, and the theme's scripts, would be text.", REJECTED,
        ("<plaintext> element", "the whole rest of the page")),
    Row("page", '<xmp><p title="</xmp><meta http-equiv=refresh content=\'0;url=https://evil.example/\'>"></xmp>', REJECTED,
        ("<xmp> element", "markup can hide")),
    Row("page", '<noembed><p title="</noembed><img src=x onerror=alert(1)>"></noembed>', REJECTED, ("<noembed> element",)),
    Row("page", '<textarea><p title="</textarea><img src=x onerror=alert(1)>"></textarea>', REJECTED, ("<textarea> element",)),
    Row("page", '<svg width="8" height="8"><defs><linearGradient id="row-gradient"><stop offset="0" stop-color="#036"/>'
        '</linearGradient></defs><rect width="8" height="8" fill="url(#row-gradient)"/></svg>', WORKS,
        ('fill="url(#row-gradient)"',)),
    # --- pages Markdown would take minutes to read (review 1, defect 9) -------------------------
    # Each took from 17 seconds to several minutes, or crashed; now refused before Markdown reads them.
    Row("page", "[" * 50_000, REJECTED, ('this paragraph has 50,000 "[" signs', "at most 200")),
    Row("page", "[^" * 8_000, REJECTED, ('this paragraph has 8,000 "[" signs',)),
    Row("page", "<a " * 5_000, REJECTED, ('this page has 5,000 "<" signs', "at most 200")),
    # A list nested 300 deep crashed Markdown (RecursionError); with tabs it fits in a page's 60,000 bytes.
    Row("page", "".join("\t" * depth + "- x\n" for depth in range(300)).rstrip("\n"), REJECTED,
        ("starts with 44 columns of spaces", "at most 40")),
]

NUMBERED = dict(enumerate(ROWS, start=1))
GROUPS = {
    "rejected-tree": {n: row for n, row in NUMBERED.items() if row.outcome == REJECTED and row.is_tree},
    "rejected-page": {n: row for n, row in NUMBERED.items() if row.outcome == REJECTED and not row.is_tree},
    "builds": {n: row for n, row in NUMBERED.items() if row.outcome != REJECTED},
}


def group_of(number: int) -> str:
    return next(name for name, rows in GROUPS.items() if number in rows)


@pytest.fixture(scope="module")
def group_runs(tmp_path_factory):
    cache = {}

    def run(name: str):
        if name not in cache:
            cache[name] = run_group(tmp_path_factory.mktemp(name), GROUPS[name])
        return cache[name]

    return run


def row_id(number: int) -> str:
    row = NUMBERED[number]
    shown = re.sub(r"\s+", " ", row.text)[:40]
    return f"{number:02}-{row.where.replace(' ', '_')}-{shown}"


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(page_html: str) -> str:
    parser = _VisibleText()
    parser.feed(page_html)
    return " ".join("".join(parser.parts).split())


@pytest.mark.parametrize("number", list(NUMBERED), ids=row_id)
def test_bad_input(number: int, group_runs):
    row = NUMBERED[number]
    run = group_runs(group_of(number))
    placed = run.placed[number]
    outputs = {"mkdocs build --strict": run.build_output}
    if row.is_tree:
        outputs["check-tree"] = run.check_tree.stdout + run.check_tree.stderr
    for name, output in outputs.items():
        assert "Traceback" not in output, f"{name} printed a traceback:\n{output[-3000:]}"
        control = CONTROL.search(ANSI.sub("", output))
        assert control is None, f"{name} printed a control character {control.group()!r}"

    if row.outcome == REJECTED:
        # 1 is MkDocs' clean failure; a crash would be a signal (negative) or another code.
        assert run.build.returncode == 1, f"the strict build gave exit code {run.build.returncode}:\n{run.build_output[-3000:]}"
        if row.is_tree:
            assert run.check_tree.returncode == 1, run.check_tree.stdout[-3000:]
        for name, output in outputs.items():
            lines = located_lines(output, placed)
            matching = [line for line in lines if all(word.lower() in line.lower() for word in row.words)]
            assert matching, (
                f"{name}: no message names {placed.file} at line {placed.lines.start}"
                f"{'-' + str(placed.lines.stop - 1) if len(placed.lines) > 1 else ''} with {row.words}.\n"
                f"Lines naming the row: {lines}\nOutput:\n{ANSI.sub('', output)[-3000:]}"
            )
        return

    assert run.build.returncode == 0, f"the strict build failed:\n{run.build_output[-3000:]}"
    page_html = (run.project / "site" / placed.page).read_text(encoding="utf-8")
    if row.outcome == SHOWN_AS_TEXT:
        text = visible_text(page_html)
        for word in row.words:
            assert " ".join(word.split()) in text, f"{word!r} is not shown as text on {placed.page}"
    else:
        assert row.outcome == WORKS, row.outcome
        decoded = html.unescape(page_html)  # Markdown writes mailto: links as character codes
        for word in row.words:
            assert word in decoded, f"{word!r} is not in {placed.page}"


def test_every_row_names_a_known_outcome_and_place():
    for number, row in NUMBERED.items():
        assert row.outcome in (REJECTED, SHOWN_AS_TEXT, WORKS), number
        assert row.where in ("tree file", "page", "page front matter") or row.where.startswith(("tree ", "docs file ")), number
        assert row.words, f"row {number} has no words to check"

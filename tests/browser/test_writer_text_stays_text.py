"""Whatever a writer types in a tree or in a page's front matter shows as text, everywhere it appears.

Issue 8, item 1. One site is built strictly from a copy of the project with a hostile string in
every tree field and in docs front matter; each string carries its own tag, tries to end every
element it could land in (`</title>`, `</script>`, a closing quote), and brings an element and two
scripts that report that tag. The pages are served with their Content-Security-Policy removed,
so that only the escaping stands between the string and the page: each place must show exactly
the typed text, no element from a string may exist, and no script from one may run.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.changed_site import add_to_nav, changed_site, write_tree
from tests.browser.page_security import without_content_security_policy
from tests.project_copy import PROJECT_ROOT

SITE_NAME = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_name"]


def hostile(tag: str) -> str:
    """A string that runs pwned(tag) or leaves a [data-pwned] element if it is ever read as HTML.

    Under 160 characters, so a description is not shortened. No Markdown syntax, so Markdown
    fields show it exactly as typed."""
    return (
        f"{tag} \"q\" & 'a' </title></script><!-- <b data-pwned={tag}>b</b>"
        f"<svg data-pwned={tag} onload=pwned('{tag}')></svg><script>pwned('{tag}')</script>"
    )


TEXT = {tag: hostile(tag) for tag in (
    "zqtitle", "zqdesc", "zqintro", "zqfall", "zqquestion", "zqhelp", "zqlabel", "zqoutcome",
    "zqbody", "zqpagetitle", "zqpagedesc", "zqheading",
)}
HEADING_SOURCE = f"Heading `{TEXT['zqheading']}`"
"""An H1 whose code span holds the string: MkDocs makes the page title from it."""
HEADING_TEXT = f"Heading {TEXT['zqheading']}"

TREE = "decision-tree/hostile/"
FALLBACK_TREE = "decision-tree/hostile-intro/"
PAGE = "hostile-page/"
HEADING_PAGE = "hostile-heading/"
ABOUT = "about/"  # the last page of the real nav; the hostile pages come after it


def hostile_project(project) -> None:
    write_tree(project, "hostile", {
        "title": TEXT["zqtitle"],
        "description": TEXT["zqdesc"],
        "intro": TEXT["zqintro"],
        "start": "first",
        "questions": {
            "first": {
                "text": TEXT["zqquestion"],
                "help": TEXT["zqhelp"],
                "options": [{"label": TEXT["zqlabel"], "next": "end"}, {"label": "Other", "next": "end"}],
            },
        },
        "outcomes": {
            "end": {"verdict": "unlikely", "title": TEXT["zqoutcome"], "body": TEXT["zqbody"],
                    "see": ["hostile-heading.md"]},
        },
    })
    # No description: the intro becomes the page's description.
    write_tree(project, "hostile-intro", {
        "title": "Second tree",
        "intro": TEXT["zqfall"],
        "start": "only",
        "questions": {"only": {"text": "Pick one?", "options": [
            {"label": "One", "next": "done"}, {"label": "Two", "next": "done"}]}},
        "outcomes": {"done": {"verdict": "unlikely", "title": "Done", "body": "That is all."}},
    })
    (project / "docs" / "hostile-page.md").write_text(
        "---\n"
        f"title: {json.dumps(TEXT['zqpagetitle'])}\n"
        f"description: {json.dumps(TEXT['zqpagedesc'])}\n"
        "---\n\n# Hostile page\n\nSome text.\n",
        encoding="utf-8",
    )
    (project / "docs" / "hostile-heading.md").write_text(
        f"---\ndescription: A page titled by its heading.\n---\n\n# {HEADING_SOURCE}\n\nSome text.\n",
        encoding="utf-8",
    )
    # Without a title in the nav, the nav and the footer show each page's own title.
    add_to_nav(project, "decision-tree/hostile.md", "decision-tree/hostile-intro.md", "hostile-page.md", "hostile-heading.md")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    with changed_site(tmp_path_factory.mktemp("hostile-text"), hostile_project) as site:
        yield site


@pytest.fixture
def open_page(hostile_site, new_page_for):
    """Open an address of the hostile site, policy removed, with pwned() recording any tag that runs."""
    page, watch = new_page_for(hostile_site.url)
    without_content_security_policy(page)
    page.add_init_script("window.pwnedBy = []; window.pwned = (tag) => window.pwnedBy.push(tag);")

    def go(address: str):
        page.goto(hostile_site.url + address)
        expect(page.locator("body")).to_be_visible()
        return page

    yield go
    assert page.evaluate("window.pwnedBy") == [], "a hostile string ran as script"
    assert watch.errors == []


def assert_no_markup_from_strings(page) -> None:
    assert page.evaluate("window.pwnedBy") == []
    assert page.locator("[data-pwned]").count() == 0, page.locator("[data-pwned]").first.evaluate("e => e.outerHTML")


READ = {
    "title": "() => document.title",
    "description": "() => document.querySelector('meta[name=description]').content",
    "header": "() => document.querySelector('[data-md-component=header-topic] .md-ellipsis').textContent.trim()",
    "h1": "() => { const h = document.querySelector('.md-content h1').cloneNode(true);"
          " h.querySelectorAll('.headerlink').forEach(a => a.remove()); return h.textContent.trim(); }",
    "footer next": "() => document.querySelector('.md-footer__link--next .md-ellipsis').textContent.trim()",
    "tree data": "() => JSON.parse(document.querySelector('template.dt-data-template')"
                 ".content.querySelector('.dt-data').textContent)",
}


def read(page, what: str):
    return page.evaluate(READ[what])


def nav_text(page, address: str) -> str:
    return page.evaluate(
        """address => [...document.querySelectorAll('.md-nav--primary a.md-nav__link')]
            .find(a => a.href === new URL(address, location.origin + '/').href).textContent.trim()""",
        address,
    )


def test_every_page_of_the_hostile_site_runs_nothing_and_grows_no_element(hostile_site, open_page):
    for address in ["", ABOUT, TREE, FALLBACK_TREE, PAGE, HEADING_PAGE]:
        assert_no_markup_from_strings(open_page(address))


def test_the_tree_title_is_text_in_title_header_heading_nav_footer_and_data(open_page):
    page = open_page(TREE)
    expected = TEXT["zqtitle"]
    assert read(page, "title") == f"{expected} - {SITE_NAME}"
    assert read(page, "header") == expected
    assert read(page, "h1") == expected
    assert read(page, "tree data")["title"] == expected
    assert nav_text(page, TREE) == expected
    page = open_page(ABOUT)
    assert read(page, "footer next") == expected
    assert page.locator(".md-footer__link--next").get_attribute("aria-label") == f"Next: {expected}"
    assert nav_text(page, TREE) == expected
    assert_no_markup_from_strings(page)


def test_the_tree_description_and_the_intro_that_stands_in_for_one_are_text(open_page):
    page = open_page(TREE)
    assert read(page, "description") == TEXT["zqdesc"]
    expect(page.locator(".dt-intro")).to_have_text(TEXT["zqintro"])
    page = open_page(FALLBACK_TREE)
    assert read(page, "description") == TEXT["zqfall"]
    expect(page.locator(".dt-intro")).to_have_text(TEXT["zqfall"])
    assert_no_markup_from_strings(page)


def test_question_help_label_outcome_and_body_are_text_on_the_page_the_flowchart_and_the_data(open_page):
    page = open_page(TREE)
    question = page.locator(".dt-node[data-node=first]")
    expect(question.locator("h2")).to_have_text(TEXT["zqquestion"])
    expect(question.locator(".dt-help")).to_have_text(TEXT["zqhelp"])
    expect(question.locator(".dt-options a").first).to_have_text(TEXT["zqlabel"])

    card = page.locator(".dt-map-node[data-node=first]")
    expect(card.locator(".dt-map-name")).to_have_text(TEXT["zqquestion"])
    expect(card.locator(".dt-map-options > li").first).to_contain_text(TEXT["zqlabel"])
    expect(card.locator(".dt-map-options > li a").first).to_have_text(TEXT["zqoutcome"])
    expect(page.locator(".dt-map-node[data-node=end] .dt-map-name")).to_have_text(TEXT["zqoutcome"])
    # The drawn flowchart: each box is named by its text, and its wrapped lines hold it all.
    drawn = page.locator(".dt-diagram a[data-node=first]")
    expect(drawn).to_have_attribute("aria-label", TEXT["zqquestion"])
    lines = drawn.locator("text.dt-diagram-text").all_text_contents()
    assert TEXT["zqquestion"].replace(" ", "") in "".join(lines).replace(" ", "")
    assert TEXT["zqlabel"].replace(" ", "") in "".join(lines).replace(" ", "")
    expect(page.locator(".dt-diagram a[data-node=end]")).to_have_attribute("aria-label", re.compile("^" + re.escape(TEXT["zqoutcome"])))

    data = read(page, "tree data")
    assert data["questions"]["first"]["text"] == TEXT["zqquestion"]
    assert data["questions"]["first"]["options"][0]["label"] == TEXT["zqlabel"]
    assert data["outcomes"]["end"]["title"] == TEXT["zqoutcome"]

    # The script writes the question and the answer into the summary of answers.
    question.locator(".dt-options a").first.click()
    outcome = page.locator(".dt-node[data-node=end]")
    expect(page.locator(".dt-node.dt-current")).to_have_attribute("data-node", "end")
    expect(outcome.locator("h2")).to_have_text(TEXT["zqoutcome"])
    expect(outcome.locator(".dt-body")).to_have_text(TEXT["zqbody"])
    expect(outcome.locator(".dt-see a")).to_have_text(HEADING_SOURCE)
    expect(page.locator(".dt-answers .dt-answer-q")).to_have_text([TEXT["zqquestion"]])
    expect(page.locator(".dt-answers .dt-answer-a")).to_have_text([TEXT["zqlabel"]])
    expect(page.locator(".dt-answers .dt-change")).to_have_accessible_name(f"Change your answer to: {TEXT['zqquestion']}")
    assert_no_markup_from_strings(page)


def test_a_front_matter_title_and_description_are_text(open_page):
    page = open_page(PAGE)
    expected = TEXT["zqpagetitle"]
    assert read(page, "title") == f"{expected} - {SITE_NAME}"
    assert read(page, "header") == expected
    assert read(page, "description") == TEXT["zqpagedesc"]
    assert nav_text(page, PAGE) == expected
    assert read(open_page(FALLBACK_TREE), "footer next") == expected
    assert_no_markup_from_strings(page)


def test_a_title_taken_from_the_heading_is_text(open_page):
    page = open_page(HEADING_PAGE)
    assert read(page, "title") == f"{HEADING_TEXT} - {SITE_NAME}"
    assert read(page, "header") == HEADING_TEXT
    assert read(page, "h1") == HEADING_TEXT
    assert nav_text(page, HEADING_PAGE) == HEADING_TEXT
    assert read(open_page(PAGE), "footer next") == HEADING_TEXT
    assert_no_markup_from_strings(page)


class _ParsedHtml(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[str] = []
        self.data: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_data(self, data):
        self.data.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.data).split())


SEARCHABLE = ("zqtitle", "zqintro", "zqquestion", "zqhelp", "zqlabel", "zqoutcome", "zqbody", "zqfall", "zqheading")


def test_the_search_index_holds_the_strings_as_escaped_text(hostile_site):
    # Material's search shows an entry's title and text as HTML: both must be escaped text
    # (only the few tags its indexer keeps, such as <p> and <code>), never a writer's markup.
    docs = json.loads((hostile_site.folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    shown = []
    for entry in docs:
        for key in ("title", "text"):
            parsed = _ParsedHtml(entry[key])
            assert set(parsed.elements) <= {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}, entry
            shown.append(parsed.text)
    everything = "\n".join(shown)
    for tag in SEARCHABLE:
        assert (HEADING_TEXT if tag == "zqheading" else TEXT[tag]) in everything, tag


def test_search_results_show_the_strings_as_text(open_page):
    page = open_page("")
    # What Material does with every entry it shows: parse its title and text as HTML.
    shown = page.evaluate(
        """async () => {
            const index = await (await fetch('search/search_index.json')).json();
            const template = document.createElement('template');
            return index.docs.map(entry => {
                template.innerHTML = entry.title + '\\n' + entry.text;
                return {grown: template.content.querySelectorAll('[data-pwned], script, svg').length,
                        text: template.content.textContent};
            });
        }"""
    )
    assert sum(entry["grown"] for entry in shown) == 0
    everything = "\n".join(entry["text"] for entry in shown)
    for tag in SEARCHABLE:
        assert (HEADING_TEXT if tag == "zqheading" else TEXT[tag]) in " ".join(everything.split()), tag

    # And the real search box, as a reader uses it.
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("zqtitle")
    expect(page.locator(".md-search-result__item h1").first).to_have_text(TEXT["zqtitle"])
    assert_no_markup_from_strings(page)

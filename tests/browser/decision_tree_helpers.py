"""What the decision tree browser tests share: the real trees, their paths, and page helpers.

The paths and expected outcomes come from decision_tree/*.yml through the compiler
(graph.iter_paths), never from a list typed into a test, so a change to a tree changes what is
walked, and a new tree is walked too (TREE_IDS). Helpers take the tree's id; without one they
mean the coverage tree, which the tests about the page's behaviour use.
"""

from __future__ import annotations

import functools
from pathlib import Path

from decision_tree_compiler.compiler import compile_tree_file, page_src_uri
from decision_tree_compiler.graph import iter_paths
from decision_tree_compiler.html_ids import map_card_id, section_id
from decision_tree_compiler.pages import DocsFolder
from decision_tree_compiler.verdicts import VERDICTS
from playwright.sync_api import expect

PROJECT = Path(__file__).resolve().parents[2]

TREE_ID = "coverage"
TREE_PAGE = f"decision-tree/{TREE_ID}/"
TREE_IDS = sorted(path.stem for path in (PROJECT / "decision_tree").glob("*.yml"))
"""Every tree of the project: each becomes a page, and the path tests walk them all."""


def tree_page(tree_id: str = TREE_ID) -> str:
    return f"decision-tree/{tree_id}/"


@functools.cache
def compiled_tree(tree_id: str = TREE_ID):
    tree_file = PROJECT / "decision_tree" / f"{tree_id}.yml"
    pages = DocsFolder(PROJECT / "docs", page_src_uri(tree_id), folder="docs/")
    result = compile_tree_file(tree_file, file=f"decision_tree/{tree_id}.yml", pages=pages)
    assert result.ok, [str(problem) for problem in result.problems]
    return result.compiled


def tree_data(tree_id: str = TREE_ID) -> dict:
    """The compiled JSON form, as the page's script sees it."""
    return compiled_tree(tree_id).data


def every_path(tree_id: str = TREE_ID) -> list[tuple[list[tuple[str, str]], str]]:
    """([(question id, label chosen), ...], outcome id) for every path, as the YAML says."""
    return list(iter_paths(compiled_tree(tree_id).tree))


def longest_path(tree_id: str = TREE_ID):
    return max(every_path(tree_id), key=lambda path: len(path[0]))


def address(node_id: str, tree_id: str = TREE_ID) -> str:
    """A node's address without JavaScript: the fragment "#<tree>--<node>" (html_ids.py)."""
    return "#" + section_id(tree_id, node_id)


def section(page, node_id: str, tree_id: str = TREE_ID):
    return page.locator(address(node_id, tree_id))


def map_card(page, node_id: str, tree_id: str = TREE_ID):
    """The node's card in the list version of the flowchart."""
    return page.locator("#" + map_card_id(tree_id, node_id))


def box(page, node_id: str):
    """The node's box on the drawn flowchart."""
    return page.locator(f'.dt-diagram a[data-node="{node_id}"]')


def nodes_of(answers, tree_id: str = TREE_ID) -> list[str]:
    """The nodes a reader passes through with these answers [(question id, label), ...], start first."""
    questions = tree_data(tree_id)["questions"]
    nodes = [tree_data(tree_id)["start"]]
    for question_id, label in answers:
        assert nodes[-1] == question_id
        nodes.append(next(option["next"] for option in questions[question_id]["options"] if option["label"] == label))
    return nodes


def state_address(answers) -> str:
    """The address the script writes for these answers: "#coverage:question=number,..."."""
    questions = tree_data()["questions"]
    steps = [
        f"{question_id}={[option['label'] for option in questions[question_id]['options']].index(label) + 1}"
        for question_id, label in answers
    ]
    return f"#{TREE_ID}:" + ",".join(steps) if steps else ""


def current(page):
    """The question or outcome the script shows."""
    return page.locator(".dt-node.dt-current")


def option(page, label: str):
    """An answer of the question on screen, found by its exact words, as a reader finds it."""
    return current(page).get_by_role("link", name=label, exact=True)


def expect_on(page, node_id: str, tree_id: str = TREE_ID) -> None:
    """Exactly this node is on screen, as the script shows it."""
    expect(current(page)).to_have_count(1)
    expect(current(page)).to_have_attribute("data-node", node_id)
    expect(section(page, node_id, tree_id)).to_be_visible()


def expect_outcome(page, outcome_id: str, tree_id: str = TREE_ID) -> None:
    outcome = tree_data(tree_id)["outcomes"][outcome_id]
    expect_on(page, outcome_id, tree_id)
    shown = section(page, outcome_id, tree_id)
    expect(shown.locator("h2")).to_have_text(outcome["title"])
    expect(shown.locator(".dt-verdict-label")).to_have_text(VERDICTS[outcome["verdict"]].label)


def answer(page, answers, tree_id: str = TREE_ID) -> None:
    """Click through [(question id, label), ...], checking each question is the one expected."""
    for question_id, label in answers:
        expect_on(page, question_id, tree_id)
        option(page, label).click()


def assert_clean(watch) -> None:
    """Nothing left the site's origin and no script error was logged."""
    assert watch.foreign_requests() == []
    assert watch.errors == []

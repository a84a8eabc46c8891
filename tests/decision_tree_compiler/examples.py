"""A catalogue of broken trees: one per check, each with the problem it must produce.

Used by test_structure.py and test_checks.py (message, file, line, column) and by
test_schema.py (schema.json must reject exactly the structural ones).
"""

from __future__ import annotations

from dataclasses import dataclass

from decision_tree_compiler.problems import Position

from .helpers import BASE_TREE, changed, locate


@dataclass(frozen=True)
class BadExample:
    name: str
    text: str
    code: str
    at: Position
    fragments: tuple[str, ...]
    tree_id: str = "test"

    def __str__(self) -> str:  # pytest ids
        return self.name


def _example(name, old, new, code, needle, *fragments, occurrence=1, tree=BASE_TREE) -> BadExample:
    text = changed(old, new, tree)
    return BadExample(name, text, code, locate(text, needle, occurrence), fragments)


START = Position(1, 1)

STRUCTURE_EXAMPLES = [
    BadExample(
        "missing title",
        changed("title: Test tree\n", ""),
        "missing-key",
        START,
        ('the tree has no "title:".', 'Add "title:" with the page title.'),
    ),
    BadExample(
        "missing start",
        changed("start: coverage\n", ""),
        "missing-key",
        START,
        ('the tree has no "start:".', "the id of the first question"),
    ),
    BadExample(
        "top level is a list",
        "- title: Test tree\n- start: coverage\n",
        "not-a-mapping",
        START,
        ("should hold the keys title:, start:, questions: and outcomes:, but it holds a list.",),
    ),
    BadExample(
        "top level is text",
        "just some words\n",
        "not-a-mapping",
        START,
        ("but it holds text.",),
    ),
    _example(
        "unknown key with a suggestion",
        "        next: looks\n",
        "        nxt: looks\n",
        "unknown-key",
        "nxt",
        'option 1 of question "reason" has a key "nxt:" that is not part of the tree format.',
        'Did you mean "next:"? The keys allowed here are: label, next.',
    ),
    _example(
        "unknown top-level key",
        "title: Test tree\n",
        "title: Test tree\ndescripton: A test\n",
        "unknown-key",
        "descripton",
        'the tree has a key "descripton:"',
        'Did you mean "description:"?',
    ),
    _example(
        "unknown key without a close match",
        "    title: Maybe\n",
        "    title: Maybe\n    colour: red\n",
        "unknown-key",
        "colour",
        'outcome "scar" has a key "colour:"',
        "Remove it, or rename it. The keys allowed here are: verdict, title, body, see.",
    ),
    _example(
        "missing question text",
        "    text: Why do you want it?\n",
        "",
        "missing-key",
        "reason:",
        'question "reason" has no "text:".',
        'Add "text:" with the question to ask',
    ),
    _example(
        "empty question text",
        "    text: Why do you want it?\n",
        "    text:\n",
        "empty-value",
        "text:\n",
        '"text:" of question "reason" is empty.',
        'Write the question to ask, in plain words after "text:".',
    ),
    _example(
        "blank label",
        "label: Scar",
        'label: "  "',
        "empty-value",
        '"  "',
        '"label:" of option 2 of question "reason" is empty.',
    ),
    _example(
        "question text is a list",
        "text: Why do you want it?",
        "text: [Why, not]",
        "wrong-type",
        "[Why",
        '"text:" of question "reason" should be text, but it is a list.',
    ),
    _example(
        "question is text",
        "  coverage:\n    text: What coverage do you have?\n",
        "  orphan: What is this?\n  coverage:\n    text: What coverage do you have?\n",
        "wrong-type",
        "What is this?",
        'question "orphan" should be a group of keys (text:, options:), but it is text.',
    ),
    _example(
        "option is text",
        "      - label: Looks\n        next: looks\n",
        "      - Looks\n",
        "wrong-type",
        "Looks\n",
        'option 1 of question "reason" should have label: and next:, but it is text.',
    ),
    _example(
        "options is text",
        "    options:\n      - label: Looks\n        next: looks\n      - label: Scar\n        next: scar\n",
        "    options: Looks or scar\n",
        "wrong-type",
        "Looks or scar",
        '"options:" of question "reason" should be a list, but it is text.',
        'starting with "- "',
    ),
    _example(
        "invalid question id",
        "  reason:\n",
        "  Reason_1:\n",
        "invalid-id",
        "Reason_1:",
        'the question id "Reason_1" is not allowed: ids use only lowercase letters, digits and hyphens',
        'for example to "reason-1"',
    ),
    _example(
        "next is not an id",
        "next: reason",
        "next: The reason",
        "invalid-reference",
        "The reason",
        '"next:" of option 1 of question "coverage" is "The reason", which cannot be an id',
        'Did you mean "reason"?',
    ),
    _example(
        "one option only",
        "      - label: Scar\n        next: scar\n",
        "",
        "too-few-options",
        "- label: Looks",
        'question "reason" has only one option.',
        "at least 2 options",
    ),
    _example(
        "empty options",
        "    options:\n      - label: Looks\n        next: looks\n      - label: Scar\n        next: scar\n",
        "    options: []\n",
        "too-few-options",
        "[]",
        'question "reason" has no options.',
    ),
    _example(
        "no outcomes",
        BASE_TREE[BASE_TREE.index("outcomes:") :],
        "outcomes: {}\n",
        "no-outcomes",
        "{}",
        '"outcomes:" has no outcomes.',
    ),
    _example(
        "unknown verdict",
        "verdict: possible",
        "verdict: posible",
        "unknown-verdict",
        "posible",
        'outcome "scar" has the verdict "posible", which is not one of the verdicts.',
        "Use one of: unlikely, possible, ask-first, alternatives",
    ),
    _example(
        # The closest spelling would be "unlikely", the opposite: never suggest, list them all.
        "verdict with no close allowed meaning",
        "verdict: possible",
        "verdict: likely",
        "unknown-verdict",
        "likely",
        'outcome "scar" has the verdict "likely", which is not one of the verdicts.',
        "Use one of: unlikely, possible, ask-first, alternatives",
        occurrence=3,  # after the two "unlikely" verdicts above it
    ),
    _example(
        "missing verdict",
        "    verdict: possible\n",
        "",
        "missing-key",
        "scar:\n",
        'outcome "scar" has no "verdict:".',
    ),
    _example(
        "missing outcome title",
        "    title: Maybe\n",
        "",
        "missing-key",
        "scar:\n",
        'outcome "scar" has no "title:".',
        'Add "title:" with a short heading for this outcome.',
    ),
    _example(
        "see is not a page name",
        "see: [how-insurers-decide.md]",
        "see: [How insurers decide]",
        "invalid-page-name",
        "How insurers decide",
        'page 1 under "see:" of outcome "medicare" is "How insurers decide", which is not the file name of a page.',
    ),
    _example(
        "see is empty",
        "see: [how-insurers-decide.md]",
        "see:",
        "empty-value",
        "see:",
        '"see:" of outcome "medicare" is empty.',
    ),
    _example(
        "date not written as a date",
        "title: Test tree\n",
        "title: Test tree\nlast_reviewed: May 2025\n",
        "invalid-date",
        "May 2025",
        '"last_reviewed:" is "May 2025", which is not a date written as YYYY-MM-DD.',
    ),
    _example(
        "ranked with an unknown value",
        "    help: Pick **one**.\n",
        "    help: Pick **one**.\n    ranked: yes\n",
        "unknown-ranking",
        "yes\n",
        '"ranked:" of question "reason" is "yes", which is not a way of ranking options.',
        "Write strongest-first, or remove the line.",
    ),
]

STRUCTURE_EXAMPLES += [
    _example(
        "label too long",
        "label: Job plan",
        "label: " + "Job plan " * 60,
        "too-long",
        "Job plan Job",
        '"label:" of option 1 of question "coverage" is 539 characters long; it may be at most 500.',
    ),
    _example(
        "body too long",
        "body: Cosmetic care is not covered.",
        "body: " + "Cosmetic care is not covered. " * 140,
        "too-long",
        "Cosmetic care is not covered. Cosmetic",
        '"body:" of outcome "looks" is 4,199 characters long; it may be at most 4,000.',
    ),
]

TREE_EXAMPLES = [
    _example(
        "a label with a bidirectional control",
        "label: Medicare",
        'label: "Medi\\u202ecare"',
        "unseen-character",
        '"Medi',
        '"label:" of option 2 of question "coverage" has an invisible character that changes the direction '
        "text is shown in (U+202E) in it.",
        "Delete it",
    ),
    _example(
        "a title whose heading id would be one of the theme's",
        "title: Test tree",
        "title: __config",
        "theme-id",
        "__config",
        'the title starts with "_".',
        "Start the title with a letter or a digit.",
    ),
    _example(
        "a control character in a question, written as an escape",
        "text: Why do you want it?",
        'text: "Why do you \\x1b[2Jwant it?"',
        "unseen-character",
        '"Why do',
        '"text:" of question "reason" has an invisible control character (U+001B) in it.',
    ),
    _example(
        "a character code for a control character in Markdown",
        "help: Pick **one**.",
        "help: Pick &#x81; **one**.",
        "unseen-character",
        "&#x81;",
        '"help:" of question "reason" has an invisible control character (U+0081) in it.',
    ),
    _example(
        "start names nothing",
        "start: coverage",
        "start: coverge",
        "unknown-start",
        "coverge",
        'start: names "coverge", which is not a question.',
        'Did you mean "coverage"?',
    ),
    _example(
        "start names an outcome",
        "start: coverage",
        "start: looks",
        "start-is-outcome",
        "looks\n",
        'start: names "looks", which is an outcome; a tree starts with a question.',
    ),
    _example(
        "next names nothing",
        "next: scar\n",
        "next: scarr\n",
        "unknown-next",
        "scarr",
        'option 2 of question "reason" goes to "scarr", which is not a question or an outcome. '
        'Did you mean "scar"? Write one of the ids under questions: or outcomes:.',
    ),
    _example(
        "id used by a question and an outcome",
        "outcomes:\n",
        "outcomes:\n  reason:\n    verdict: unlikely\n    title: Twice\n    body: Twice.\n",
        "id-in-both",
        "reason:",
        '"reason" is the id of both a question (line 11) and this outcome',
        occurrence=2,
    ),
    _example(
        "duplicate label",
        "label: Scar",
        "label: looks ",
        "duplicate-label",
        "looks ",
        'option 2 of question "reason" has the same label as option 1: "looks".',
    ),
    _example(
        "see page does not exist",
        "see: [how-insurers-decide.md]",
        "see: [how-insurers-decides.md]",
        "missing-page",
        "how-insurers-decides.md",
        'page 1 under "see:" of outcome "medicare" is "how-insurers-decides.md", which is not a page in docs/.',
        'Did you mean "how-insurers-decide.md"?',
    ),
    _example(
        "loop",
        "next: looks",
        "next: coverage",
        "loop",
        "coverage\n      - label: Scar",
        'option 1 of question "reason" goes back to "coverage", which makes a loop: coverage → reason → coverage.',
        "Point this option at a question further on, or at an outcome.",
    ),
    _example(
        "question that leads to itself",
        "next: looks",
        "next: reason",
        "loop",
        "reason\n      - label: Scar",
        "which makes a loop: reason → reason.",
    ),
    _example(
        "unreachable question",
        "outcomes:\n",
        "  orphan:\n    text: Who asks this?\n    options:\n      - label: A\n        next: looks\n"
        "      - label: B\n        next: scar\noutcomes:\n",
        "unreachable",
        "orphan:",
        'question "orphan" cannot be reached: no path from the start question leads to it.',
        'Point an option\'s next: at "orphan", or delete the question',
    ),
    _example(
        "unreachable outcome",
        "next: medicare",
        "next: looks",
        "unreachable",
        "medicare:",
        'outcome "medicare" cannot be reached',
    ),
    _example(
        "link to a page that does not exist",
        "(if-you-are-denied.md)",
        "(if-you-are-denid.md)",
        "unknown-link",
        "if-you-are-denid.md",
        'the body of outcome "scar" links to "if-you-are-denid.md", which is not a file in docs/.',
        'Did you mean "if-you-are-denied.md"?',
    ),
    _example(
        "impossible date",
        "title: Test tree\n",
        "title: Test tree\nlast_reviewed: 2025-02-30\n",
        "impossible-date",
        "2025-02-30",
        '"last_reviewed:" is 2025-02-30, which is not a real date.',
    ),
    _example(
        "weaker answer of a ranked question gets a better verdict",
        "    help: Pick **one**.\n",
        "    help: Pick **one**.\n    ranked: strongest-first\n",
        "rank-order",
        "label: Scar",
        'option 2 of question "reason" ("Scar") can end with the verdict "possible", better than anything '
        'option 1 ("Looks") can reach (at best "unlikely").',
        "List the options from the strongest case to the weakest",
    ),
]

ALL_EXAMPLES = STRUCTURE_EXAMPLES + TREE_EXAMPLES

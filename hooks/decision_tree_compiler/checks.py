"""Tree-level checks: the mistakes a schema cannot see, each told in a writer's words.

Runs on the model built by structure.py, even when that found problems, so a writer sees
everything at once. Avoids knock-on messages: a `next:` with a typo is reported once (with the
closest id), and reachability is judged as if the suggested fix were made.
"""

from __future__ import annotations

import datetime

from . import tree_format as fmt
from .graph import find_loops, longest_question_path, reachable_from, verdict_rank_bounds
from .guarantee import every_path_ends_in_supported_outcome
from .model import Option, Outcome, Question, Tree
from .pages import Pages
from .problems import START_OF_FILE, Problem, problem_at
from .structure import suggest, suggest_id
from .verdicts import VERDICTS

MAX_SUGGESTIONS = 50
"""Finding the closest id compares against every id; past this many broken references (a file
that is mostly wrong) we stop suggesting, so the check stays fast."""


def check_tree(tree: Tree, pages: Pages, *, path_limit: int | None = fmt.MAX_QUESTIONS_ON_A_PATH) -> list[Problem]:
    problems: list[Problem] = []

    def report(position, message: str, fix: str, code: str) -> None:
        problems.append(problem_at(tree.file, position, message, fix, code))

    if not fmt.ID_RE.match(tree.id):
        report(
            START_OF_FILE,
            f'the file name "{tree.id}.yml" cannot be used as the tree\'s id: '
            "it becomes the page's address, so it may use only lowercase letters, digits and hyphens.",
            f'Rename the file, for example to "{suggest_id(tree.id)}.yml".',
            "invalid-tree-id",
        )

    _check_reviewed_date(tree, report)
    both = _check_ids_used_twice(tree, report)
    redirect = _check_references(tree, report, both)
    _check_labels(tree, report)
    _check_pages(tree, pages, report)
    loops = find_loops(tree)
    for loop in loops:
        shown = " → ".join(loop.ids)
        report(
            loop.option.next_position(),
            f'option {loop.option.number} of question "{loop.question.id}" goes back to "{loop.option.next}", '
            f"which makes a loop: {shown}. A reader could go round it forever.",
            "Point this option at a question further on, or at an outcome.",
            "loop",
        )
    _check_reachable(tree, report, redirect)
    _check_ranked(tree, report)
    if not loops and path_limit is not None:
        _check_path_length(tree, report, path_limit)
    return problems


def promise_problem(tree: Tree) -> Problem | None:
    """The promise stated directly (guarantee.py), for a tree in which no check found a problem.

    Every way the promise can fail has its own, clearer message above, so this never fires
    unless a check is missing: it is the safety net that keeps the page's promise true.
    """
    if every_path_ends_in_supported_outcome(tree):
        return None
    return problem_at(
        tree.file,
        START_OF_FILE,
        "some path from the start question does not end in an outcome with a verdict.",
        "Check that every option leads somewhere and that there are no loops.",
        "no-path-guarantee",
    )


def _check_reviewed_date(tree: Tree, report) -> None:
    if tree.last_reviewed is None:
        return
    try:
        datetime.date.fromisoformat(tree.last_reviewed)
    except ValueError:
        report(
            tree.position_of_value("last_reviewed"),
            f'"last_reviewed:" is {tree.last_reviewed}, which is not a real date.',
            "Check the month (01 to 12) and the day.",
            "impossible-date",
        )


def _check_ids_used_twice(tree: Tree, report) -> set[str]:
    both = tree.questions.keys() & tree.outcomes.keys()
    for node_id in sorted(both, key=lambda node_id: tree.outcomes[node_id].id_position()):
        question_line = tree.questions[node_id].id_position().line
        report(
            tree.outcomes[node_id].id_position(),
            f'"{node_id}" is the id of both a question (line {question_line}) and this outcome, '
            "so a next: that names it is ambiguous.",
            "Rename one of them, and change the next: lines that should point to it.",
            "id-in-both",
        )
    return both


def _check_references(tree: Tree, report, ambiguous: set[str]) -> dict[str, str]:
    """Report start: and next: that name nothing; return {broken id: suggested id}."""
    known = [*tree.questions, *tree.outcomes]
    redirect: dict[str, str] = {}
    suggestions_left = MAX_SUGGESTIONS

    def closest(word: str) -> str | None:
        nonlocal suggestions_left
        if word in redirect:
            return redirect[word]
        if suggestions_left <= 0:
            return None
        suggestions_left -= 1
        guess = suggest(word, known)
        if guess is not None:
            redirect[word] = guess
        return guess

    start = tree.start
    if start is not None and start not in tree.questions:
        if start in tree.outcomes:
            report(
                tree.position_of_value("start"),
                f'start: names "{start}", which is an outcome; a tree starts with a question.',
                "Write the id of the first question after start:.",
                "start-is-outcome",
            )
        else:
            guess = closest(start)
            hint = f'Did you mean "{guess}"? ' if guess else ""
            report(
                tree.position_of_value("start"),
                f'start: names "{start}", which is not a question.',
                f"{hint}Write the id of the first question, one of the ids under questions:.",
                "unknown-start",
            )

    outcomes, questions = tree.outcomes, tree.questions
    pointing: dict[str, list[tuple[Question, Option]]] = {}  # broken id -> the options that use it
    for question in questions.values():
        for option in question.options:
            target = option.next
            if target is not None and target not in questions and target not in outcomes:
                pointing.setdefault(target, []).append((question, option))
    # One next: naming a missing id is most likely a typo there ("Did you mean"); several naming the
    # same missing id are most likely a question or outcome renamed without them.
    renamed = _likely_renames(tree, [target for target, users in pointing.items() if len(users) > 1])
    for target, users in pointing.items():
        question, option = users[0]
        others = [f'option {other.number} of question "{asked.id}" (line {other.next_position().line})' for asked, other in users[1:]]
        also = f"; so does {_listed(others)}" if others else ""
        new_name = renamed.get(target)
        if new_name is not None:
            redirect[target] = new_name
            node = tree.node(new_name)
            lines = _listed([str(used.next_position().line) for _, used in users])
            report(
                option.next_position(),
                f'option {option.number} of question "{question.id}" goes to "{target}", which is not a question or an '
                f'outcome any more{also}. The {node.kind} "{new_name}" (line {node.id_position().line}) has no way in: '
                "was it renamed?",
                f'If so, change next: on line{"s" if len(users) > 1 else ""} {lines} to "{new_name}", '
                f'or rename the {node.kind} back to "{target}".',
                "unknown-next",
            )
            continue
        guess = closest(target)
        hint = f'Did you mean "{guess}"? ' if guess else ""
        report(
            option.next_position(),
            f'option {option.number} of question "{question.id}" goes to "{target}", '
            f"which is not a question or an outcome{also}.",
            f"{hint}Write one of the ids under questions: or outcomes:.",
            "unknown-next",
        )
    return redirect


def _likely_renames(tree: Tree, missing: list[str]) -> dict[str, str]:
    """{missing id: the id it was probably renamed to}, for ids that several next: lines name.

    A rename leaves two traces: next: lines naming an id that no longer exists, and a question
    or outcome that nothing points to. Pair them by spelling when close, or when there is
    exactly one of each. The pair is then reported as one mistake."""
    if not missing:
        return {}
    pointed_at = {option.next for question in tree.questions.values() for option in question.options}
    orphans = [
        node_id for node_id in (*tree.questions, *tree.outcomes) if node_id not in pointed_at and node_id != tree.start
    ]
    pairs: dict[str, str] = {}
    for target in missing:
        guess = suggest(target, [orphan for orphan in orphans if orphan not in pairs.values()])
        if guess is not None:
            pairs[target] = guess
    unpaired = [target for target in missing if target not in pairs]
    free = [orphan for orphan in orphans if orphan not in pairs.values()]
    if len(unpaired) == 1 and len(free) == 1:
        pairs[unpaired[0]] = free[0]
    return pairs


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _check_labels(tree: Tree, report) -> None:
    for question in tree.questions.values():
        if len(question.options) < 2:
            continue
        first_with: dict[str, int] = {}
        for option in question.options:
            if option.label is None:
                continue
            # "Yes" and " yes" look the same to a reader.
            same = " ".join(option.label.split()).casefold()
            if same in first_with:
                report(
                    option.label_position(),
                    f'option {option.number} of question "{question.id}" has the same label as '
                    f'option {first_with[same]}: "{option.label.strip()}".',
                    "Give each option its own words, so readers can tell them apart.",
                    "duplicate-label",
                )
            else:
                first_with[same] = option.number


def _check_pages(tree: Tree, pages: Pages, report) -> None:
    for outcome in tree.outcomes.values():
        for index, page in enumerate(outcome.see):
            path = page.split("#", 1)[0]
            if pages.exists(path):
                continue
            guess = suggest(path, pages.known_pages())
            hint = f'Did you mean "{guess}"? ' if guess else ""
            report(
                outcome.see_position(index),
                f'page {index + 1} under "see:" of outcome "{outcome.id}" is "{page}", '
                f"which is not a page in {pages.folder}.",
                f"{hint}Write the file name of a page in {pages.folder} (the nav: list in mkdocs.yml shows them).",
                "missing-page",
            )


def _check_reachable(tree: Tree, report, redirect: dict[str, str]) -> None:
    start = redirect.get(tree.start, tree.start)
    if start not in tree.questions:
        return  # without a start, everything would be "unreachable": the start message says enough
    reachable = reachable_from(tree, start, redirect)
    unreachable: dict[str, Question | Outcome] = {
        node.id: node for node in (*tree.questions.values(), *tree.outcomes.values()) if node.id not in reachable
    }
    # Report only where each cut-off part begins: the nodes after it are unreachable only
    # because it is, and fixing the first one fixes them all (a missing next: would otherwise
    # bury the one real mistake under a message for every node below it).
    pointed_at = {
        redirect.get(option.next, option.next)
        for node_id in unreachable
        for option in getattr(tree.questions.get(node_id), "options", ())
    }
    firsts = [node for node_id, node in unreachable.items() if node_id not in pointed_at]
    covered: set[str] = set()
    for node in firsts:
        covered |= reachable_from(tree, node.id, redirect)
    # A cut-off loop has no first node: report each of its nodes.
    firsts += [node for node_id, node in unreachable.items() if node_id not in covered]
    for node in firsts:
        after = len((reachable_from(tree, node.id, redirect) & unreachable.keys()) - {node.id})
        knock_on = f" Because of that, {after} more question(s) or outcome(s) after it cannot be reached either." if after else ""
        report(
            node.id_position(),
            f'{node.kind} "{node.id}" cannot be reached: no path from the start question leads to it.{knock_on}',
            f'Point an option\'s next: at "{node.id}", or delete the {node.kind} if it is no longer needed.',
            "unreachable",
        )


def _check_ranked(tree: Tree, report) -> None:
    """A stronger answer never leads to a worse verdict (questions with `ranked: strongest-first`).

    The options of such a question go from the strongest case for coverage to the weakest. For
    each option and the one after it, the worst verdict a reader can end at after the weaker
    answer must be no better than the worst after the stronger one, and the same for the best.
    Comparing ranges, not single paths, keeps this linear and lets the two answers ask different
    follow-up questions."""
    ranked = [question for question in tree.questions.values() if question.ranked]
    if not ranked:
        return
    bounds = verdict_rank_bounds(tree, {verdict.id: verdict.rank for verdict in VERDICTS.values()})
    by_rank: dict[int, str] = {}
    for verdict in VERDICTS.values():  # verdicts may share a rank: name them all
        by_rank[verdict.rank] = f"{by_rank[verdict.rank]}\" or \"{verdict.id}" if verdict.rank in by_rank else verdict.id
    for question in ranked:
        for stronger, weaker in zip(question.options, question.options[1:]):
            if stronger.next not in bounds or weaker.next not in bounds:
                continue  # a broken next: reported on its own
            (strong_worst, strong_best), (weak_worst, weak_best) = bounds[stronger.next], bounds[weaker.next]
            if weak_best > strong_best:
                what = (
                    f'can end with the verdict "{by_rank[weak_best]}", better than anything option {stronger.number} '
                    f'("{_short(stronger.label)}") can reach (at best "{by_rank[strong_best]}")'
                )
            elif weak_worst > strong_worst:
                what = (
                    f'never ends worse than "{by_rank[weak_worst]}", while option {stronger.number} '
                    f'("{_short(stronger.label)}") can end with "{by_rank[strong_worst]}"'
                )
            else:
                continue
            report(
                weaker.position(),
                f'option {weaker.number} of question "{question.id}" ("{_short(weaker.label)}") {what}. '
                "The question says ranked: strongest-first, so a weaker answer must not get a better verdict.",
                "List the options from the strongest case to the weakest, change the verdicts they lead to, "
                'or remove "ranked:" if the options are not a ranking.',
                "rank-order",
            )


def _short(label: str | None, limit: int = 60) -> str:
    text = " ".join((label or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _check_path_length(tree: Tree, report, limit: int) -> None:
    longest = longest_question_path(tree)
    if len(longest) <= limit:
        return
    first_too_many = tree.questions[longest[limit]]
    report(
        first_too_many.id_position(),
        f'question "{first_too_many.id}" is question {limit + 1} on the path '
        f"{' → '.join(longest)}: a reader would answer {len(longest)} questions before seeing an outcome, "
        f"and the most a tree may ask is {limit}.",
        "Merge or remove a question on this path, or let an earlier answer lead straight to an outcome.",
        "path-too-long",
    )

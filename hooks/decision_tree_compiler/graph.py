"""Graph algorithms on a tree: order, loops, longest path, layers, path counts, path listing.

Every function is iterative (no recursion limit on deep trees) and linear in the number of
questions and options, except iter_paths, which lists paths one by one and is only used when
the number of paths (counted first by path_counts) is small.

topological_order_from and longest_path_layers work on any graph given as "node -> the ids its
edges lead to" (the tree's options, or the compiled JSON's), so the flowchart and the layout
share one copy of each.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Iterator, Mapping, Sequence

from .model import Option, Question, Tree

_ON_PATH, _DONE = 1, 2


def breadth_first_order(tree: Tree) -> list[str]:
    """Ids reachable from start, start first, then level by level, options in YAML order."""
    if tree.start not in tree.questions:
        return []
    questions = tree.questions
    seen = {tree.start}
    order = [tree.start]
    queue = deque(order)
    while queue:
        question = questions.get(queue.popleft())
        if question is None:
            continue
        for option in question.options:
            target = option.next
            if target is not None and target not in seen and (target in questions or target in tree.outcomes):
                seen.add(target)
                order.append(target)
                queue.append(target)
    return order


def reachable_from(tree: Tree, start: str, redirect: dict[str, str] | None = None) -> set[str]:
    """Ids reachable from start. redirect maps a broken next to the id it was probably meant to be."""
    redirect = redirect or {}
    start = redirect.get(start, start)
    seen = {start}
    stack = [start]
    questions = tree.questions
    while stack:
        question = questions.get(stack.pop())
        if question is None:
            continue
        for option in question.options:
            target = redirect.get(option.next, option.next)
            if target is not None and target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


@dataclass(frozen=True)
class Loop:
    question: Question
    option: Option
    """The option whose next goes back to a question already on the way: it closes the loop."""
    ids: list[str]
    """The loop from the question it returns to, around, and back: ["a", "b", "a"]."""


def find_loops(tree: Tree) -> list[Loop]:
    """Every back edge found by a depth-first search from each question in YAML order."""
    questions = tree.questions
    state: dict[str, int] = {}
    loops: list[Loop] = []
    for root in questions:
        if root in state:
            continue
        state[root] = _ON_PATH
        path = [root]
        index_on_path = {root: 0}
        stack = [(questions[root], iter(questions[root].options))]
        while stack:
            question, options = stack[-1]
            for option in options:
                target = option.next
                if target not in questions:
                    continue
                target_state = state.get(target)
                if target_state is None:
                    state[target] = _ON_PATH
                    index_on_path[target] = len(path)
                    path.append(target)
                    stack.append((questions[target], iter(questions[target].options)))
                    break
                if target_state == _ON_PATH:
                    loops.append(Loop(question, option, path[index_on_path[target] :] + [target]))
            else:
                state[question.id] = _DONE
                del index_on_path[path.pop()]
                stack.pop()
    return loops


def postorder_from_start(tree: Tree) -> list[str]:
    """Questions reachable from start, each after every question it leads to (needs no loops)."""
    questions = tree.questions
    if tree.start not in questions:
        return []
    visited = {tree.start}
    order: list[str] = []
    stack = [(tree.start, iter(questions[tree.start].options))]
    while stack:
        question_id, options = stack[-1]
        for option in options:
            target = option.next
            if target in questions and target not in visited:
                visited.add(target)
                stack.append((target, iter(questions[target].options)))
                break
        else:
            order.append(question_id)
            stack.pop()
    return order


def questions_left(tree: Tree) -> dict[str, int]:
    """For each question reachable from start, the most questions on a path from it, itself
    included, in postorder (each question after the ones it leads to). Linear. The page says
    "question 2 of at most 5" with 1 answer given + this (compile_json.py)."""
    questions = tree.questions
    left: dict[str, int] = {}
    for question_id in postorder_from_start(tree):
        left[question_id] = 1 + max((left.get(option.next, 0) for option in questions[question_id].options), default=0)
    return left


def longest_question_count(tree: Tree) -> int:
    """The number of questions on the longest path from start: "question 2 of at most N"."""
    return questions_left(tree).get(tree.start, 0)


def longest_question_path(tree: Tree) -> list[str]:
    """The questions of the longest path from start (the first such path in option order). Linear."""
    left = questions_left(tree)
    path = [tree.start] if tree.start in left else []
    while path and tree.questions[path[-1]].options:
        longest = max(tree.questions[path[-1]].options, key=lambda option: left.get(option.next, 0))
        if left.get(longest.next, 0) == 0:
            break  # every answer here leads to an outcome
        path.append(longest.next)
    return path


def next_ids(tree: Tree) -> dict[str, list[str]]:
    """Each question's option targets in option order (repeats kept): the tree as a plain graph."""
    return {question_id: [option.next for option in question.options] for question_id, question in tree.questions.items()}


def topological_order_from(start: str, successors: Mapping[str, Sequence[str]]) -> list[str]:
    """Ids reachable from start, each after every node that leads to it (Kahn's algorithm).

    successors maps a node to the ids its edges lead to; a node missing from it has none (an
    outcome). Ready nodes are taken first in, first out, so nodes come roughly nearest first,
    edges in the order given. The graph must have no loops (the checks guarantee it): a node
    on a loop would never become ready and is left out.
    """
    # Count incoming edges among reachable nodes only, so unreachable parts cannot block.
    incoming = {start: 0}
    stack = [start]
    while stack:
        for target in successors.get(stack.pop(), ()):
            if target not in incoming:
                incoming[target] = 0
                stack.append(target)
            incoming[target] += 1
    order = [start]
    for node in order:  # the list grows while we walk it: a queue without deque
        for target in successors.get(node, ()):
            incoming[target] -= 1
            if incoming[target] == 0:
                order.append(target)
    return order


def longest_path_layers(order: Sequence[str], successors: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Each node's layer: the number of edges on the longest path from the first node of order
    (a topological order) to it. Every edge then points to a higher layer. In order's order."""
    depth = dict.fromkeys(order, 0)
    for node in order:  # a node's depth is final before it is visited
        below = depth[node] + 1
        for target in successors.get(node, ()):
            if depth[target] < below:
                depth[target] = below
    return depth


def topological_order(tree: Tree) -> list[str]:
    """Questions and outcomes reachable from start, each after every question leading to it."""
    if tree.start not in tree.questions:
        return []
    return topological_order_from(tree.start, next_ids(tree))


def layers(tree: Tree) -> dict[str, int]:
    """Each reachable question's and outcome's layer: the answers on the longest path from start
    to it, so every answer leads down the flowchart. In topological order."""
    if tree.start not in tree.questions:
        return {}
    successors = next_ids(tree)
    return longest_path_layers(topological_order_from(tree.start, successors), successors)


def path_counts(tree: Tree) -> dict[str, int]:
    """How many paths from start end in each outcome, by dynamic programming (no enumeration).

    Python integers do not overflow, so 2**60 paths count exactly.
    """
    questions = tree.questions
    ways: dict[str, int] = {tree.start: 1} if tree.start in questions else {}
    for question_id in reversed(postorder_from_start(tree)):  # reverse postorder: a topological order
        here = ways.get(question_id, 0)
        for option in questions[question_id].options:
            ways[option.next] = ways.get(option.next, 0) + here
    return {outcome_id: ways.get(outcome_id, 0) for outcome_id in tree.outcomes}


def iter_paths(tree: Tree) -> Iterator[tuple[list[tuple[str, str]], str]]:
    """Every path as ([(question id, label chosen), ...], outcome id), options in YAML order."""
    questions = tree.questions
    if tree.start not in questions:
        return
    answers: list[tuple[str, str]] = []
    stack = [iter(questions[tree.start].options)]
    current = [tree.start]
    while stack:
        option = next(stack[-1], None)
        if option is None:
            stack.pop()
            current.pop()
            if answers:
                answers.pop()
            continue
        answers.append((current[-1], option.label))
        if option.next in questions:
            current.append(option.next)
            stack.append(iter(questions[option.next].options))
            continue
        yield list(answers), option.next
        answers.pop()


def verdict_rank_bounds(tree: Tree, rank_of: dict[str, int]) -> dict[str, tuple[int, int]]:
    """For every question and outcome, the lowest and highest verdict rank a reader can end at
    from there: {id: (worst, best)}. rank_of maps a verdict id to its rank.

    One iterative depth-first pass with memory, so linear even with 2**60 paths. Parts that are
    broken elsewhere (an option naming nothing, an outcome without a known verdict, an option
    going back into a loop) are left out here: their own checks report them.
    """
    questions, outcomes = tree.questions, tree.outcomes
    bounds: dict[str, tuple[int, int]] = {}
    for outcome in outcomes.values():
        rank = rank_of.get(outcome.verdict)
        if rank is not None:
            bounds[outcome.id] = (rank, rank)
    state: dict[str, int] = {}
    for root in questions:
        if root in state:
            continue
        state[root] = _ON_PATH
        stack = [(root, iter(questions[root].options))]
        while stack:
            question_id, options = stack[-1]
            for option in options:
                target = option.next
                if target in questions and target not in state:
                    state[target] = _ON_PATH
                    stack.append((target, iter(questions[target].options)))
                    break
            else:
                state[question_id] = _DONE
                stack.pop()
                reached = [bounds[option.next] for option in questions[question_id].options if option.next in bounds]
                if reached:
                    bounds[question_id] = (min(low for low, _ in reached), max(high for _, high in reached))
    return bounds

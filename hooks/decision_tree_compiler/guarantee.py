"""The promise the page makes: every path from start ends in a supported outcome.

Proven without listing paths, so it stays linear even for a graph with 2**60 paths. One
depth-first search from start (iterative: no recursion limit) checks that:
1. start is a question;
2. every option of every question reachable from start leads to a question or an outcome that exists;
3. every reachable question has at least one option (so no path stops at a question);
4. no option leads back to a question still on the search path (so there is no loop, and every
   path is finite);
5. every reachable outcome has a supported verdict.
Then every path is finite (4), cannot stop at a question (3) or at a missing id (2), so it ends at
an outcome, and that outcome's verdict is supported (5).

Deliberately independent of checks.py: the checks explain what is wrong; this states the promise
directly, and the tests (and the compiler, as a safety net) hold the two against each other.
"""

from __future__ import annotations

from .model import Tree
from .verdicts import VERDICTS

_ON_PATH, _DONE = 1, 2


def every_path_ends_in_supported_outcome(tree: Tree) -> bool:
    questions, outcomes = tree.questions, tree.outcomes
    if tree.start not in questions:
        return False
    state = {tree.start: _ON_PATH}
    stack = [(tree.start, iter(questions[tree.start].options))]
    if not questions[tree.start].options:
        return False
    while stack:
        question_id, options = stack[-1]
        for option in options:
            target = option.next
            if target in questions:
                target_state = state.get(target)
                if target_state == _ON_PATH:
                    return False  # a loop
                if target_state is None:
                    if not questions[target].options:
                        return False
                    state[target] = _ON_PATH
                    stack.append((target, iter(questions[target].options)))
                    break
            elif target not in outcomes or outcomes[target].verdict not in VERDICTS:
                return False
        else:
            state[question_id] = _DONE
            stack.pop()
    return True

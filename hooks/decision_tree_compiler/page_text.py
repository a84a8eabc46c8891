"""The words of the tree page's controls and status lines, written once for the build and the script.

The build writes some of them into the static page (the first progress line, "Start again");
all of them reach the page's script through the page's JSON (compile_json.py), so the script
holds no sentence of its own. "{name}" is a blank that both sides fill the same way: Python with
str.format, the script by replacing "{name}" with the value.
"""

from __future__ import annotations

SCRIPT_TEXT: dict[str, str] = {
    # The progress line over the question, and the one the script writes at an outcome.
    "progress": "Question {asked} of at most {most}",
    "result": "Your result after {answers}: {verdict}",
    "one_answer": "{count} answer",
    "answers": "{count} answers",
    # The buttons under the question, and the reader's answers.
    "back": "Back",
    "start_again": "Start again",
    "print": "Print your answers",
    "answers_so_far": "Your answers so far",
    "your_answers": "Your answers",
    "change": "Change",
    "change_hidden": " your answer to: {question}",
    # The flowchart's zoom buttons and the zoom level between them.
    "zoom_out": "Zoom out",
    "zoom_in": "Zoom in",
    "fit": "Fit",
    "zoom": "{percent}%",
}


def progress_line(asked: int, most: int) -> str:
    return SCRIPT_TEXT["progress"].format(asked=asked, most=most)

"""The page-checks hook: a strict build fails on any page that would run script or load from
another site, naming every problem of every page, with its line, in one run."""

from __future__ import annotations

from tests.project_copy import build, copy_project


def test_every_problem_of_every_page_is_reported_in_one_build(tmp_path):
    project = copy_project(tmp_path)
    about = project / "docs" / "about.md"
    about_lines = about.read_text(encoding="utf-8").count("\n")
    about.write_text(
        about.read_text(encoding="utf-8")
        + "\n![logo](https://cdn.example.org/logo.png)\n\n<p onclick=\"alert(1)\">x</p>\n",
        encoding="utf-8",
    )
    glossary = project / "docs" / "glossary.md"
    glossary_lines = glossary.read_text(encoding="utf-8").count("\n")
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n[run](javascript:alert(1))\n", encoding="utf-8")

    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert f"docs/about.md:{about_lines + 2}:9: this page loads \"https://cdn.example.org/logo.png\" from another site" in output
    assert f"docs/about.md:{about_lines + 4}:4: this page has an event handler (onclick=)" in output
    assert f'docs/glossary.md:{glossary_lines + 2}:7: this page links to "javascript:alert(1)"' in output
    assert "Found 3 problems in 2 files." in output


def test_pages_made_by_other_hooks_are_left_to_them(built_site):
    # The tree page carries its data in a <script type="application/json">: the tree compiler,
    # which escapes every value it writes there, answers for it, and the real build passes.
    assert 'type="application/json"' in (built_site / "decision-tree" / "coverage" / "index.html").read_text(encoding="utf-8")

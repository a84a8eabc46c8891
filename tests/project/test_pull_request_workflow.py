"""The pull-request checks a writer meets: fastest first, the summary of changed paths on the
run's page, and the path tables and a preview of the site to download."""

from __future__ import annotations

import yaml

from tests.project_copy import PROJECT_ROOT

WORKFLOW = PROJECT_ROOT / ".github" / "workflows" / "pull-request.yml"


def _steps() -> list[dict]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    [job] = data["jobs"].values()
    return job["steps"]


def _index(run_prefix: str) -> int:
    runs = [step.get("run", "") for step in _steps()]
    matches = [number for number, run in enumerate(runs) if run.startswith(run_prefix)]
    assert len(matches) == 1, f"{run_prefix!r} should run exactly once in {WORKFLOW.name}"
    return matches[0]


def test_the_fast_tree_check_runs_first_then_the_build_then_the_browser_tests():
    runs = [step.get("run", "") for step in _steps()]
    build = runs.index("python3 dev.py build")
    order = [_index("python3 dev.py check-tree"), build, _index('python3 dev.py test -m "not browser"'),
             _index("python3 dev.py test -m browser")]
    assert order == sorted(order)


def test_the_changed_paths_go_to_the_run_summary_compared_with_the_base_branch():
    step = _steps()[_index("python3 dev.py changed-paths")]
    assert step["run"] == 'python3 dev.py changed-paths "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"'
    # The branch name reaches the shell as data in an environment variable, never as code.
    assert step["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    checkout = _steps()[0]
    assert checkout["with"]["fetch-depth"] == 0  # the base branch is there to compare with


def test_the_path_tables_and_the_preview_are_kept_as_downloads():
    uploads = {step["with"]["name"]: step["with"]["path"] for step in _steps() if "upload-artifact" in step.get("uses", "")}
    assert uploads["path-tables"] == "path-tables.md"
    assert uploads["site-preview"] == "site-preview/"
    assert _index("python3 dev.py paths --output path-tables.md") < _index("python3 dev.py build --preview")


def test_reviewers_are_told_the_preview_is_the_pull_requests_own_content():
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert "The preview is the pull request's own content" in workflow
    contributing = (PROJECT_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "the preview is the pull request's own content" in " ".join(contributing.split())

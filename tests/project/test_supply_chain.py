"""What CI runs with: every action pinned, tokens as weak as they can be, every package locked.

These read the workflow files and the lock file as data; `zizmor --offline .github/workflows`
(README.md, "Packages and workflows") audits the workflows more widely.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import dev
from tests.project_copy import PROJECT_ROOT

WORKFLOWS = sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))
PINNED_USES = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$")
LOCKED = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\]+) \\$")
WRITE_SCOPES = {"pages", "id-token"}


def workflow(path: Path) -> dict:
    # PyYAML reads the key `on:` as True; nothing here needs it.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(data: dict):
    for job_name, job in data["jobs"].items():
        for step in job.get("steps", []):
            yield job_name, step


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment(path: Path):
    uses_lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(?:-\s+)?uses:", line)]
    assert uses_lines, f"{path.name} uses no action?"
    unpinned = [line.strip() for line in uses_lines if not PINNED_USES.match(line)]
    assert not unpinned, f"{path.name}: pin these to a full commit SHA with `# vX.Y.Z` after it: {unpinned}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_checkout_never_keeps_the_token(path: Path):
    checkouts = [step for _, step in steps(workflow(path)) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: set persist-credentials: false"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_only_the_deploy_job_can_write_to_pages(path: Path):
    data = workflow(path)
    top = data.get("permissions") or {}
    assert not WRITE_SCOPES & {scope for scope, level in top.items() if level == "write"}, (
        f"{path.name}: the whole workflow gets {top}; give Pages rights to the deploy job only"
    )
    for job_name, job in data["jobs"].items():
        granted = {scope for scope, level in (job.get("permissions") or {}).items() if level == "write"}
        runs_code = any("run" in step for step in job.get("steps", []))
        if granted & WRITE_SCOPES:
            assert not runs_code, f"{path.name}: job {job_name} runs commands and can write to Pages"
            assert [step.get("uses", "").split("@")[0] for step in job["steps"]] == ["actions/deploy-pages"]


def test_the_deploy_job_has_exactly_what_deploy_pages_needs():
    data = workflow(PROJECT_ROOT / ".github" / "workflows" / "deploy.yml")
    assert data["permissions"] == {}
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["jobs"]["build"]["permissions"] == {"contents": "read"}


def test_only_main_is_ever_published():
    data = workflow(PROJECT_ROOT / ".github" / "workflows" / "deploy.yml")
    triggers = data[True]  # PyYAML reads the key `on:` as True
    assert set(triggers) <= {"push", "workflow_dispatch"}, triggers
    assert triggers["push"] == {"branches": ["main"]}
    # "Run workflow" lets anyone with write access pick a branch: the job that publishes must
    # check the ref itself (needs: only orders the jobs).
    assert data["jobs"]["deploy"]["if"] == "github.ref == 'refs/heads/main'"


def locked_packages() -> dict[str, str]:
    lines = (PROJECT_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    packages = {}
    for number, line in enumerate(lines):
        if not line or line[0] in " #":
            continue
        match = LOCKED.match(line)
        assert match, f"requirements.txt line {number + 1} is not `name==version \\`: {line!r}"
        assert lines[number + 1].strip().startswith("--hash=sha256:"), f"{match.group(1)} has no hash"
        packages[match.group(1).lower().replace("_", "-")] = match.group(2)
    return packages


def test_every_package_is_locked_with_hashes_at_the_versions_requirements_in_names():
    locked = locked_packages()
    wanted = {}
    for line in (PROJECT_ROOT / "requirements.in").read_text(encoding="utf-8").splitlines():
        requirement = line.split("#", 1)[0].strip()
        if requirement:
            name, version = requirement.split("==")
            wanted[name.lower().replace("_", "-")] = version
    assert {name: locked.get(name) for name in wanted} == wanted, "run: python3 dev.py lock"
    # Transitive packages are locked too: far more than requirements.in names.
    assert len(locked) > len(wanted) + 20


def test_setuptools_has_the_fixes_for_its_known_vulnerabilities():
    # CVE-2022-40897 (fixed in 65.5.1), CVE-2024-6345 (70.0.0), CVE-2025-47273 (78.1.1).
    version = tuple(int(part) for part in locked_packages()["setuptools"].split(".")[:3])
    assert version >= (78, 1, 1)


def test_dev_py_installs_only_the_locked_hashes_from_wheels(monkeypatch, tmp_path):
    commands = []
    monkeypatch.setattr(dev, "VENV", tmp_path / "venv")
    monkeypatch.setattr(dev, "STAMP", tmp_path / "venv" / "stamp")
    monkeypatch.setattr(dev.venv.EnvBuilder, "create", lambda self, path: (tmp_path / "venv" / "bin").mkdir(parents=True))
    monkeypatch.setattr(dev, "run", lambda command, **kwargs: commands.append([str(part) for part in command]) or 0)
    dev.set_up()
    [install] = commands
    assert install[1:4] == ["-m", "pip", "install"]
    assert "--require-hashes" in install and install[install.index("--only-binary") + 1] == ":all:"
    assert install[-2:] == ["-r", str(PROJECT_ROOT / "requirements.txt")]


def test_ci_runs_the_readme_test_command():
    # .ci/run and both workflows install through dev.py, so they get the same hash-checked set.
    assert "python3 dev.py test" in (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for path in WORKFLOWS:
        for job_name, step in steps(workflow(path)):
            assert "pip" not in step.get("run", ""), f"{path.name}: job {job_name} installs packages itself; use dev.py"

#!/usr/bin/env python3
"""One entry point for working on the site. Needs only Python 3.11 or newer.

    python3 dev.py serve        set up, then preview the site with live reload (any mkdocs serve
                                option works after it, e.g. --dev-addr 127.0.0.1:8001)
    python3 dev.py test         set up, then run the whole test suite
    python3 dev.py build        set up, then build the site into site/ (strict)
    python3 dev.py build --preview   the same into site-preview/, a copy that opens from disk
    python3 dev.py check-tree   check every decision tree and explain each problem
    python3 dev.py paths        list every path through the decision trees
    python3 dev.py changed-paths BASE   what a change does to the trees' paths, compared with a git ref
    python3 dev.py bench        time the decision tree compiler on generated trees
    python3 dev.py lock         recompile requirements.txt from requirements.in

"Set up" means: make a virtual environment in .venv and install the locked packages
from requirements.txt into it (again only when that file changes). Every package, the
ones requirements.in names and everything they pull in, is pinned there with the hashes
of its files, and pip refuses anything else (--require-hashes). The test command also
needs Chromium for the browser tests; on a Debian or Ubuntu machine it installs it with
apt-get when it is missing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
REQUIREMENTS_IN = ROOT / "requirements.in"
STAMP = VENV / "requirements.sha256"
PREVIEW_DIR = "site-preview"
"""Where `build --preview` writes the copy of the site that opens from disk."""
# pip-tools compiles the lock file; it runs in a venv of its own, never in the project's.
LOCK_VENV = ROOT / ".venv-lock"
PIP_TOOLS = "pip-tools==7.6.2"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def venv_python(venv_dir: Path | None = None) -> Path:
    return (venv_dir or VENV) / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(command: list[str], **kwargs) -> int:
    # On stderr, so that a command's own output can be piped (changed-paths into a job summary).
    print("+ " + " ".join(str(part) for part in command), file=sys.stderr, flush=True)
    return subprocess.call([str(part) for part in command], cwd=ROOT, **kwargs)


def set_up() -> None:
    """Create .venv and install requirements.txt, unless already done for this file."""
    if sys.version_info < (3, 11):
        sys.exit(f"This project needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if venv_python().exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not venv_python().exists():
        print(f"Creating a virtual environment in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    # --require-hashes: a package whose file does not match its locked hash is refused, and so
    # is any package the lock does not list. --only-binary: wheels only, so installing never
    # runs a package's own build code (whose build dependencies pip would not check).
    install = [venv_python(), "-m", "pip", "install", "--disable-pip-version-check", "--require-hashes",
               "--only-binary", ":all:", "-r", REQUIREMENTS]
    if run(install) != 0:
        sys.exit("Installing the packages in requirements.txt failed; see the messages above.")
    STAMP.write_text(wanted + "\n")


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium; install it if we can, else say how."""
    if CHROMIUM.exists():
        return
    apt = shutil.which("apt-get")
    if apt:
        prefix = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
        if prefix is not None:
            print("Chromium is needed for the browser tests; installing it with apt-get ...", flush=True)
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            if run(prefix + [apt, "update"], env=env) == 0 and run(prefix + [apt, "install", "-y", "chromium"], env=env) == 0:
                return
    sys.exit(
        f"The browser tests need Chromium at {CHROMIUM}, and it is not there.\n"
        "On Debian or Ubuntu: sudo apt-get install chromium\n"
        "Elsewhere: install Chromium and set CHROMIUM_PATH to its program file."
    )


def lock(extra: list[str]) -> int:
    """Recompile requirements.txt: every package pinned, with the hashes of its files."""
    if not venv_python(LOCK_VENV).exists():
        venv.EnvBuilder(with_pip=True).create(LOCK_VENV)
        if run([venv_python(LOCK_VENV), "-m", "pip", "install", "--disable-pip-version-check", PIP_TOOLS]) != 0:
            return 1
    env = dict(os.environ, CUSTOM_COMPILE_COMMAND="python3 dev.py lock")
    return run(
        [venv_python(LOCK_VENV), "-m", "piptools", "compile", "--quiet", "--generate-hashes", "--allow-unsafe",
         "--strip-extras", "--no-emit-index-url", "--no-emit-find-links", "--output-file", REQUIREMENTS.name,
         REQUIREMENTS_IN.name, *extra],  # relative names: the file records them
        env=env,
    )


def tree_command(*args: str) -> list[str]:
    """Run the decision tree compiler, which lives beside the MkDocs hook."""
    return [str(venv_python()), "-m", *args]


def main(argv: list[str]) -> int:
    commands = ("serve", "test", "build", "check-tree", "paths", "changed-paths", "bench", "lock")
    if len(argv) < 2 or argv[1] not in commands:
        print(__doc__)
        return 2
    command, extra = argv[1], argv[2:]
    if command == "lock":
        return lock(extra)
    set_up()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    mkdocs = [venv_python(), "-m", "mkdocs"]
    if command == "serve":
        return run([*mkdocs, "serve", "--livereload", *extra])
    if command == "build":
        if "--preview" in extra:
            # A copy that opens from disk (file://) or any static server: page.html files instead
            # of page/ folders, no site address. Pull requests keep it as an artifact.
            extra = [part for part in extra if part != "--preview"]
            site_dir = [] if "--site-dir" in extra or "-d" in extra else ["--site-dir", str(ROOT / PREVIEW_DIR)]
            preview_env = dict(os.environ, DIRECTORY_URLS="false", SITE_URL="")
            return run([*mkdocs, "build", "--strict", *site_dir, *extra], env=preview_env)
        return run([*mkdocs, "build", "--strict", *extra])
    if command == "test":
        if "not browser" not in " ".join(extra):  # `test -m "not browser"` is the quick run without Chromium
            ensure_chromium()
        return run([venv_python(), "-m", "pytest", *extra])
    if command == "check-tree":
        return run(tree_command("decision_tree_compiler", "check", *extra), env=env)
    if command in ("paths", "changed-paths"):
        return run(tree_command("decision_tree_compiler", command, *extra), env=env)
    return run(tree_command("decision_tree_compiler.benchmark", *extra), env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Lighthouse (mobile) scores for the home page and the decision tree page. Not part of pytest.

Builds the project in a temporary folder, serves it with gzip compression the way GitHub Pages
does, runs Lighthouse on each page and prints the four category scores (the median of --runs
runs, since the performance score varies a little from run to run).

    CHROME_PATH=/usr/bin/chromium .venv/bin/python tests/browser/lighthouse_report.py \
        --lighthouse /tmp/lh/node_modules/.bin/lighthouse [--runs 3] [--keep-reports DIR]

Targets (issue 4): accessibility and best practices 100, performance and SEO at least 98.
Exits 1 when a page misses a target.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))

from tests.project_copy import build, copy_project  # noqa: E402

PAGES = {"home": "", "decision tree": "decision-tree/coverage/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 98}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it, with a short cache time like Pages."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in COMPRESSIBLE and accepts_gzip):
            return super().send_head()  # other files, redirects and 404s as usual
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_lighthouse(lighthouse: str, url: str, report: Path) -> dict[str, int]:
    command = [
        lighthouse,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    env = dict(os.environ)
    env.setdefault("CHROME_PATH", "/usr/bin/chromium")
    subprocess.run(command, check=True, env=env, timeout=300)
    result = json.loads(report.read_text())
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lighthouse", default=shutil.which("lighthouse") or "/tmp/lh/node_modules/.bin/lighthouse")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep-reports", type=Path, help="folder for Lighthouse's JSON reports")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        port = free_port()
        origin = f"http://127.0.0.1:{port}/"
        project = copy_project(Path(temporary))
        result = build(project, site_url=origin)
        if result.returncode != 0:
            print(result.stdout, result.stderr)
            return 1
        handler = functools.partial(GzipHandler, directory=str(project / "site"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        reports = arguments.keep_reports or Path(temporary) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        missed = []
        try:
            for name, address in PAGES.items():
                runs = [
                    run_lighthouse(arguments.lighthouse, origin + address, reports / f"{name.replace(' ', '-')}-{run}.json")
                    for run in range(arguments.runs)
                ]
                scores = {category: statistics.median(run[category] for run in runs) for category in CATEGORIES}
                every = {category: [run[category] for run in runs] for category in CATEGORIES}
                print(f"{name:14} " + "  ".join(f"{category} {scores[category]:g} {every[category]}" for category in CATEGORIES))
                missed += [f"{name} {category}" for category in CATEGORIES if scores[category] < TARGETS[category]]
        finally:
            server.shutdown()
            server.server_close()
    if missed:
        print("Below target:", ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

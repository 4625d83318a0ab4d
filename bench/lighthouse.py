"""Lighthouse (mobile preset) on the timeline page, and the first view's transfer size.

Run: ``make lighthouse`` (or ``.venv/bin/python bench/lighthouse.py [PATH] [--runs N]``). Serves the bundled
events.yaml under gunicorn on a free loopback port, installs lighthouse@12.8.2 into bench/out/ on
first use (npm; not needed by ``make test``), and prints the four category scores (targets:
accessibility, best practices and SEO 100, performance >= 95) and HTML + CSS + JS sizes, raw and gzip.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
TOOLS = OUT / "lighthouse-tools"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
VERSION = "12.8.2"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking"


def install() -> None:
    """Install Lighthouse into bench/out/ once (the npm registry is the only download)."""
    if LIGHTHOUSE.exists():
        return
    TOOLS.mkdir(parents=True, exist_ok=True)
    print(f"Installing lighthouse@{VERSION} into {TOOLS.relative_to(ROOT)} …", file=sys.stderr)
    subprocess.run(
        ["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve(port: int) -> subprocess.Popen[bytes]:
    """gunicorn serving the bundled timeline; returns once it answers."""
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            *("--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"),
            "timeline:create_app()",
        ],
        cwd=ROOT,
        env={**os.environ, "TIMELINE_EVENTS": str(ROOT / "events.yaml")},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


class Assets(HTMLParser):
    """The stylesheets and scripts a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "stylesheet" and found.get("href"):
            self.urls.append(found["href"] or "")
        if tag == "script" and found.get("src"):
            self.urls.append(found["src"] or "")


def first_view(base: str, path: str) -> list[tuple[str, int, int]]:
    """(url, raw bytes, gzip bytes) of the HTML and the CSS and JS it loads."""
    rows = []
    with urllib.request.urlopen(base + path) as response:
        html = response.read()
    rows.append((path, len(html), len(gzip.compress(html, 6))))
    parser = Assets()
    parser.feed(html.decode())
    for url in parser.urls:
        with urllib.request.urlopen(base + url) as response:
            body = response.read()
        rows.append((url, len(body), len(gzip.compress(body, 6))))
    return rows


def lighthouse(url: str, run: int) -> dict[str, int]:
    """Run Lighthouse (its default mobile preset) and return the category scores, 0–100."""
    OUT.mkdir(parents=True, exist_ok=True)
    report = OUT / f"lighthouse-{run}.json"
    for _attempt in range(3):  # Lighthouse now and then fails to record a trace (NO_NAVSTART)
        done = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                *("--quiet", "--output=json", f"--output-path={report}"),
                *(f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={FLAGS}"),
            ],
            check=False,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        if done.returncode == 0:
            break
    else:
        raise SystemExit("Lighthouse failed three times")
    data = json.loads(report.read_text(encoding="utf-8"))
    failing = [
        f"{a['id']} ({a['score']})"
        for a in data["audits"].values()
        if a.get("score") is not None
        and a["score"] < 0.9
        and a.get("scoreDisplayMode") in ("binary", "numeric")
    ]
    if failing:
        print("audits below 0.9: " + ", ".join(failing), file=sys.stderr)
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    """Serve, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default="/", help="the page to measure (default: the timeline)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs; the median is reported")
    args = parser.parse_args()
    install()
    port = free_port()
    server = serve(port)
    base = f"http://127.0.0.1:{port}"
    try:
        rows = first_view(base, args.path)
        runs = [lighthouse(base + args.path, i) for i in range(args.runs)]
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"Lighthouse {VERSION}, mobile preset, {args.path}: median of {args.runs} runs")
    for name in CATEGORIES:
        each = " ".join(str(r[name]) for r in runs)
        print(f"  {name:<15} {statistics.median_low(r[name] for r in runs):>3}   ({each})")
    print("First view (HTML + CSS + JS):")
    for url, raw, packed in rows:
        print(f"  {url:<32} {raw / 1024:8.1f} KiB raw {packed / 1024:7.1f} KiB gzip")
    print(
        f"  {'total':<32} {sum(r[1] for r in rows) / 1024:8.1f} KiB raw"
        f" {sum(r[2] for r in rows) / 1024:7.1f} KiB gzip"
    )


if __name__ == "__main__":
    main()

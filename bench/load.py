"""Load test on loopback: wrk against the app under gunicorn, next to a trivial Flask page.

Run: ``make load`` (or ``.venv/bin/python bench/load.py [--duration 30] [--events N] [--no-page-cache]``).

Both servers run as ``make serve`` runs the app (gunicorn, 2 x CPUs + 1 sync workers) on a
free 127.0.0.1 port; wrk hits each target for ``--duration`` seconds at 64 connections.
Targets: 0 errors everywhere, and the filtered page at least half as fast as the trivial
page.  Exit status 0 when both hold, 1 when not, 2 when wrk is missing.  Ratios matter more
than absolute numbers: on a shared 2-core machine everything else running shifts them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402
from timeline.load import load  # noqa: E402

HTMX = ("HX-Request: true", "HX-Target: results")
CONNECTIONS = 64
MIN_RATIO = 0.5  # filtered page / trivial page


def trivial() -> Flask:
    """The baseline: the smallest Flask page, served the same way."""
    app = Flask(__name__)
    app.add_url_rule("/", "index", lambda: "ok")
    return app


@dataclass(frozen=True, slots=True)
class Result:
    """What wrk measured for one target."""

    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """gunicorn with ``app`` on loopback; stopped (its whole process group) by ``stop``."""

    def __init__(self, app: str, env: dict[str, str], tree: Path = ROOT) -> None:
        self.port = free_port()
        workers = 2 * (os.cpu_count() or 1) + 1
        command = [str(Path(sys.executable).parent / "gunicorn"), "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(workers), "--no-control-socket", app]
        self.process = subprocess.Popen(
            command,
            cwd=tree,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{app}: gunicorn exited with status {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.base + "/", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"{app}: gunicorn did not answer within 60 s")

    def stop(self) -> None:
        """Stop the master and its workers."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _ms(value: str) -> float:
    """A wrk duration ("850.12us", "1.2ms", "1.04s") in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(name: str, url: str, duration: int, headers: tuple[str, ...] = ()) -> Result:
    """Run wrk against ``url`` and read its report."""
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=duration + 60, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)\s*$", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)\s*$", out, re.M).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(found.group(1))
    return Result(name, rps, p50, p99, errors)


def filters(path: Path) -> str:
    """A filter the data answers: its most common actor and country."""
    timeline = load(path)
    actors = Counter(a for e in timeline.events for a in e.actors)
    countries = Counter(c for e in timeline.events for c in e.countries)
    actor, country = actors.most_common(1)[0][0], countries.most_common(1)[0][0]
    return f"/?actor={actor}&country={country}"


def main() -> int:
    """Run the load test; print a table and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds per target (default 30)")
    parser.add_argument("--events", type=int, help="serve a generated file of N events, not events.yaml")
    parser.add_argument("--no-page-cache", action="store_true", help="render every page, as on a first visit")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("bench/load.py needs wrk: apt-get install -y --no-install-recommends wrk", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="timeline-load-") as folder:
        data = ROOT / "events.yaml"
        if args.events:
            data = Path(folder) / "events.yaml"
            data.write_text(generate(args.events), encoding="utf-8")
        env = {"TIMELINE_EVENTS": str(data), "XDG_CACHE_HOME": folder}
        filtered = filters(data)
        results: list[Result] = []
        servers = []
        try:
            factory = (
                "timeline:create_app({'TIMELINE_PAGE_CACHE': 0})"
                if args.no_page_cache
                else "timeline:create_app()"
            )
            servers.append(app := Server(factory, env))
            print(
                f"serving {data.name} on {app.base}; {args.duration} s a target at {CONNECTIONS} connections"
            )
            results.append(wrk("full page /", app.base + "/", args.duration))
            results.append(wrk(f"filtered page {filtered}", app.base + filtered, args.duration))
            results.append(wrk("htmx fragment (same filter)", app.base + filtered, args.duration, HTMX))
            results.append(wrk("/api/events", app.base + "/api/events", args.duration))
            servers.append(base := Server("bench.load:trivial()", env))
            results.append(wrk("trivial Flask page (baseline)", base.base + "/", args.duration))
        finally:
            for server in servers:
                server.stop()
    baseline = results[-1].rps
    print(f"\n{'target':<58} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ratio':>6}")
    for r in results:
        ratio = r.rps / baseline
        print(f"{r.name:<58} {r.rps:>9.0f} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f} {r.errors:>7} {ratio:>6.2f}")
    errors = sum(r.errors for r in results)
    ratio = results[1].rps / baseline
    ok = errors == 0 and ratio >= MIN_RATIO
    print(
        f"\nerrors: {errors} (target 0); filtered/trivial: {ratio:.2f} (target >= {MIN_RATIO}): "
        f"{'OK' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

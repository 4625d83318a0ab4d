"""Time to render the timeline page, whole and filtered, at 10,000 events, in process.

Run: ``.venv/bin/python bench/render.py [--events N] [--renders R] [--against REV] [--prefix /ru]``. Each page
is rendered R times through the app without the page cache (``TIMELINE_PAGE_CACHE=0``), in a
fresh process that first loads the snapshot and renders each page once; printed per page: the
median and p95 time of a render and the median CPU time. ``--against REV`` renders the code of a
git revision side by side (same data, same load) and prints the ratio of the medians and
whether both rendered the same bytes. ``--prefix /ru`` renders the pages in another language
(the addresses without a prefix are English: no ``Accept-Language`` is sent).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/?country=KZ&tag=launch", "/?from=1960&to=1990&q=rocket"]


def measure(path: Path, cache: Path, renders: int, prefix: str = "") -> dict[str, dict[str, float | str]]:
    """In this process: each page's render times (ms), CPU times (ms) and checksum."""
    from timeline import create_app

    config = {"TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": str(cache), "TIMELINE_PAGE_CACHE": 0}
    app = create_app({**config, "TESTING": False})
    found: dict[str, dict[str, float | str]] = {}
    for page in PAGES:
        with app.test_request_context(prefix + page):
            body = app.full_dispatch_request().get_data()  # warm: templates compiled, caches filled
        times, cpu = [], []
        for _ in range(renders):
            start, start_cpu = time.perf_counter(), time.process_time()
            with app.test_request_context(prefix + page):
                response = app.full_dispatch_request()
                assert response.status_code == 200, response.status_code
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        times.sort()
        found[page] = {
            "ms": statistics.median(times),
            "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
            "cpu": statistics.median(cpu),
            "sha256": hashlib.sha256(body).hexdigest(),
        }
    return found


def run_one(
    tree: Path, path: Path, cache: Path, renders: int, prefix: str
) -> dict[str, dict[str, float | str]]:
    """Measure in a fresh process running the code in ``tree``."""
    command = [sys.executable, __file__, "--renders", str(renders), "--prefix", prefix]
    command += ["--one", str(path), str(cache), str(tree)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    rows: dict[str, dict[str, float | str]] = json.loads(out.stdout)
    return rows


def main() -> None:
    """Generate the data, then render in one process per tree."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--renders", type=int, default=50)
    parser.add_argument("--against", metavar="REV", help="also render this git revision, side by side")
    parser.add_argument("--prefix", default="", help="a language prefix for every page (/ru)")
    parser.add_argument("--one", nargs=3, metavar=("DATA", "CACHE", "TREE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        data, cache, tree = args.one
        sys.path.insert(0, tree)
        print(json.dumps(measure(Path(data), Path(cache), args.renders, args.prefix)))
        return
    sys.path.insert(0, str(ROOT))
    from bench.exports import trees
    from bench.generate import generate

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_text(generate(args.events), encoding="utf-8")
        measured = trees(args.against, Path(folder))
        results = {label: run_one(tree, path, Path(folder) / f"cache-{n}", args.renders, args.prefix)
                   for n, (label, tree) in enumerate(measured)}  # fmt: skip
        print(f"renders of the timeline page at {args.events:,} events, median of {args.renders}")
        for page in PAGES:
            shown = args.prefix + page
            for label, rows in results.items():
                row = rows[page]
                timing = f"{row['ms']:7.1f} ms (p95 {row['p95']:.1f}) | cpu {row['cpu']:6.1f} ms"
                print(f"{shown:>35} {label:>8} | {timing}")
            if args.against:
                before, now = (results[label][page] for label, _ in measured)
                same = "same bytes" if before["sha256"] == now["sha256"] else "DIFFERENT BYTES"
                ratio = float(before["ms"]) / float(now["ms"])
                cpu_ratio = float(before["cpu"]) / float(now["cpu"])
                print(f"{'':>35} {'':>8} | {ratio:.2f}x faster (cpu {cpu_ratio:.2f}x), {same}")


if __name__ == "__main__":
    main()

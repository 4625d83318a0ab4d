"""Load time (cold and warm), in-process filter latency and the time axis at 1k, 10k and 100k events.

Run: ``make bench`` (or ``.venv/bin/python bench/run.py [N ...]``). Prints medians and p95;
the targets for 100k events on a 2-core machine: warm load <= 1 s, cold <= 10 s, filter p50 <= 10 ms,
the axis (computed and drawn as SVG) < 20 ms for any window, with at most ~2,000 SVG elements.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from werkzeug.datastructures import MultiDict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.axis import axis_row
from bench.generate import generate
from timeline.load.cache import load_cached
from timeline.query import apply, parse_query

QUERIES = [
    [],
    [("actor", "actor-3")],
    [("country", "KZ")],
    [("actor", "actor-3"), ("country", "RU")],
    [("actor", "actor-1"), ("actor", "actor-2"), ("tag", "launch")],
    [("from", "2021"), ("to", "2021")],
    [("country", "SU"), ("from", "1957-10"), ("to", "1963")],
    [("q", "event 123")],
    [("q", "rocket")],
    [("tag", "film"), ("from", "2000")],
    [("page", "5")],
]


def timed(fn: object, repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run(count: int) -> None:
    """Measure one size and print a row."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_text(generate(count), encoding="utf-8")
        size = path.stat().st_size / 2**20
        cold = timed(lambda: load_cached(path, None), 1 if count >= 100_000 else 3)
        cache = Path(folder) / "cache"
        timeline = load_cached(path, cache)
        warm = timed(lambda: load_cached(path, cache), 5)
        latencies = []
        for params in QUERIES:
            args = MultiDict(params)
            latencies += timed(lambda args=args: apply(timeline, parse_query(args, timeline)), 20)
        ms = [t * 1000 for t in latencies]
        print(
            f"{count:>8,} events {size:6.1f} MiB | cold load {statistics.median(cold):6.2f} s | "
            f"warm load {statistics.median(warm):5.2f} s | filter p50 {statistics.median(ms):6.2f} ms "
            f"p95 {p95(ms):6.2f} ms | {axis_row(path, cache)}",
            flush=True,
        )


def main() -> None:
    """Run the sizes given on the command line (default 1k, 10k, 100k)."""
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]
    for count in sizes:
        run(count)


if __name__ == "__main__":
    main()

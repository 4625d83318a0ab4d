"""The time axis in-process: computed, named and drawn as SVG, for windows from all time to an hour.

Used by ``bench/run.py`` (``make bench``); run alone as ``.venv/bin/python bench/axis.py N`` for a
row per window. Each timing is a whole axis as a page gets it (``axis.build`` + ``axis.present`` +
the ``_axis.html`` template), with the caches of words (dates, counts) emptied first, so a window
seen for the first time is what is measured. Wall time and the process's CPU time are both
given: on a shared machine the wall time includes waiting for a core.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from flask import render_template
from werkzeug.datastructures import MultiDict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from timeline import axis, create_app
from timeline.axis import words
from timeline.load.cache import load_cached
from timeline.model import Timeline
from timeline.query import apply, parse_query

WINDOWS = [
    [],
    [("lanes", "country")],
    [("lanes", "actor")],
    [("from", "1960"), ("to", "1969"), ("lanes", "tag")],
    [("from", "1990"), ("to", "1999")],
    [("from", "2021"), ("to", "2021")],
    [("from", "2021"), ("to", "2021"), ("lanes", "actor")],
    [("from", "2021-10"), ("to", "2021-10")],
    [("from", "2021-10-05"), ("to", "2021-10-05"), ("lanes", "country")],
    [("from", "2021-10-05T08Z"), ("to", "2021-10-05T08Z")],
    [("actor", "actor-3"), ("lanes", "tag")],
    [("tag", "launch"), ("from", "1957-10"), ("to", "1963")],
]


def _elements(html: str) -> int:
    """How many SVG elements the axis draws (both layouts, and the shared patterns)."""
    return sum(len(re.findall(r"<(?!/)[a-zA-Z]", svg)) for svg in re.findall(r"<svg.*?</svg>", html, re.S))


class Timing(NamedTuple):
    """Milliseconds of each drawing of one window (wall clock and CPU), and its SVG elements."""

    wall: list[float]
    cpu: list[float]
    elements: int


def measure(timeline: Timeline, params: list[tuple[str, str]], repeat: int = 9) -> Timing:
    """``repeat`` drawings of one window."""
    query = parse_query(MultiDict(params), timeline)
    result = apply(timeline, query)
    wall, cpu, html = [], [], ""
    for _ in range(repeat):
        for cache in words.CACHES:
            cache.cache_clear()
        start, used = time.perf_counter(), time.process_time()
        built = axis.build(timeline, query, result)
        assert built is not None
        shown = axis.present(built, timeline, query, axis.Links("/", "/events/"))
        html = render_template("_axis.html", axis=shown, query=query)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return Timing(wall, cpu, _elements(html))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def axis_row(path: Path, cache: Path | None) -> str:
    """Axis p50/p95 over every window, and the most SVG elements any window draws."""
    timeline = load_cached(path, cache)
    app = create_app({"TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": str(cache or "")})
    wall, cpu, most = [], [], 0
    with app.test_request_context():
        measure(timeline, WINDOWS[0], repeat=1)  # Babel reads its locale data once per process
        for params in WINDOWS:
            timing = measure(timeline, params)
            wall += timing.wall
            cpu += timing.cpu
            most = max(most, timing.elements)
    return (
        f"axis p50 {statistics.median(wall):5.2f} ms p95 {_p95(wall):5.2f} ms "
        f"(CPU p50 {statistics.median(cpu):5.2f} p95 {_p95(cpu):5.2f}), {most:,} SVG elements at most"
    )


def main() -> None:
    """A row per window for one size: ``bench/axis.py N``."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_text(generate(count), encoding="utf-8")
        cache = Path(folder) / "cache"
        timeline = load_cached(path, cache)
        app = create_app({"TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": str(cache)})
        with app.test_request_context():
            measure(timeline, WINDOWS[0], repeat=1)  # Babel reads its locale data once per process
            for params in WINDOWS:
                timing = measure(timeline, params)
                query = "&".join(f"{k}={v}" for k, v in params) or "(all)"
                print(
                    f"{count:>8,} {query:46s} p50 {statistics.median(timing.wall):6.2f} ms "
                    f"p95 {_p95(timing.wall):6.2f} ms (CPU p50 {statistics.median(timing.cpu):6.2f} ms) "
                    f"{timing.elements:5,} SVG elements",
                    flush=True,
                )


if __name__ == "__main__":
    main()

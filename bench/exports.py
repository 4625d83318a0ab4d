"""Time and peak memory of every export format at 100,000 events, through the real route.

Run: ``make bench`` (or ``.venv/bin/python bench/exports.py [--events N] [--runs R]``). Each
format runs in a fresh process that first loads the snapshot (from the cache, as a restarted
server does), then downloads ``/export.<format>?limit=N`` R times through the app, reading the
streamed body a chunk at a time. Printed per format: the median time, the file's size, and the
peak resident memory of the whole process during an export ("peak RSS") next to what the loaded
snapshot alone holds ("base"): the difference is what the export itself needs. The peak is
reset before each run (Linux's ``/proc/self/clear_refs``), so a run reports its own peak.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate

MIB = 2**20


def _status(field: str) -> int:
    """A memory figure of this process from /proc (VmRSS: now, VmHWM: the peak), in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> None:
    """Make VmHWM start again from the current RSS (Linux 4.0 and later)."""
    Path("/proc/self/clear_refs").write_text("5")


def measure(path: Path, cache: Path, name: str, events: int, runs: int) -> dict[str, float]:
    """In this process: load the snapshot, then export ``runs`` times; the figures of each run."""
    from timeline import create_app

    # Every event in one file: the render budget that refuses such files when serving is lifted here.
    config = {"TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": str(cache), "TESTING": False}
    app = create_app({**config, "TIMELINE_RENDER_LIMIT": events})
    client = app.test_client()
    gc.collect()
    base = _status("VmRSS")
    times, peaks, size = [], [], 0
    for _ in range(runs):
        gc.collect()
        _reset_peak()
        start = time.perf_counter()
        response = client.get(f"/export.{name}?limit={events}", buffered=False)
        assert response.status_code == 200, response.status_code
        size = sum(len(chunk) for chunk in response.response)  # type: ignore[union-attr]
        response.close()
        times.append(time.perf_counter() - start)
        peaks.append(_status("VmHWM"))
    return {
        "seconds": statistics.median(times),
        "bytes": size,
        "base": base,
        "peak": statistics.median(peaks),
    }


def main() -> None:
    """Generate the data, warm the snapshot cache, then measure each format in its own process."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", nargs=3, metavar=("FORMAT", "DATA", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        name, data, cache = args.one
        print(json.dumps(measure(Path(data), Path(cache), name, args.events, args.runs)))
        return
    from timeline.formats import FORMATS
    from timeline.load.cache import load_cached

    with tempfile.TemporaryDirectory() as folder:
        path, cache = Path(folder) / "events.yaml", Path(folder) / "cache"
        path.write_text(generate(args.events), encoding="utf-8")
        load_cached(path, cache)  # parse once; every process below starts warm
        print(f"exports of {args.events:,} events ({path.stat().st_size / MIB:.1f} MiB of YAML), "
              f"median of {args.runs} runs")  # fmt: skip
        for name in FORMATS:
            command = [sys.executable, __file__, "--events", str(args.events), "--runs", str(args.runs)]
            out = subprocess.run([*command, "--one", name, str(path), str(cache)], capture_output=True,
                                 text=True, check=True)  # fmt: skip
            row = json.loads(out.stdout)
            print(
                f"{name:>16} | {row['seconds']:6.2f} s | {row['bytes'] / MIB:7.1f} MiB out | "
                f"{args.events / row['seconds']:8,.0f} events/s | peak RSS {row['peak'] / MIB:6.0f} MiB "
                f"(base {row['base'] / MIB:.0f} MiB, +{(row['peak'] - row['base']) / MIB:.0f} MiB)",
                flush=True,
            )


if __name__ == "__main__":
    main()

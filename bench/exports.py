"""Time and peak memory of every export format at 100,000 events, through the real route.

Run: ``make bench`` (or ``.venv/bin/python bench/exports.py [--events N] [--runs R] [--against REV]``).
Each format runs in a fresh process that first loads the snapshot (from the cache, as a restarted
server does), then downloads ``/export.<format>?limit=N`` R times through the app, reading the
streamed body a chunk at a time. Printed per format: the median time and the median CPU time of
the process (on a machine shared with other work the CPU time is the steadier figure), the
file's size, and the peak resident memory of the whole process during an export ("peak RSS")
next to what the loaded snapshot alone holds ("base"): the difference is what the export itself
needs. The peak is reset before each run (Linux's ``/proc/self/clear_refs``), so a run reports
its own peak.

``--against REV`` measures the code of a git revision (e.g. ``main``) side by side, format by
format, on the same data and under the same load, and prints the ratio of the medians
(before / now: above 1 is faster now) and whether both wrote the same bytes.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def measure(path: Path, cache: Path, name: str, events: int, runs: int) -> dict[str, float | str]:
    """In this process: load the snapshot, then export ``runs`` times; the figures of each run."""
    from timeline import create_app

    # Every event in one file: the render budget that refuses such files when serving is lifted here.
    config = {"TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": str(cache), "TESTING": False}
    app = create_app({**config, "TIMELINE_RENDER_LIMIT": events})
    client = app.test_client()
    gc.collect()
    base = _status("VmRSS")
    times, cpu, peaks, size, digest = [], [], [], 0, ""
    for _ in range(runs):
        gc.collect()
        _reset_peak()
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(f"/export.{name}?limit={events}", buffered=False)
        assert response.status_code == 200, response.status_code
        hashed, size = hashlib.sha256(), 0
        for chunk in response.response:  # type: ignore[union-attr]
            hashed.update(chunk)
            size += len(chunk)
        response.close()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        peaks.append(_status("VmHWM"))
        digest = hashed.hexdigest()
    return {
        "seconds": statistics.median(times),
        "cpu": statistics.median(cpu),
        "bytes": size,
        "sha256": digest,
        "base": base,
        "peak": statistics.median(peaks),
    }


def run_one(
    tree: Path, name: str, path: Path, cache: Path, args: argparse.Namespace
) -> dict[str, float | str]:
    """Measure one format in a fresh process running the code in ``tree``."""
    command = [sys.executable, __file__, "--events", str(args.events), "--runs", str(args.runs)]
    command += ["--one", name, str(path), str(cache), str(tree)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    row: dict[str, float | str] = json.loads(out.stdout)
    return row


def row_text(label: str, row: dict[str, float | str], events: int) -> str:
    """One printed row."""
    seconds, cpu, size = float(row["seconds"]), float(row["cpu"]), float(row["bytes"])
    peak, base = float(row["peak"]), float(row["base"])
    return (
        f"{label:>16} | {seconds:6.2f} s | cpu {cpu:6.2f} s | {size / MIB:7.1f} MiB out | "
        f"{events / seconds:8,.0f} events/s | peak RSS {peak / MIB:6.0f} MiB "
        f"(base {base / MIB:.0f} MiB, +{(peak - base) / MIB:.0f} MiB)"
    )


def checkout(revision: str, folder: Path) -> Path:
    """The files of ``revision`` of this repository, in ``folder``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def trees(against: str | None, folder: Path) -> list[tuple[str, Path]]:
    """The code to measure: this tree ("now"), after the files of ``against`` when given."""
    found = [("now", ROOT)]
    if against:
        (folder / "before").mkdir()
        found.insert(0, (against, checkout(against, folder / "before")))
    return found


def main() -> None:
    """Generate the data, warm the snapshot cache, then measure each format in its own process."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", metavar="REV", help="also measure this git revision, side by side")
    parser.add_argument("--one", nargs=4, metavar=("FORMAT", "DATA", "CACHE", "TREE"), help=argparse.SUPPRESS)
    parser.add_argument("--warm", nargs=3, metavar=("DATA", "CACHE", "TREE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.warm:  # fill the snapshot cache of the code in TREE
        data, cache, tree = args.warm
        sys.path.insert(0, tree)
        from timeline.load.cache import load_cached as warm

        warm(Path(data), Path(cache))
        return
    if args.one:
        name, data, cache, tree = args.one
        sys.path.insert(0, tree)
        print(json.dumps(measure(Path(data), Path(cache), name, args.events, args.runs)))
        return
    sys.path.insert(0, str(ROOT))
    from bench.generate import generate
    from timeline.formats import FORMATS
    from timeline.load.cache import load_cached

    with tempfile.TemporaryDirectory() as folder:
        path, cache = Path(folder) / "events.yaml", Path(folder) / "cache"
        path.write_text(generate(args.events), encoding="utf-8")
        load_cached(path, cache)  # parse once; every process below starts warm
        trees = [("now", ROOT, cache)]
        if args.against:
            (Path(folder) / "before").mkdir()
            trees.insert(
                0, (args.against, checkout(args.against, Path(folder) / "before"), Path(folder) / "cache-b")
            )
            warm = [sys.executable, __file__, "--warm", str(path), str(trees[0][2]), str(trees[0][1])]
            subprocess.run(warm, check=True)
        print(f"exports of {args.events:,} events ({path.stat().st_size / MIB:.1f} MiB of YAML), "
              f"median of {args.runs} runs")  # fmt: skip
        for name in FORMATS:
            rows = [(label, run_one(tree, name, path, tree_cache, args)) for label, tree, tree_cache in trees]
            for label, row in rows:
                print(row_text(f"{name} {label}" if args.against else name, row, args.events), flush=True)
            if args.against:
                (_, before), (_, now) = rows
                ratio = float(before["seconds"]) / float(now["seconds"])
                cpu_ratio = float(before["cpu"]) / float(now["cpu"])
                same = "same bytes" if before["sha256"] == now["sha256"] else "DIFFERENT BYTES"
                print(f"{'':>16} | {ratio:.1f}x faster (cpu {cpu_ratio:.1f}x), {same}", flush=True)


if __name__ == "__main__":
    main()

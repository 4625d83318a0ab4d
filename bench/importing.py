"""Our three export formats and the import of our CSV, at 10k and 100k events.

Run: ``make bench-import`` (or ``.venv/bin/python bench/importing.py [N ...]``). For each writer it
prints the time to write the whole timeline and the peak of Python memory allocated while writing
(the timeline itself is loaded before); then the time ``timeline import`` takes to read that CSV
back, check it with the loader and write events.yaml, and whether exporting the result gives the
same bytes.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from tests.formats.views import view_of
from timeline import importing
from timeline.formats import FORMATS
from timeline.importing.yamlwrite import write_atomically
from timeline.load import load
from timeline.model import Timeline

NAMES = ("csv", "timelinejs.csv", "timelinejs.json")


def write(path: Path, name: str, target: Path) -> tuple[float, float, int]:
    """Seconds, peak MiB allocated while writing (a second, traced run), and bytes written."""
    timeline = load(path)
    start = time.perf_counter()
    size = _write(timeline, name, target)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    _write(timeline, name, target)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, size


def _write(timeline: Timeline, name: str, target: Path) -> int:
    size = 0
    with target.open("w", encoding="utf-8", newline="") as out:
        for piece in FORMATS[name].write(view_of(timeline)):
            size += out.write(piece)
    return size


def run(count: int) -> None:
    """Measure one size."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        path = base / "events.yaml"
        path.write_text(generate(count), encoding="utf-8")
        for name in NAMES:
            seconds, peak, size = write(path, name, base / f"export.{name}")
            print(
                f"{count:>8,} events | {name:<16} {seconds:6.2f} s | peak {peak:6.1f} MiB"
                f" | {size / 2**20:6.1f} MiB written"
            )
        start = time.perf_counter()
        text, _ = importing.run(base / "export.csv", importing.Options(format="csv", events=path))
        write_atomically(base / "imported.yaml", text)
        seconds = time.perf_counter() - start
        write(base / "imported.yaml", "csv", base / "again.csv")
        same = (base / "again.csv").read_bytes() == (base / "export.csv").read_bytes()
        print(
            f"{count:>8,} events | import csv       {seconds:6.2f} s | round trip identical: {same}",
            flush=True,
        )


def main() -> None:
    """Run the sizes given on the command line (default 10k and 100k)."""
    for count in [int(a) for a in sys.argv[1:]] or [10_000, 100_000]:
        run(count)


if __name__ == "__main__":
    main()

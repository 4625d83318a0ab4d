"""``timeline import`` reading our CSV export back, at 10k and 100k events.

Run: ``make bench-import`` (or ``.venv/bin/python bench/importing.py [N ...]``). For each size it
exports a generated timeline as CSV, then times ``timeline import`` of that file (with
``--events``): reading it, checking what it makes with the loader, writing events.yaml. It prints
the time (and the CPU time, which a busy machine distorts less) and whether exporting the result
gives the same bytes. (Each export's own time and
memory are in ``make bench``.)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from tests.formats.views import view_of
from timeline import importing
from timeline.formats import csvtable
from timeline.importing.yamlwrite import write_atomically
from timeline.load import load


def export(path: Path, target: Path) -> None:
    """The whole timeline in ``path`` as our CSV, written to ``target``."""
    with target.open("w", encoding="utf-8", newline="") as out:
        out.writelines(csvtable.write(view_of(load(path))))


def run(count: int) -> None:
    """Measure one size."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        path = base / "events.yaml"
        path.write_text(generate(count), encoding="utf-8")
        export(path, base / "export.csv")
        start, cpu = time.perf_counter(), time.process_time()
        text, _ = importing.run(base / "export.csv", importing.Options(format="csv", events=path))
        write_atomically(base / "imported.yaml", text)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        export(base / "imported.yaml", base / "again.csv")
        same = (base / "again.csv").read_bytes() == (base / "export.csv").read_bytes()
        size = (base / "export.csv").stat().st_size / 2**20
        print(
            f"{count:>8,} events | {size:5.1f} MiB of CSV | import {seconds:6.1f} s ({cpu:.1f} s of CPU)"
            f" | export → import → export identical: {same}",
            flush=True,
        )


def main() -> None:
    """Run the sizes given on the command line (default 10k and 100k)."""
    for count in [int(a) for a in sys.argv[1:]] or [10_000, 100_000]:
        run(count)


if __name__ == "__main__":
    main()

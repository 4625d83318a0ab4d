"""A cache of validated snapshots, so a restart does not re-parse an unchanged file.

Entries (see :mod:`timeline.snapshot`) are keyed by the sha256 of the file's bytes and of this
package's code, written atomically (temporary file + ``os.replace``); a missing or unreadable
entry just means a parse.
"""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from timeline.load import snapshot
from timeline.load.build import build
from timeline.load.files import read_file
from timeline.model import Timeline

PACKAGE = Path(__file__).resolve().parent.parent
# Everything that shapes a snapshot: the loader, the records, the dates, the index, the schema.
_CODE = ("load/*.py", "dates.py", "model.py", "index.py", "countries.py", "schema/*.json")


@cache
def code_version() -> str:
    """A hash of the code that shapes a snapshot: a change invalidates old entries."""
    digest = hashlib.sha256()
    for pattern in _CODE:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a snapshot is built or read.

    Loading 100,000 events allocates millions of tuples; the collector rescans them again and
    again as they appear (3.0 s instead of 0.5 s for a warm load). They form no cycles, so
    reference counting frees old snapshots all the same.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_cached(path: Path, cache_dir: Path | None) -> Timeline:
    """The snapshot of the file at ``path``, from the cache when its bytes are unchanged."""
    data = read_file(path)
    with _collector_paused():
        if cache_dir is None:
            return build(data)
        entry = cache_dir / f"{hashlib.sha256(data).hexdigest()}-{code_version()}.snapshot"
        try:
            return snapshot.loads(entry.read_bytes())
        except (OSError, ValueError, TypeError, IndexError, KeyError):
            pass  # missing, partial or foreign: parse instead
        built = build(data)
    _store(entry, built)
    return built


def _store(entry: Path, built: Timeline) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        week_ago = time.time() - 7 * 86400
        for old in entry.parent.glob("*.snapshot"):
            if old.stat().st_mtime < week_ago:
                old.unlink(missing_ok=True)
        fd, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(snapshot.dumps(built))
        os.replace(temp, entry)
    except OSError:
        pass  # a cache we cannot write is only slower

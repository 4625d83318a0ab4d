"""A cache of validated snapshots, so a restart does not re-parse an unchanged file.

Entries (see :mod:`timeline.load.snapshot`) are keyed by the sha256 of the file's bytes and of
this package's code, written atomically (temporary file + ``os.replace``); a missing or
unreadable entry just means a parse.  The shared reload (:mod:`timeline.reload`) builds an
entry in one process and reads it in another: :func:`prepare` and :func:`read_entry`.
"""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
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
KEEP_SECONDS = 7 * 86400  # entries unused this long are removed when a new one is written


@cache
def code_version() -> str:
    """A hash of the code that shapes a snapshot: a change invalidates old entries."""
    digest = hashlib.sha256()
    for pattern in _CODE:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def collector_paused() -> Iterator[None]:
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


def entry_path(cache_dir: Path, digest: str) -> Path:
    """Where the snapshot of the file whose bytes hash to ``digest`` is kept."""
    return cache_dir / f"{digest}-{code_version()}.snapshot"


def read_entry(entry: Path) -> Timeline:
    """The snapshot kept at ``entry`` (OSError or ValueError when missing, partial or foreign)."""
    data = entry.read_bytes()
    with collector_paused():
        try:
            return snapshot.loads(data)
        except (TypeError, IndexError, KeyError) as exc:
            raise ValueError(f"not a snapshot: {exc}") from None


def load_cached(path: Path, cache_dir: Path | None) -> Timeline:
    """The snapshot of the file at ``path``, from the cache when its bytes are unchanged."""
    data = read_file(path)
    if cache_dir is None:
        with collector_paused():
            return build(data)
    entry = entry_path(cache_dir, hashlib.sha256(data).hexdigest())
    try:
        return read_entry(entry)
    except (OSError, ValueError):
        pass  # missing, partial or foreign: parse instead
    with collector_paused():
        built = build(data)
    write_entry(entry, built)
    return built


def prepare(
    data: bytes, directories: tuple[Path, ...], found_problem: Callable[[], object] | None = None
) -> Path | None:
    """Validate and build ``data`` (LoadError if invalid) into the first directory that takes it.

    An entry that already exists is not built again. The path of the entry, or None when no
    directory could be written. ``found_problem``: see :func:`timeline.load.build.build`.
    """
    digest = hashlib.sha256(data).hexdigest()
    for directory in directories:
        if entry_path(directory, digest).is_file():
            return entry_path(directory, digest)
    with collector_paused():
        built = build(data, found_problem=found_problem)
    for directory in directories:
        if write_entry(entry := entry_path(directory, digest), built):
            return entry
    return None


def write_entry(entry: Path, built: Timeline) -> bool:
    """Write ``built`` to ``entry`` atomically, removing stale entries; False if it cannot be written."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        stale = time.time() - KEEP_SECONDS
        for old in entry.parent.glob("*.snapshot"):
            if old.stat().st_mtime < stale:
                old.unlink(missing_ok=True)
        fd, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return False  # a cache we cannot write is only slower
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(snapshot.dumps(built))
        os.replace(temp, entry)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        return False
    return True

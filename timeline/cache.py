"""A cache of validated snapshots, so a restart does not re-parse an unchanged file.

Entries are keyed by the sha256 of the file's bytes and of this package's code, written
atomically (temporary file + ``os.replace``); a missing or unreadable entry just means a parse.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from timeline.loading import build, read_file
from timeline.model import Timeline

_CODE = ("dates.py", "model.py", "index.py", "loading.py", "yamlread.py", "fastyaml.py", "countries.py")


@cache
def code_version() -> str:
    """A hash of the code that shapes a snapshot: a change invalidates old entries."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in (*_CODE, "schema/events.schema.json"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def default_dir() -> Path:
    """``$XDG_CACHE_HOME/timeline`` (or ``~/.cache/timeline``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline"


def load_cached(path: Path, cache_dir: Path | None) -> Timeline:
    """The snapshot of the file at ``path``, from the cache when its bytes are unchanged."""
    data = read_file(path)
    if cache_dir is None:
        return build(data)
    entry = cache_dir / f"{hashlib.sha256(data).hexdigest()}-{code_version()}.pickle"
    try:
        with entry.open("rb") as handle:
            snapshot = pickle.load(handle)  # noqa: S301 - our own cache directory
        if isinstance(snapshot, Timeline):
            return snapshot
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    snapshot = build(data)
    _store(entry, snapshot)
    return snapshot


def _store(entry: Path, snapshot: Timeline) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        for old in entry.parent.glob("*.pickle"):
            if old.stat().st_mtime < os.path.getmtime(entry.parent) - 7 * 86400:
                old.unlink(missing_ok=True)
        fd, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(snapshot, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, entry)
    except OSError:
        pass  # a cache we cannot write is only slower

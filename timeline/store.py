"""The live data: the current snapshot, and reloads that swap only valid files in."""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from timeline.cache import load_cached
from timeline.loading import LoadError
from timeline.model import Timeline
from timeline.yamlread import Problem

log = logging.getLogger("timeline")


@dataclass(frozen=True, slots=True)
class Status:
    """What /healthz reports."""

    data_version: str
    loaded_at: float
    last_reload_ok: bool
    errors: tuple[Problem, ...] = field(default=())


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class Store:
    """Holds the last good snapshot; checks the file at most every ``interval`` seconds."""

    def __init__(self, path: Path, cache_dir: Path | None, interval: float = 1.0) -> None:
        self.path = path
        self.cache_dir = cache_dir
        self.interval = interval
        self._lock = threading.Lock()
        self._checked = 0.0
        self._signature = _signature(path)
        self._snapshot = load_cached(path, cache_dir)  # LoadError here is fatal at start-up
        self._status = Status(self._snapshot.version, time.time(), True)
        self._failed: tuple[int, int, int] | None = None

    @property
    def snapshot(self) -> Timeline:
        """The current snapshot (reloading first if the file changed)."""
        if self.interval >= 0 and time.monotonic() - self._checked >= self.interval:
            self.check()
        return self._snapshot

    @property
    def status(self) -> Status:
        """The state of the last load or reload."""
        return self._status

    def check(self) -> None:
        """Reload when the file's stat signature changed; keep the old data on failure."""
        if not self._lock.acquire(blocking=False):
            return  # another thread is already reloading
        try:
            self._checked = time.monotonic()
            signature = _signature(self.path)
            if signature == self._signature or (signature is not None and signature == self._failed):
                return
            try:
                snapshot = load_cached(self.path, self.cache_dir)
            except LoadError as exc:
                self._fail(signature, tuple(exc.problems))
                return
            if _signature(self.path) != signature:
                return  # changed while we read it: try again on the next check
            self._snapshot, self._signature, self._failed = snapshot, signature, None
            self._status = Status(snapshot.version, time.time(), True)
            log.info("reloaded %s (%d events)", self.path, len(snapshot.events))
        finally:
            self._lock.release()

    def _fail(self, signature: tuple[int, int, int] | None, problems: tuple[Problem, ...]) -> None:
        self._failed = signature
        self._status = Status(self._snapshot.version, self._status.loaded_at, False, problems)
        name = os.fspath(self.path)
        lines = "\n".join(f"{name}:{p.line}:{p.col}: {p.message}" for p in problems)
        log.error("keeping the last good data; %s is invalid:\n%s", name, lines)

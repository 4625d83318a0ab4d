"""The live data: the current snapshot, and reloads that swap only valid files in.

Each process (each gunicorn worker) watches the file on its own: when a request asks for
data and ``interval`` seconds have passed, it stats the path (mtime, size, inode: editors
often replace the file on save).  A changed file is read, validated into a new snapshot and
swapped in only when valid and unchanged meanwhile; otherwise the last good snapshot stays,
the problems are logged once per distinct broken version, and :attr:`Store.status` (served
as ``/healthz``) says what went wrong, with positions.

A deleted, unreadable, half-written or oversized file is just an invalid version.  Files of
:data:`BACKGROUND_BYTES` or more are reloaded on a background thread, so no request waits
seconds for a large parse (nor trips gunicorn's worker timeout).

An invalid file at start-up is fatal (``create_app`` exits with the problems), so a running
store always has a valid snapshot and ``/healthz`` never needs to report "no data at all".
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from timeline.load import LoadError, read_file
from timeline.load.cache import load_cached
from timeline.load.problems import Problem
from timeline.model import Timeline

log = logging.getLogger("timeline")
Signature = tuple[int, int, int]  # st_mtime_ns, st_size, st_ino
MAX_REPORTED = 100  # problems kept for /healthz and the log; `timeline check` lists them all
BACKGROUND_BYTES = 1024 * 1024
# File systems keep mtime at a granularity of milliseconds to seconds, so a same-size
# rewrite soon after we read the file can leave the signature unchanged ("racy git").
# Until the file has been quiet this long, a check compares the bytes' hash as well.
RACY_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Status:
    """What /healthz reports."""

    data_version: str
    loaded_at: float
    last_reload_ok: bool
    errors: tuple[Problem, ...] = field(default=())


def _signature(path: Path) -> Signature | None:
    """What stat says about the file (None: it cannot be stat'ed)."""
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _modified(signature: Signature | None) -> float:
    """Whole seconds of the file's mtime (HTTP dates and feeds have no finer unit); now if unknown."""
    return float(signature[0] // 1_000_000_000 if signature is not None else int(time.time()))


@dataclass(slots=True)
class _Seen:
    """The version of the file we last read (valid or not)."""

    signature: Signature | None
    digest: str | None  # sha256 of its bytes; None when it could not be read
    at: float  # wall-clock time of the read


class Store:
    """Holds the last good snapshot; checks the file at most every ``interval`` seconds."""

    def __init__(self, path: Path, cache_dir: Path | None, interval: float = 1.0) -> None:
        self.path = path
        self.cache_dir = cache_dir
        self.interval = interval
        self._lock = threading.Lock()  # held while a check or reload runs
        self._checked = time.monotonic()
        signature = _signature(path)
        self._snapshot = load_cached(path, cache_dir)  # LoadError here is fatal at start-up
        self._seen = _Seen(signature, self._snapshot.version, time.time())
        self._status = Status(self._snapshot.version, time.time(), True)
        self._modified = _modified(signature)

    @property
    def snapshot(self) -> Timeline:
        """The current snapshot (reloading first if the file changed)."""
        if self.interval >= 0 and time.monotonic() - self._checked >= self.interval:
            self.check()
        return self._snapshot

    @property
    def modified(self) -> float:
        """The data version's time: when the file holding the live snapshot was written (UTC seconds).

        The file's modification time as read when this version was first loaded: touching
        the file, or rewriting the same bytes, does not change it.  Feeds and citations use it
        for events that give no ``updated`` date of their own.
        """
        return self._modified

    @property
    def status(self) -> Status:
        """The state of the last load or reload."""
        return self._status

    def check(self) -> None:
        """Reload when the file changed; keep the old data when the new file is invalid."""
        if not self._lock.acquire(blocking=False):
            return  # another thread is already checking
        handed_over = False  # True once a background thread owns the lock
        try:
            self._checked = time.monotonic()
            signature = _signature(self.path)
            if signature == self._seen.signature and not self._racy(signature):
                return
            if signature is not None and signature[1] >= BACKGROUND_BYTES:
                threading.Thread(target=self._background, args=(signature,), daemon=True).start()
                handed_over = True
                return
            self._reload_safely(signature)
        finally:
            if not handed_over:
                self._lock.release()

    def _racy(self, signature: Signature | None) -> bool:
        """True when the file changed so close to our last read that its mtime may hide an edit."""
        return signature is not None and abs(signature[0] / 1e9 - self._seen.at) < RACY_SECONDS

    def _background(self, signature: Signature) -> None:
        """Reload on a background thread, then let the next check run."""
        try:
            self._reload_safely(signature)
        finally:
            self._lock.release()

    def _reload_safely(self, signature: Signature | None) -> None:
        """Reload; an unexpected error is logged, and the last good data stays."""
        try:
            self._reload(signature)
        except Exception:  # a reload must never take a request (or a worker) down with it
            log.exception("unexpected error while reloading %s; keeping the last good data", self.path)

    def _reload(self, signature: Signature | None) -> None:
        """Read, validate and swap in the file (or record why not)."""
        now = time.time()
        try:
            data = read_file(self.path)
        except LoadError as exc:
            self._fail(_Seen(signature, None, now), exc.problems)
            return
        digest = hashlib.sha256(data).hexdigest()
        if digest == self._seen.digest:  # touched, or re-read while racy: nothing new
            self._seen = _Seen(signature, digest, now)
            return
        try:
            snapshot = load_cached(self.path, self.cache_dir)
        except LoadError as exc:
            if _signature(self.path) == signature:  # else: changed while we read; look again
                self._fail(_Seen(signature, digest, now), exc.problems)
            return
        if snapshot.version != digest or _signature(self.path) != signature:
            return  # the file changed while we read it: the next check reads it again
        self._snapshot, self._seen = snapshot, _Seen(signature, digest, now)
        self._modified = _modified(signature)
        self._status = Status(snapshot.version, time.time(), True)
        log.info("reloaded %s (%d events)", self.path, len(snapshot.events))

    def _fail(self, seen: _Seen, problems: list[Problem]) -> None:
        """Keep the last good data; report this broken version (once: it is now ``seen``)."""
        self._seen = seen
        shown = tuple(problems[:MAX_REPORTED])
        self._status = Status(self._snapshot.version, self._status.loaded_at, False, shown)
        name = os.fspath(self.path)
        more = f"\n… and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        lines = "\n".join(f"{name}:{p.line}:{p.col}: {p.message}" for p in shown)
        log.error("keeping the last good data; %s is invalid:\n%s%s", name, lines, more)

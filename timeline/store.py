"""The live data: the current snapshot, what is known of the file, and reloads of valid files only.

A store reloads in one of two ways:

- **On its own** (the development server, tests, a plain ``gunicorn``): when a request asks
  for data and ``interval`` seconds have passed, it stats the path. A changed file is read,
  validated into a new snapshot and swapped in only when valid and unchanged meanwhile;
  otherwise the last good snapshot stays, the problems are logged once per distinct broken
  version, and :attr:`Store.status` (served as ``/healthz``) says what went wrong, with
  positions. Files of :data:`BACKGROUND_BYTES` or more are reloaded on a background thread,
  so no request waits seconds for a large parse (nor trips a worker timeout).
- **Shared** (gunicorn with ``deploy/gunicorn.conf.py``): one process validates and builds,
  and the workers are replaced by fresh ones forked with the new snapshot
  (:mod:`timeline.reload`). A worker's store then only *follows*: it never reloads, and reads
  the status the reloading process publishes.

Either way the file "changed" when its stat signature did — mtime, size and inode (editors
often replace the file on save), and ctime and mode too, so that a ``chmod`` is noticed. A
deleted, unreadable, half-written or oversized file is just an invalid version.

An invalid file at start-up is fatal (``create_app`` exits with the problems), so a running
store always has a valid snapshot and ``/healthz`` never needs to report "no data at all".
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from timeline.load import LoadError, read_file
from timeline.load.cache import load_cached
from timeline.load.problems import Problem
from timeline.model import Timeline

log = logging.getLogger("timeline")
Signature = tuple[int, int, int, int, int]  # st_mtime_ns, st_size, st_ino, st_ctime_ns, st_mode
MAX_REPORTED = 100  # problems kept for /healthz and the log; `timeline check` lists them all
BACKGROUND_BYTES = 1024 * 1024
# File systems keep mtime at a granularity of milliseconds to seconds, so a same-size
# rewrite soon after we read the file can leave the signature unchanged ("racy git").
# Until the file has been quiet this long, a check compares the bytes' hash as well.
RACY_SECONDS = 2.0


def signature(path: Path) -> Signature | None:
    """What stat says about the file (None: it cannot be stat'ed)."""
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns, st.st_mode)


@dataclass(frozen=True, slots=True)
class Status:
    """What /healthz reports of the data, and the file version it was last checked against."""

    data_version: str
    loaded_at: float
    last_reload_ok: bool
    errors: tuple[Problem, ...] = field(default=())
    seen: Signature | None = None  # the file as it was when last read (valid or not)
    checking: bool = False  # a changed file is being validated

    def to_json(self) -> dict[str, Any]:
        """The status as JSON values (for the shared status file)."""
        return {
            "data_version": self.data_version,
            "loaded_at": self.loaded_at,
            "last_reload_ok": self.last_reload_ok,
            "errors": [[p.line, p.col, p.message] for p in self.errors],
            "seen": list(self.seen) if self.seen is not None else None,
            "checking": self.checking,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Status:
        """The status from :meth:`to_json`'s values."""
        seen = raw["seen"]
        return cls(
            str(raw["data_version"]),
            float(raw["loaded_at"]),
            bool(raw["last_reload_ok"]),
            tuple(Problem(int(p[0]), int(p[1]), str(p[2])) for p in raw["errors"]),
            (int(seen[0]), int(seen[1]), int(seen[2]), int(seen[3]), int(seen[4])) if seen else None,
            bool(raw["checking"]),
        )


def file_state(path: Path, status: Status) -> dict[str, Any]:
    """The data file as it is right now, next to the version last read (for /healthz)."""
    now = signature(path)
    if now is None:
        return {"exists": False, "readable": False, "pending": now != status.seen}
    mtime_ns, size, _, ctime_ns, mode = now
    return {
        "exists": True,
        "readable": stat.S_ISREG(mode) and os.access(path, os.R_OK),
        "size": size,
        "modified": mtime_ns / 1e9,
        "changed": ctime_ns / 1e9,  # ctime: the last change of contents *or* permissions
        "mode": f"{stat.S_IMODE(mode):04o}",
        "pending": now != status.seen or status.checking,  # not yet validated
    }


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
        seen = signature(path)
        self._snapshot = load_cached(path, cache_dir)  # LoadError here is fatal at start-up
        self._seen = _Seen(seen, self._snapshot.version, time.time())
        self._status = Status(self._snapshot.version, time.time(), True, seen=seen)
        self._shared: Path | None = None  # a follower's published status (see follow)
        self._modified = _modified(seen)

    @property
    def snapshot(self) -> Timeline:
        """The current snapshot (reloading first if the file changed)."""
        if self._due():
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
        """The state of the last load or reload (a follower reads what the reloader published)."""
        if self._shared is not None:
            try:
                return Status.from_json(json.loads(self._shared.read_bytes()))
            except (OSError, ValueError, KeyError, TypeError, IndexError):
                pass  # not written yet, or being replaced: what we were forked with holds
        return self._status

    def health(self) -> Status:
        """The status, after looking at the file if a check is due (for /healthz)."""
        if self._due():
            self.check()
        return self.status

    def follow(self, status_file: Path) -> None:
        """Stop reloading on our own; report the status another process writes to ``status_file``."""
        self._shared = status_file
        self.interval = -1

    def _due(self) -> bool:
        return self.interval >= 0 and time.monotonic() - self._checked >= self.interval

    def changed(self, now: Signature | None) -> bool:
        """True when the file may differ from the version last read (a racy mtime counts)."""
        return now != self._seen.signature or self._racy(now)

    def check(self) -> None:
        """Reload when the file changed; keep the old data when the new file is invalid."""
        if not self._lock.acquire(blocking=False):
            return  # another thread is already checking
        handed_over = False  # True once a background thread owns the lock
        try:
            self._checked = time.monotonic()
            now = signature(self.path)
            if not self.changed(now):
                return
            if now is not None and now[1] >= BACKGROUND_BYTES:
                self._status = replace(self._status, checking=True)
                threading.Thread(target=self._background, args=(now,), daemon=True).start()
                handed_over = True
                return
            self._reload_safely(now)
        finally:
            if not handed_over:
                self._lock.release()

    def _racy(self, now: Signature | None) -> bool:
        """True when the file changed so close to our last read that its mtime may hide an edit."""
        return now is not None and abs(now[0] / 1e9 - self._seen.at) < RACY_SECONDS

    def _background(self, now: Signature) -> None:
        """Reload on a background thread, then let the next check run."""
        try:
            self._reload_safely(now)
        finally:
            self._status = replace(self._status, checking=False)
            self._lock.release()

    def _reload_safely(self, now: Signature | None) -> None:
        """Reload; an unexpected error is logged, and the last good data stays."""
        try:
            self._reload(now)
        except Exception:  # a reload must never take a request (or a worker) down with it
            log.exception("unexpected error while reloading %s; keeping the last good data", self.path)

    def _reload(self, now: Signature | None) -> None:
        """Read, validate and swap in the file (or record why not)."""
        read_at = time.time()
        try:
            data = read_file(self.path)
        except LoadError as exc:
            self.failed(now, None, exc.problems)
            return
        digest = hashlib.sha256(data).hexdigest()
        if digest in (self._seen.digest, self._snapshot.version):  # touched, chmod'ed, or racy
            self.unchanged(now, digest, read_at)
            return
        try:
            snapshot = load_cached(self.path, self.cache_dir)
        except LoadError as exc:
            if signature(self.path) == now:  # else: changed while we read; look again
                self.failed(now, digest, exc.problems)
            return
        if snapshot.version != digest or signature(self.path) != now:
            return  # the file changed while we read it: the next check reads it again
        self.adopt(snapshot, now, read_at)

    def unchanged(self, now: Signature | None, digest: str, read_at: float) -> None:
        """The file was read again and holds a version we know: nothing to load."""
        self._seen = _Seen(now, digest, read_at)
        if digest == self._snapshot.version:  # back to the data served (a chmod undone, say)
            self._status = replace(self._status, last_reload_ok=True, errors=(), seen=now)

    def adopt(self, snapshot: Timeline, now: Signature | None, read_at: float) -> None:
        """Serve ``snapshot``, a valid version of the file as it was at ``now``."""
        self._snapshot, self._seen = snapshot, _Seen(now, snapshot.version, read_at)
        self._modified = _modified(now)
        self._status = Status(snapshot.version, time.time(), True, seen=now)
        log.info(
            "reloaded %s (%d events), read %.1f s ago", self.path, len(snapshot.events), time.time() - read_at
        )

    def failed(self, now: Signature | None, digest: str | None, problems: list[Problem]) -> None:
        """Keep the last good data; report this broken version (once: it is now seen).

        A file read again only because its time stamp is recent (racy) and broken the same way is
        not reported again: an unreadable file would otherwise be logged at every check for seconds.
        """
        shown = tuple(problems[:MAX_REPORTED])
        again = (
            now == self._seen.signature and not self._status.last_reload_ok and shown == self._status.errors
        )
        self._seen = _Seen(now, digest, time.time())
        if again:
            return
        self._status = Status(self._snapshot.version, self._status.loaded_at, False, shown, now)
        name = os.fspath(self.path)
        more = f"\n… and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        lines = "\n".join(f"{name}:{p.line}:{p.col}: {p.message}" for p in shown)
        log.error("keeping the last good data; %s is invalid:\n%s%s", name, lines, more)

    def mark_invalid(self, problem: Problem) -> None:
        """Say that the version being checked is invalid, before its problems are all known."""
        self._status = replace(self._status, last_reload_ok=False, errors=(problem,))

    def mark_checking(self, checking: bool) -> None:
        """Say that a changed file is (or is no longer) being validated elsewhere."""
        self._status = replace(self._status, checking=checking)

    def forget(self) -> None:
        """Forget the version last read, so that the next check reads the file again."""
        self._seen = _Seen(None, None, 0.0)

    def seen_digest(self) -> str | None:
        """The sha256 of the version last read (None when it could not be read)."""
        return self._seen.digest

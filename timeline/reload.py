"""One reload for every worker: the gunicorn master validates once and forks warm workers.

Under gunicorn with ``deploy/gunicorn.conf.py`` (which preloads the app):

1. The master loads the data (``create_app``) and freezes it for the cyclic collector
   (``gc.freeze()``), so that forked workers keep sharing its pages.
2. A thread in the master, the :class:`Leader`, stats the file every
   ``TIMELINE_RELOAD_INTERVAL`` seconds, whether or not anyone asks for a page.
3. On a change it runs ``python -m timeline.reload``: a separate process (so the memory of
   a large parse goes back to the system when it exits) that validates the file, builds the
   snapshot and writes it to the snapshot cache, or lists the problems with their positions.
4. A valid new version: the leader sends the master SIGHUP. In gunicorn's ``on_reload`` hook
   the master reads the snapshot from the cache (warm: well under a second at 100,000
   events), swaps it in and freezes it; gunicorn then forks new workers, which share it, and
   stops the old ones gracefully once their requests are answered.
5. An invalid version: the master keeps its snapshot and publishes the problems in a small
   JSON file that every worker's ``/healthz`` reads.

A worker that dies is replaced by a fork of the master, which only ever holds the last good
version. :mod:`timeline.serving` connects this to gunicorn's hooks.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.load import LoadError, read_file
from timeline.load.cache import prepare, read_entry
from timeline.load.problems import Problem
from timeline.store import Signature, Store, signature

log = logging.getLogger("timeline")
BUILD_TIMEOUT = 600.0  # seconds; the largest valid file builds in well under a minute
LOCATING = "this version is not valid; its problems are being located"
RESIGNAL_SECONDS = 10.0  # a SIGHUP not answered by then is sent again
BUILD_NICENESS = -10  # the builder's priority, where the server may raise it


@dataclass(frozen=True, slots=True)
class Pending:
    """A valid new version, built and cached, waiting for the master to swap it in."""

    entry: Path
    version: str
    seen: Signature | None
    read_at: float


class Leader:
    """Watches the data file from the gunicorn master and runs the one reload for all workers."""

    def __init__(self, store: Store, interval: float, signal_master: Any = None) -> None:
        self.store = store
        self.interval = max(interval, 0.05)
        self.folder = Path(tempfile.mkdtemp(prefix="timeline-reload-"))
        self.status_file = self.folder / "status.json"
        self._signal_master = signal_master or (lambda: os.kill(os.getpid(), signal.SIGHUP))
        self._pending: Pending | None = None
        self._signalled = 0.0
        self._lock = threading.Lock()  # the store's reload state: the watcher or an adoption
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="timeline-reload", daemon=True)
        store.interval = -1  # the master's store never reloads on its own: we do
        self.publish()

    def start(self) -> None:
        """Start watching."""
        self._thread.start()

    def stop(self) -> None:
        """Stop watching and remove the status file and spare snapshots."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.poll()
            except Exception:  # the watcher must outlive any surprise
                log.exception("unexpected error while checking %s", self.store.path)

    def poll(self) -> None:
        """One look at the file: reload it if it changed (see the module)."""
        if self._pending is not None:  # built; waiting for the master to take it
            if time.monotonic() - self._signalled > RESIGNAL_SECONDS:
                self._signal()
            return
        now = signature(self.store.path)
        with self._lock:
            if not self.store.changed(now):
                return
            read_at = time.time()
            try:
                digest = hashlib.sha256(read_file(self.store.path)).hexdigest()
            except LoadError as exc:
                self.store.failed(now, None, exc.problems)
                self.publish()
                return
            if digest in (self.store.seen_digest(), self.store.status.data_version):
                self.store.unchanged(now, digest, read_at)
                self.publish()
                return
            self.store.mark_checking(True)
            self.publish()
        started = time.monotonic()
        result = build_elsewhere(self.store.path, self.store.cache_dir, self.folder, self._invalid_so_far)
        log.info("checked %s in %.1f s (%.1f s of CPU): %s", self.store.path, time.monotonic() - started,
                 result.get("cpu_s", 0.0), "valid" if result.get("ok") else "not valid")  # fmt: skip
        with self._lock:
            self.store.mark_checking(False)
            if "failure" in result:  # the check itself could not run: say so, and wait for an edit
                self.store.failed(now, digest, [Problem(1, 1, result["failure"])])
                self.publish()
                return
            if result["digest"] != digest or signature(self.store.path) != now:
                self.publish()  # changed while we read it: the next poll looks again
                return
            if not result["ok"]:
                problems = [Problem(int(p[0]), int(p[1]), str(p[2])) for p in result["problems"]]
                self.store.failed(now, digest, problems)
                self.publish()
                return
            self._pending = Pending(Path(result["entry"]), digest, now, read_at)
        self._signal()

    def _invalid_so_far(self) -> None:
        """The builder knows the new version is invalid; it is still finding where (say so now)."""
        with self._lock:
            self.store.mark_invalid(Problem(1, 1, LOCATING))
            self.publish()

    def _signal(self) -> None:
        self._signalled = time.monotonic()
        self._signal_master()

    def adopt(self) -> None:
        """In the master (gunicorn's on_reload): swap in the pending version, before workers fork."""
        with self._lock:
            pending, self._pending = self._pending, None
            if pending is None:
                return
            try:
                snapshot = read_entry(pending.entry)
            except (OSError, ValueError) as exc:  # removed or damaged meanwhile: build it again
                log.error("cannot read the new snapshot %s (%s); checking the file again", pending.entry, exc)
                self.store.forget()
                return
            if snapshot.version != pending.version:  # not what was built: look at the file again
                self.store.forget()
                return
            self.store.adopt(snapshot, pending.seen, pending.read_at)  # logs "reloaded"
            for old in self.folder.glob("*.snapshot"):
                if old != pending.entry:
                    old.unlink(missing_ok=True)
            gc.freeze()  # the new snapshot: shared by the workers forked next
            self.publish()

    def publish(self) -> None:
        """Write the store's status where the workers read it (atomically)."""
        temp = self.status_file.with_suffix(".tmp")
        try:
            temp.write_text(json.dumps(self.store.status.to_json()), encoding="utf-8")
            os.replace(temp, self.status_file)
        except OSError:
            log.exception("cannot write the reload status to %s", self.status_file)


def build_elsewhere(
    path: Path, cache_dir: Path | None, spare: Path, invalid: Callable[[], object] = lambda: None
) -> dict[str, Any]:
    """Validate and build the file in a separate process (see :func:`main`); its verdict.

    ``invalid`` is called as soon as the builder knows the file is invalid (the verdict, with
    the problems' positions, can come seconds later).
    """
    command = [sys.executable, "-m", "timeline.reload", os.fspath(path), os.fspath(spare)]
    if cache_dir is not None:
        command.append(os.fspath(cache_dir))
    verdict: dict[str, Any] = {}
    try:
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as builder:  # stderr: our log
            _ahead(builder.pid)
            deadline = threading.Timer(BUILD_TIMEOUT, builder.kill)
            deadline.start()
            for line in builder.stdout or ():
                message = json.loads(line)
                if message.get("invalid_so_far"):
                    invalid()
                else:
                    verdict = message
            deadline.cancel()
        if not verdict:
            raise ValueError(f"the builder exited with status {builder.returncode} and no verdict")
    except (OSError, ValueError) as exc:
        log.error("the check of %s failed to run: %s", path, exc)
        return {"ok": False, "failure": "the file could not be checked (the server's log says why)"}
    return verdict


def _ahead(pid: int) -> None:
    """Let the build go before the workers' requests on a busy machine, where allowed (root).

    Under full load a build at the workers' priority gets a sixth of the CPU or less; one
    build, bounded in time, is worth more than a few slower requests meanwhile.
    """
    with contextlib.suppress(OSError):  # not allowed: it runs at the server's priority
        os.setpriority(os.PRIO_PROCESS, pid, BUILD_NICENESS)


def verdict(path: Path, directories: tuple[Path, ...]) -> dict[str, Any]:
    """Validate the file and cache its snapshot: what :func:`build_elsewhere` reads."""
    try:
        data = read_file(path)
    except LoadError as exc:
        return {"ok": False, "digest": None, "problems": [[p.line, p.col, p.message] for p in exc.problems]}
    digest = hashlib.sha256(data).hexdigest()

    def found_problem() -> None:  # said at once: finding the positions can take seconds
        print(json.dumps({"invalid_so_far": True}), flush=True)

    try:
        entry = prepare(data, directories, found_problem)
    except LoadError as exc:
        return {"ok": False, "digest": digest, "problems": [[p.line, p.col, p.message] for p in exc.problems]}
    if entry is None:
        problem = [1, 1, "the new version cannot be written to the snapshot cache"]
        return {"ok": False, "digest": digest, "problems": [problem]}
    return {"ok": True, "digest": digest, "entry": os.fspath(entry)}


def main(argv: list[str] | None = None) -> int:
    """``python -m timeline.reload PATH SPARE [CACHE]``: validate, cache, print the verdict as JSON."""
    parser = argparse.ArgumentParser(description="Validate the data file and cache its snapshot.")
    parser.add_argument("path", type=Path)
    parser.add_argument("spare", type=Path, help="where to write the snapshot if the cache cannot")
    parser.add_argument("cache", type=Path, nargs="?", help="the snapshot cache (TIMELINE_CACHE_DIR)")
    args = parser.parse_args(argv)
    directories = (args.cache, args.spare) if args.cache else (args.spare,)
    print(json.dumps({**verdict(args.path, directories), "cpu_s": time.process_time()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What gunicorn needs from the timeline: the hooks of the shared reload, and one-write responses.

``deploy/gunicorn.conf.py`` calls the hooks; gunicorn re-reads that file on SIGHUP, so the
master's state lives here (a module is imported once):

- :func:`lead` (``when_ready``, in the master): warm the app, start the :class:`~timeline.reload.Leader`,
  freeze the loaded data for the collector (``gc.freeze``) so forked workers keep sharing it;
- :func:`adopt` (``on_reload``): swap in the version the leader built, before the new workers fork;
- :func:`follow` (``post_fork``): the worker reads the status the master publishes;
- :func:`stop` (``on_exit``).

:func:`send_in_one_write` makes gunicorn send each response whole, in one write, so that a
worker killed mid-response leaves nginx either nothing (and nginx retries the request on
another worker) or everything, never a head without its body or half a download.
"""

from __future__ import annotations

import gc
import logging
from typing import Any

from gunicorn.http import wsgi  # type: ignore[import-untyped]

from timeline import web
from timeline.reload import Leader
from timeline.store import Store

log = logging.getLogger("timeline")
HOLD_BYTES = 16 * 2**20  # a response this large is sent as it comes (exports within the budget are smaller)
_leader: Leader | None = None


def _store(server: Any) -> Store:
    """The data store of the app gunicorn preloaded."""
    store: Store = server.app.wsgi().extensions["timeline.store"]
    return store


def lead(server: Any) -> None:
    """when_ready: warm the app, freeze the loaded data and start watching the file (in the master)."""
    global _leader
    if not server.cfg.preload_app:
        log.warning("the data is reloaded by each worker: start gunicorn with --preload to share it")
        return
    _log_with(server)
    store = _store(server)
    interval = store.interval
    _leader = Leader(store, interval)  # from here on the master's store never reloads on its own
    web.warm(server.app.wsgi())
    if interval >= 0:
        _leader.start()
    gc.freeze()  # what the master holds now, forked workers share: the collector must not touch it


def _log_with(server: Any) -> None:
    """The app's own messages (reloads, their timings, problems) go to gunicorn's error log, at INFO."""
    mine = logging.getLogger("timeline")
    mine.setLevel(logging.INFO)
    mine.propagate = False
    for handler in server.log.error_log.handlers:
        mine.addHandler(handler)


def adopt(server: Any) -> None:
    """on_reload: swap in a new version before gunicorn forks the new workers."""
    if _leader is not None:
        _leader.adopt()


def follow(server: Any) -> None:
    """post_fork: the worker's store reads the status the master publishes."""
    if _leader is not None:
        _store(server).follow(_leader.status_file)


def stop(server: Any) -> None:
    """on_exit: stop watching and clean up."""
    if _leader is not None:
        _leader.stop()


class _Held:
    """Stands in for the client socket: keeps what gunicorn writes until the response is whole."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def sendall(self, data: bytes) -> None:
        self.parts.append(bytes(data))
        self.size += len(data)


class OneWriteResponse(wsgi.Response):  # type: ignore[misc]
    """gunicorn's response, sent whole in one write (up to :data:`HOLD_BYTES`).

    Everything gunicorn writes — the head, the body, a streamed body's chunks — is held until the
    response is complete, then sent at once. A worker killed meanwhile has sent nothing, so nginx
    tries the request again on another worker; the client never gets half a response. A body
    larger than :data:`HOLD_BYTES` (none is, within the render budget), or a file sent with
    sendfile, goes out as it comes once that much is held.
    """

    one_write = True
    sock: Any  # set by gunicorn; ours is the holder until the response is released

    def __init__(self, req: Any, sock: Any, cfg: Any) -> None:
        super().__init__(req, _Held(), cfg)
        self._client = sock

    def _emit_body(self, data: bytes) -> None:
        super()._emit_body(data)
        if isinstance(self.sock, _Held) and self.sock.size > HOLD_BYTES:
            self._release()

    def sendfile(self, respiter: Any) -> Any:
        self._release()
        return super().sendfile(respiter)

    def close(self) -> None:
        super().close()
        self._release()

    def _release(self) -> None:
        """Send what is held, in one write, and write straight to the client from now on."""
        held, self.sock = self.sock, self._client
        if isinstance(held, _Held) and held.parts:
            self.sock.sendall(b"".join(held.parts))


def send_in_one_write() -> None:
    """Make gunicorn build :class:`OneWriteResponse` responses (once: the config is re-read on SIGHUP)."""
    if not getattr(wsgi.Response, "one_write", False):
        wsgi.Response = OneWriteResponse

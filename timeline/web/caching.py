"""HTTP caching that any shared cache understands: validators, Cache-Control, Vary, 304s.

A response of this app is a pure function of the data version, the release (code, templates,
static files and settings), the URL and the request headers its ``Vary`` names; so every
successful page, fragment, API answer and export gets

- a strong ``ETag``: a digest of exactly those, the content coding the body was sent in and
  the media type; the day too, for the few answers that carry an access date
  (:data:`DATED`: citation downloads and exports);
- ``Last-Modified``: when the data (or the release) last changed;
- ``Cache-Control`` from ``TIMELINE_CACHE_CONTROL`` (default ``public, max-age=60,
  stale-while-revalidate=600``): any cache may keep it a minute and serve it stale for ten
  while it revalidates;

and a request whose ``If-None-Match`` (or, without one, ``If-Modified-Since``) still holds gets
a 304 without a body. Errors are kept briefly (:data:`ERROR_CACHE`, 5xx not at all), so a fix
of the data shows within seconds. Routes that manage their own caching (static files, the
schema, ``/healthz``) are left alone: see :data:`OWN`.

The validators are computed after the response is final (compressed, all headers set), so
they describe exactly the bytes sent; the view's data version is the one it read (``g``), so
a reload in between cannot pair a new version with an old body.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime, time
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, Response, current_app, g, request

from timeline.settings import ROOT
from timeline.web.lookup import store

OWN = frozenset(("static", "api.schema", "api.healthz"))  # they set their own Cache-Control
# Answers that name today's date (the day our pages were accessed, in citation files).
DATED = frozenset(("cite.event", "cite.source", "cite.view", "exports.export"))
ERROR_CACHE = "public, max-age=10"
_RELEASE_FILES = ("timeline", "templates", "static")


def _files(roots: Iterable[Path]) -> list[Path]:
    return sorted(
        p for root in roots for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )


def release(app: Flask) -> tuple[str, float]:
    """A digest of the code, templates, static files and settings, and when the newest file changed."""
    digest = hashlib.sha256()
    newest = 0.0
    for path in _files(ROOT / name for name in _RELEASE_FILES):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
        newest = max(newest, path.stat().st_mtime)
    settings = sorted((k, repr(v)) for k, v in app.config.items() if k.startswith("TIMELINE_"))
    digest.update(repr(settings).encode())
    return digest.hexdigest(), float(int(newest))


def _data_version() -> tuple[str, float]:
    """The data version the view read (or the live one), and when that version was written."""
    live = store()
    version = g.get("data_version") or live.snapshot.version
    return version, live.modified


def _vary_values(response: Response) -> list[str]:
    """The request headers the response varies on, with their values (the coding as sent)."""
    values = []
    for name in sorted(h.lower() for h in response.vary):
        if name == "accept-encoding":
            values.append(f"coding={response.headers.get('Content-Encoding', 'identity')}")
        else:
            values.append(f"{name}={request.headers.get(name, '')}")
    return values


def etag(response: Response, version: str) -> str:
    """The strong validator of this representation."""
    release_digest = current_app.extensions["timeline.release"][0]
    parts = [version, release_digest, request.path, urlencode(list(request.args.items(multi=True)))]
    parts += [response.mimetype or "", *_vary_values(response)]
    if request.endpoint in DATED:
        parts.append(datetime.now(UTC).date().isoformat())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _last_modified(modified: float) -> datetime:
    """The later of the data's and the release's times; the start of today for dated answers."""
    moment = datetime.fromtimestamp(max(modified, current_app.extensions["timeline.release"][1]), UTC)
    if request.endpoint in DATED:
        moment = max(moment, datetime.combine(datetime.now(UTC).date(), time(), UTC))
    return moment


def _validate(response: Response) -> Response:
    """Set the caching headers of a final response, and answer 304 when the client's copy holds."""
    if request.endpoint in OWN or "Cache-Control" in response.headers:
        return response
    if response.status_code != 200:
        response.headers["Cache-Control"] = ERROR_CACHE if response.status_code < 500 else "no-store"
        return response
    version, modified = _data_version()
    response.set_etag(etag(response, version))
    response.last_modified = _last_modified(modified)
    response.headers["Cache-Control"] = current_app.config["TIMELINE_CACHE_CONTROL"]
    response.make_conditional(request)  # a 304 without a body when the client's copy holds
    return response


def init_app(app: Flask) -> None:
    """Install the validators last (after compression and the page cache), so they see the final bytes."""
    app.extensions["timeline.release"] = release(app)
    # Flask runs after_request functions last-registered first: the front of the list runs last.
    app.after_request_funcs.setdefault(None, []).insert(0, _validate)

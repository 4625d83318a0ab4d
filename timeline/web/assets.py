"""Static files under content-hashed names (``app.3f9c1a2b7d.css``), cached for a year.

``url_for('static', filename='app.css')`` keeps working everywhere: a URL default turns the
name into ``app.<hash>.css``, the hash being the first hex digits of the file's SHA-256, so a
changed file gets a new URL and every cache may keep each URL forever
(:data:`IMMUTABLE`). The plain name (``/static/app.css``) still answers, revalidated on each
use; so does a name with a hash that is no longer current (a page cached before a release),
with the current file, also revalidated, rather than a 404 that would leave it unstyled.
"""

from __future__ import annotations

import hashlib
import re
import stat
import threading
from pathlib import Path
from typing import Any

from flask import Flask, Response, send_from_directory
from werkzeug.security import safe_join

IMMUTABLE = "public, max-age=31536000, immutable"
DIGITS = 10
_HASHED = re.compile(rf"(?P<stem>.+)\.(?P<hash>[0-9a-f]{{{DIGITS}}})(?P<ext>\.[A-Za-z0-9]+)")


class Assets:
    """The static folder's files and their content hashes (read again when a file changes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._known: dict[str, tuple[tuple[int, int], str]] = {}
        self._lock = threading.Lock()

    def digest(self, name: str) -> str | None:
        """The file's content hash (None when there is no such file)."""
        joined = safe_join(str(self.folder), name)
        if joined is None:
            return None
        path = Path(joined)
        try:
            st = path.stat()
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        signature = (st.st_mtime_ns, st.st_size)
        with self._lock:
            known = self._known.get(name)
        if known is None or known[0] != signature:  # new, or changed (in development)
            known = (signature, hashlib.sha256(path.read_bytes()).hexdigest()[:DIGITS])
            with self._lock:
                self._known[name] = known
        return known[1]

    def hashed(self, name: str) -> str:
        """``app.css`` → ``app.<hash>.css`` (a name that is not a file stays as it is)."""
        digest = self.digest(name)
        if digest is None:
            return name
        stem, dot, ext = name.rpartition(".")
        return f"{stem}.{digest}.{ext}" if dot else f"{name}.{digest}"

    def original(self, name: str) -> tuple[str, bool] | None:
        """For a hashed name: the file's own name, and whether the hash is current."""
        found = _HASHED.fullmatch(name)
        if found is None:
            return None
        plain = found["stem"] + found["ext"]
        digest = self.digest(plain)
        return None if digest is None else (plain, digest == found["hash"])


def init_app(app: Flask) -> None:
    """Hash the names ``url_for('static', …)`` gives, and serve hashed names as immutable."""
    assert app.static_folder is not None
    assets = Assets(Path(app.static_folder))
    app.extensions["timeline.assets"] = assets

    def hash_name(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint == "static" and isinstance(values.get("filename"), str):
            values["filename"] = assets.hashed(values["filename"])

    def serve(filename: str) -> Response:
        found = assets.original(filename)
        if found is None:
            return app.send_static_file(filename)  # a plain name: revalidated on each use
        plain, current = found
        if not current:
            return app.send_static_file(plain)
        response = send_from_directory(assets.folder, plain, max_age=31536000)
        response.headers["Cache-Control"] = IMMUTABLE
        return response

    app.url_defaults(hash_name)
    app.view_functions["static"] = serve

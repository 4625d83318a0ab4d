"""A citation-first interactive timeline (Flask + htmx)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from flask_compress import Compress
from jinja2 import StrictUndefined

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS: dict[str, Any] = {
    "TIMELINE_EVENTS": str(ROOT / "events.yaml"),
    "TIMELINE_CACHE_DIR": None,  # None: $XDG_CACHE_HOME/timeline; "" disables the cache
    "TIMELINE_RELOAD_INTERVAL": 1.0,  # seconds between checks of the file; negative: never
    "TIMELINE_REFERENCE_ZONES": [
        ("Los Angeles", "America/Los_Angeles"),
        ("New York", "America/New_York"),
        ("Moscow", "Europe/Moscow"),
        ("Tokyo", "Asia/Tokyo"),
    ],
    "HTMX_FILE": "htmx-2.0.11.min.js",
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    # Flask-Compress would read a streamed static file without closing it (a leaked descriptor
    # per request); static assets are small and a reverse proxy compresses them in production.
    "COMPRESS_STREAMS": False,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: settings, data (refusing to start on an invalid file), routes."""
    from timeline import errors, filters, pagecache, security, views
    from timeline.cache import default_dir
    from timeline.loading import LoadError
    from timeline.store import Store

    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    app.config.update(DEFAULTS)
    if "TIMELINE_EVENTS" in os.environ:
        app.config["TIMELINE_EVENTS"] = os.environ["TIMELINE_EVENTS"]
    if config:
        app.config.update(config)
    if app.config.get("TESTING"):
        app.jinja_env.undefined = StrictUndefined
    cache_dir = app.config["TIMELINE_CACHE_DIR"]
    cache_path = default_dir() if cache_dir is None else (Path(cache_dir) if cache_dir else None)
    path = Path(app.config["TIMELINE_EVENTS"])
    try:
        store = Store(path, cache_path, float(app.config["TIMELINE_RELOAD_INTERVAL"]))
    except LoadError as exc:  # refuse to start, with the same messages as `timeline check`
        print("\n".join(exc.lines(os.fspath(path))), file=sys.stderr)
        raise SystemExit(1) from None
    app.extensions["timeline.store"] = store
    app.json.sort_keys = False  # type: ignore[attr-defined]
    # Pages are text-heavy (the full timeline is ~200 KiB of HTML, ~30 KiB compressed). No
    # cookies or secrets are ever sent, so compressing pages that echo the query is safe (BREACH).
    Compress(app)
    security.init_app(app)
    pagecache.init_app(app)
    errors.init_app(app)
    filters.init_app(app)
    app.register_blueprint(views.bp)
    return app

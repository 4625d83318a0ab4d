"""A citation-first interactive timeline (Flask + htmx)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from timeline.settings import ROOT

if TYPE_CHECKING:  # Flask is imported when an app is made: `python -m timeline.reload` needs none
    from flask import Flask

FLASK_DEFAULTS: dict[str, Any] = {
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    # Flask-Compress would read a streamed static file without closing it (a leaked descriptor
    # per request); static assets are small and a reverse proxy compresses them in production.
    "COMPRESS_STREAMS": False,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: settings, data (refusing to start on an invalid file), routes."""
    from flask import Flask
    from flask_compress import Compress
    from jinja2 import StrictUndefined

    from timeline import settings, web
    from timeline.i18n.catalogs import CatalogError
    from timeline.load import LoadError
    from timeline.store import Store

    config = dict(config or {})
    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    app.config.update(FLASK_DEFAULTS)
    app.config.update(config)
    try:
        app.config.update(settings.resolve(config))
    except settings.SettingError as exc:
        print(f"timeline: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    # Flask answers a request whose Host header is not one of these with a 400 (see web/errors.py).
    app.config["TRUSTED_HOSTS"] = list(app.config["TIMELINE_TRUSTED_HOSTS"]) or None
    if app.config.get("TESTING"):
        app.jinja_env.undefined = StrictUndefined
    path = app.config["TIMELINE_EVENTS"]
    try:
        store = Store(path, app.config["TIMELINE_CACHE_DIR"], app.config["TIMELINE_RELOAD_INTERVAL"])
    except LoadError as exc:  # refuse to start, with the same messages as `timeline check`
        print("\n".join(exc.lines(os.fspath(path))), file=sys.stderr)
        raise SystemExit(1) from None
    app.extensions["timeline.store"] = store
    app.json.sort_keys = False  # type: ignore[attr-defined]
    # Pages are text-heavy (the full timeline is ~200 KiB of HTML, ~30 KiB compressed). No
    # cookies or secrets are ever sent, so compressing pages that echo the query is safe (BREACH).
    Compress(app)
    try:
        web.init_app(app)
    except CatalogError as exc:  # a message catalog that cannot be compiled: say which
        print(f"timeline: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    return app

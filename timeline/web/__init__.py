"""Everything Flask: routes, the API, htmx, errors, security headers, the page cache, templates,
compressed static files."""

from __future__ import annotations

import logging

from flask import Flask

from timeline import i18n
from timeline.web import (
    api,
    assets,
    caching,
    cite,
    compression,
    embed,
    errors,
    exports,
    htmx,
    languages,
    pagecache,
    routes,
    security,
    templating,
    urls,
)

log = logging.getLogger("timeline")


def warm(app: Flask) -> None:
    """Do once what a worker's first request would: in gunicorn's master, before it forks.

    Every template is compiled and the timeline rendered, as a page and as the fragment a filter
    change asks for (which loads the locale data and fills the facet orders), so that a new worker
    answers its first request as fast as its hundredth (~130 ms saved a worker).
    """
    for name in app.jinja_env.list_templates(filter_func=lambda name: name.endswith(".html")):
        app.jinja_env.get_template(name)
    host = next((h for h in app.config["TIMELINE_TRUSTED_HOSTS"] if not h.startswith(".")), "localhost")
    try:
        client = app.test_client()
        client.get("/", headers={"Host": host})
        client.get("/", headers={"Host": host, "HX-Request": "true", "HX-Target": htmx.RESULTS})
    except Exception:  # a warm-up must never stop the server
        log.exception("the warm-up request failed")


def init_app(app: Flask) -> None:
    """Wire the web layer into ``app`` (limits first, then the page cache and validators, then the routes)."""
    security.init_app(app)
    pagecache.init_app(app)
    caching.init_app(app)  # after the page cache: its validators see the page as sent
    compression.init_app(app)  # static CSS/JS compressed
    errors.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    urls.init_app(app)
    assets.init_app(app)
    app.register_blueprint(routes.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(cite.bp)
    embed.init_app(app)
    languages.init_app(app)  # after the blueprints: it gives their pages a rule per language

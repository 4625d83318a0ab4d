"""Everything Flask: routes, the API, htmx, errors, security headers, the page cache, templates."""

from __future__ import annotations

from flask import Flask

from timeline import i18n
from timeline.web import (
    api,
    assets,
    caching,
    cite,
    embed,
    errors,
    exports,
    pagecache,
    routes,
    security,
    templating,
    urls,
)


def init_app(app: Flask) -> None:
    """Wire the web layer into ``app`` (limits first, then the page cache and validators, then the routes)."""
    security.init_app(app)
    pagecache.init_app(app)
    caching.init_app(app)  # after the page cache: its validators see the page as sent
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

"""Everything Flask: routes, the API, htmx, errors, security headers, the page cache, templates."""

from __future__ import annotations

from flask import Flask

from timeline import i18n
from timeline.web import api, errors, exports, pagecache, routes, security, templating


def init_app(app: Flask) -> None:
    """Wire the web layer into ``app`` (limits first, then the page cache, then the routes)."""
    security.init_app(app)
    pagecache.init_app(app)
    errors.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    app.register_blueprint(routes.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(exports.bp)

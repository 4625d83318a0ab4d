"""Friendly error pages (HTML, htmx fragment or JSON) that never leak internals."""

from __future__ import annotations

import logging

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from timeline import htmx

log = logging.getLogger("timeline")
TITLES = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    414: "Query too long",
    500: "Something went wrong",
}
MESSAGES = {
    404: "There is nothing at this address.",
    405: "This site only answers GET and HEAD requests.",
    414: "The query string is too long (at most 2 KiB).",
    500: "The server hit a problem while answering. It has been logged.",
}


def _page(error: HTTPException) -> Response:
    code = error.code or 500
    message = error.description if code in (400, 404) and error.description else MESSAGES.get(code, "")
    if code == 404 and request.url_rule is None:  # no route matched: werkzeug's text names no page
        message = MESSAGES[404]
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        response = jsonify({"error": message, "status": code})
    else:
        template = "errors/_error.html" if htmx.is_htmx(request) else "errors/error.html"
        response = current_app.make_response(
            render_template(template, code=code, title=TITLES.get(code, "Error"), message=message)
        )
    response.status_code = code
    if code == 405:
        response.headers["Allow"] = "GET, HEAD"
    return htmx.vary(response)


def _unexpected(error: Exception) -> Response:
    log.exception("unhandled error on %s", request.path)
    return _page(InternalServerError())


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, _page)
    app.register_error_handler(Exception, _unexpected)

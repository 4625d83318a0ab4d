"""Friendly error pages (HTML, htmx fragment or JSON) that never leak internals.

Also the development banner's data: when the data file on disk is broken, pages rendered
with ``app.debug`` on can show ``templates/_data_banner.html`` (which reads
``data_problems``, ``data_problem_count`` and ``data_file`` from the template context).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from timeline.web import htmx

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
BANNER_PROBLEMS = 5  # the first few problems; `timeline check` lists them all


def _page(error: HTTPException) -> Response:
    code = error.code or 500
    message = error.description if code in (400, 404) and error.description else MESSAGES.get(code, "")
    if code == 404 and request.url_rule is None:  # no route matched: werkzeug's text names no page
        message = MESSAGES[404]
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        response = jsonify({"error": message, "errors": [message], "status": code})
    else:
        response = _html(code, message)
    response.status_code = code
    if code == 405:
        response.headers["Allow"] = "GET, HEAD"
    return htmx.vary(response)


def _html(code: int, message: str) -> Response:
    """The error page (or fragment); plain text if even the template fails."""
    template = "errors/_error.html" if htmx.is_htmx(request) else "errors/error.html"
    try:
        body = render_template(template, code=code, title=TITLES.get(code, "Error"), message=message)
    except Exception:
        log.exception("cannot render the error page for %d", code)
        return Response(f"{TITLES.get(code, 'Error')}. {message}\n", mimetype="text/plain")
    return current_app.make_response(body)


def _unexpected(error: Exception) -> Response:
    log.exception("unhandled error on %s", request.path)
    return _page(InternalServerError())


def _data_banner() -> dict[str, Any]:
    """Template context for the development banner: problems of a broken data file, if any."""
    store = current_app.extensions.get("timeline.store")
    if not current_app.debug or store is None or store.status.last_reload_ok:
        return {"data_problems": (), "data_problem_count": 0, "data_file": ""}
    problems = store.status.errors
    return {
        "data_problems": problems[:BANNER_PROBLEMS],
        "data_problem_count": len(problems),
        "data_file": Path(store.path).name,
    }


def init_app(app: Flask) -> None:
    """Register the error handlers (and the banner's context)."""
    app.register_error_handler(HTTPException, _page)
    app.register_error_handler(Exception, _unexpected)
    app.context_processor(_data_banner)

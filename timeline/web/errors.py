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
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from timeline.i18n import _, content, lazy_gettext
from timeline.model import Timeline
from timeline.web import htmx

log = logging.getLogger("timeline")
TITLES = {
    400: lazy_gettext("Bad request"),
    404: lazy_gettext("Not found"),
    405: lazy_gettext("Method not allowed"),
    414: lazy_gettext("Query too long"),
    500: lazy_gettext("Something went wrong"),
}
MESSAGES = {
    404: lazy_gettext("There is nothing at this address."),
    405: lazy_gettext("This site only answers GET and HEAD requests."),
    414: lazy_gettext("The query string is too long (at most 2 KiB)."),
    500: lazy_gettext("The server hit a problem while answering. It has been logged."),
}
UNKNOWN_HOST = lazy_gettext("This site does not answer to that host name.")
BANNER_PROBLEMS = 5  # the first few problems; `timeline check` lists them all


def _page(error: HTTPException) -> Response:
    if isinstance(error, SecurityError):  # an untrusted Host: no URL can be built for it
        return _unknown_host()
    code = error.code or 500
    message = str(error.description if code in (400, 404) and error.description else MESSAGES.get(code, ""))
    if code == 404 and request.url_rule is None:  # no route matched: werkzeug's text names no page
        message = str(MESSAGES[404])
    if request.path.startswith("/api/"):
        response = jsonify({"error": message, "errors": [message], "status": code})
    else:  # JSON for a client that asks for it, else a page (or a fragment for htmx)
        if request.accept_mimetypes.best == "application/json":
            response = jsonify({"error": message, "errors": [message], "status": code})
        else:
            response = _html(code, message)
        response.vary.update(("Accept", *htmx.ERROR_VARY))
    response.status_code = code
    if code == 405:
        response.headers["Allow"] = "GET, HEAD"
    return response


def _unknown_host() -> Response:
    """A 400 for a Host header that is not in TIMELINE_TRUSTED_HOSTS, which never repeats it."""
    message = str(UNKNOWN_HOST)
    if request.path.startswith("/api/"):
        response = jsonify({"error": message, "errors": [message], "status": 400})
    else:
        response = Response(f"{TITLES[400]}. {message}\n", mimetype="text/plain")
    response.status_code = 400
    return response


def _html(code: int, message: str) -> Response:
    """The error page in the site's frame (or a fragment); plain text if even the template fails."""
    timeline = _timeline()
    if htmx.is_htmx(request):
        template = "errors/_error.html"
    else:
        template = "errors/error.html" if timeline is not None else "errors/bare.html"
    title = str(TITLES.get(code, _("Error")))
    brand = content.title(timeline) if timeline is not None else str(_("Timeline"))
    try:
        body = render_template(
            template, code=code, title=title, message=message, brand=brand, timeline=timeline
        )
    except Exception:
        log.exception("cannot render the error page for %d", code)
        return Response(f"{title}. {message}\n", mimetype="text/plain")
    return current_app.make_response(body)


def _timeline() -> Timeline | None:
    """The current snapshot, or None when even the data cannot be reached."""
    try:
        timeline: Timeline = current_app.extensions["timeline.store"].snapshot
    except Exception:  # an error page must render even then
        return None
    return timeline


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

"""The JSON API, the file format's schema and the health check.

The API's data is the same in every language (each event carries its translations): its
answers are made in the default language whatever ``Accept-Language`` says, so that they are
the same bytes for every reader and vary on the content coding only. Its error messages speak
the reader's language, and those answers say ``Vary: Accept-Language``.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request, send_file

from timeline.formats.api import event_json, result_json
from timeline.i18n import LANGUAGES, speaking
from timeline.load import SCHEMA_PATH
from timeline.query import MAX_PER_PAGE, QueryError, apply, parse_query
from timeline.store import file_state
from timeline.web.lookup import data, found, render_limit, store
from timeline.web.urls import absolute

bp = Blueprint("api", __name__)


@bp.get("/api/events")
def events() -> Response:
    """The filtered events as JSON, a page at a time."""
    timeline = data()
    try:
        # A page bigger than the render budget is refused by the parser, with the limit in words.
        query = parse_query(request.args, timeline, max_per_page=min(MAX_PER_PAGE, render_limit()))
    except QueryError as exc:
        return error_json(400, exc.messages)
    with speaking(LANGUAGES[0]):  # facet values come in the order of their labels: the same for all
        return jsonify(result_json(timeline, apply(timeline, query), permalink))


@bp.get("/api/events/<ident>")
def event(ident: str) -> Response:
    """One event as JSON."""
    timeline = data()
    shown = found(timeline.event(ident), "event", ident)  # a 404 explains itself in the reader's language
    with speaking(LANGUAGES[0]):
        return jsonify(event_json(timeline, shown, permalink))


def permalink(ident: str) -> str:
    """The absolute URL of an event's page."""
    return absolute("timeline.event", ident=ident)


def error_json(status: int, messages: list[str]) -> Response:
    """``{"error", "errors", "status"}``: the shape of every API error."""
    response = jsonify({"error": messages[0], "errors": messages, "status": status})
    response.status_code = status
    return response


@bp.get("/schema/events.json")
def schema() -> Response:
    """The JSON Schema of events.yaml (for editors through yaml-language-server)."""
    return send_file(SCHEMA_PATH, mimetype="application/schema+json", max_age=3600)


@bp.get("/healthz")
def healthz() -> Response:
    """Which data is served, whether the last reload worked, and the data file as it is now."""
    live = store()
    status = live.health()
    response = jsonify(
        {
            "data_version": status.data_version,
            "loaded_at": status.loaded_at,
            "last_reload_ok": status.last_reload_ok,
            "errors": [{"line": p.line, "col": p.col, "message": p.message} for p in status.errors],
            "file": file_state(live.path, status),
        }
    )
    response.headers["Cache-Control"] = "no-store"
    return response

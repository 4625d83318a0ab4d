"""The routes: thin views that parse, query and render."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_file

from timeline import htmx, overview
from timeline.loading import SCHEMA_PATH
from timeline.model import Event, Timeline
from timeline.present import day_differences, group_by_year
from timeline.query import MAX_PER_PAGE, Query, QueryError, apply, events_with, parse_query
from timeline.serialize import event_json, result_json
from timeline.store import Store

bp = Blueprint("timeline", __name__)
RESULTS = "results"
MORE = "more"


def data() -> Timeline:
    """The current snapshot."""
    store: Store = current_app.extensions["timeline.store"]
    return store.snapshot


def _render(template: str, status: int = 200, **context: Any) -> Response:
    response = current_app.make_response((render_template(template, **context), status))
    return htmx.vary(response)


FACET_LIMIT = 12  # facet values shown before "more"


@bp.get("/")
def index() -> Response:
    """The timeline, filtered by the query string (the results fragment for htmx)."""
    timeline = data()
    fragment = htmx.targets(request, RESULTS)
    try:
        query = parse_query(request.args, timeline)
    except QueryError as exc:
        form = {k: request.args.get(k, "")[:200] for k in ("q", "from", "to")}
        return _render(
            "_results.html" if fragment else "index.html",
            400,
            timeline=timeline,
            query=Query(),
            result=None,
            groups=[],
            errors=exc.messages,
            form=form,
            fragment=fragment,
            facets=apply(timeline, Query()).facets,
            facet_limit=FACET_LIMIT,
        )
    result = apply(timeline, query)  # a page past the last is already a 400 from parse_query
    previous = _before(timeline, result.events[0].id) if query.page > 1 and result.events else None
    context: dict[str, Any] = {
        "timeline": timeline,
        "query": query,
        "result": result,
        "errors": [],
        "groups": group_by_year(result.events, previous),
        "facets": result.facets,
        "facet_limit": FACET_LIMIT,
        "overview": overview.build(timeline, query),
        "form": {"q": query.q, "from": query.start or "", "to": query.end or ""},
    }
    if htmx.targets(request, MORE):
        return _render("_page.html", **context)
    return _render("_results.html" if fragment else "index.html", fragment=fragment, **context)


def _before(timeline: Timeline, ident: str) -> Event | None:
    position = timeline.positions[ident]
    return timeline.events[position - 1] if position else None


@bp.get("/events/<ident>")
def event(ident: str) -> Response:
    """One event's permalink page."""
    timeline = data()
    found = timeline.event(ident)
    if found is None:
        abort(404, description=f"There is no event with the id “{ident[:100]}”.")
    zones = [(name, ZoneInfo(key)) for name, key in current_app.config["TIMELINE_REFERENCE_ZONES"]]
    outcome = timeline.event(found.outcome) if found.outcome else None
    planned = events_with(timeline, "outcome", found.id)
    return _render(
        "event.html",
        timeline=timeline,
        event=found,
        outcome=outcome,
        planned=planned,
        days=day_differences(found, zones),
    )


@bp.get("/sources/<ident>")
def source(ident: str) -> Response:
    """A source and every citation of it."""
    timeline = data()
    found = timeline.sources.get(ident)
    if found is None:
        abort(404, description=f"There is no source with the id “{ident[:100]}”.")
    events = events_with(timeline, "source", ident)
    citing = [(e, c) for e in events for c in e.citations if c.source == ident]
    return _render("source.html", timeline=timeline, source=found, citing=citing)


@bp.get("/actors/<ident>")
def actor(ident: str) -> Response:
    """Who an actor is, and their events."""
    timeline = data()
    found = timeline.actors.get(ident)
    if found is None:
        abort(404, description=f"There is no actor with the id “{ident[:100]}”.")
    events = events_with(timeline, "actor", ident)
    return _render(
        "actor.html", timeline=timeline, actor=found, count=len(events), groups=group_by_year(events)
    )


@bp.get("/countries/<code>")
def country(code: str) -> Response:
    """A country's events."""
    timeline = data()
    name = timeline.countries.get(code)
    if name is None:
        abort(
            404,
            description=f"No event or actor of this timeline is linked to the country code “{code[:10]}”.",
        )
    events = events_with(timeline, "country", code)
    actors = [a for a in timeline.actors.values() if code in a.countries]
    return _render(
        "country.html", timeline=timeline, code=code, name=name, actors=actors, groups=group_by_year(events)
    )


@bp.get("/api/events")
def api_events() -> Response:
    """The filtered events as JSON, a page at a time."""
    timeline = data()
    try:
        query = parse_query(request.args, timeline, max_per_page=MAX_PER_PAGE)
    except QueryError as exc:
        return _json_error(400, exc.messages)
    return jsonify(result_json(timeline, apply(timeline, query)))


@bp.get("/api/events/<ident>")
def api_event(ident: str) -> Response:
    """One event as JSON."""
    timeline = data()
    found = timeline.event(ident)
    if found is None:
        return _json_error(404, [f"no event with id '{ident[:100]}'"])
    return jsonify(event_json(timeline, found))


def _json_error(status: int, messages: list[str]) -> Response:
    response = jsonify({"error": messages[0], "errors": messages, "status": status})
    response.status_code = status
    return response


@bp.get("/schema/events.json")
def schema() -> Response:
    """The JSON Schema of events.yaml (for editors through yaml-language-server)."""
    return send_file(SCHEMA_PATH, mimetype="application/schema+json", max_age=3600)


@bp.get("/healthz")
def healthz() -> Response:
    """Which data is served, and whether the last reload worked."""
    store: Store = current_app.extensions["timeline.store"]
    status = store.status
    response = jsonify(
        {
            "data_version": status.data_version,
            "loaded_at": status.loaded_at,
            "last_reload_ok": status.last_reload_ok,
            "errors": [{"line": p.line, "col": p.col, "message": p.message} for p in status.errors],
        }
    )
    response.headers["Cache-Control"] = "no-store"
    return response

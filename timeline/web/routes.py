"""The reader's pages: thin views that parse, query and render."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, current_app, redirect, request, url_for
from werkzeug.datastructures import MultiDict

from timeline import axis
from timeline.index import terms
from timeline.model import Event, Timeline
from timeline.present import active_filters, day_differences, group_by_year, search_examples
from timeline.query import (
    FACETS,
    LANES,
    LIST_PAGE,
    Query,
    QueryError,
    Result,
    apply,
    events_page,
    events_with,
    parse_query,
)
from timeline.reading import reading
from timeline.web import cite, embed, htmx
from timeline.web.lookup import data, found, render
from timeline.web.templating import axis_links, view_args

bp = Blueprint("timeline", __name__)
FACET_LIMIT = 12  # facet values shown before "more"
ACTORS_SHOWN = 100  # on a country's page; the rest are counted


@bp.get("/")
def index() -> Response:
    """The timeline, filtered by the query string (the results fragment for htmx)."""
    timeline = data()
    fragment, more = htmx.targets(request, htmx.RESULTS), htmx.targets(request, htmx.MORE)
    if not htmx.is_request(request) and any(v == "" for v in request.args.values()):
        return _without_empty()  # a form sent without JavaScript: q=&from=&to=
    try:
        query = parse_query(request.args, timeline, per_page=LIST_PAGE)
    except QueryError as exc:
        return _invalid(timeline, exc, fragment=fragment or more)
    result = apply(timeline, query)  # a page past the last is already a 400 from parse_query
    shown, previous = result.events, None
    if more and query.pages > 1:  # "Show more": only the last page of the longer list is appended
        cut = (query.pages - 1) * query.per_page
        shown, previous = result.events[cut:], result.events[cut - 1]
    elif query.page > 1 and shown:
        previous = _before(timeline, shown[0].id)
    form = {"q": query.q, "from": query.start or "", "to": query.end or "", "lanes": query.lanes or ""}
    context = _context(timeline, query, result.facets, form=form)
    context.update(result=result, groups=group_by_year(shown, previous), axis=_axis(timeline, query, result))
    if more:
        return render("_page.html", more=True, **context)
    context["cite"] = cite.for_view(timeline, query)
    context["embed_code"] = embed.code(embed.view_embed(timeline, query))
    return render("_results.html" if fragment else "index.html", fragment=fragment, **context)


def _context(timeline: Timeline, query: Query, facets: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """What the timeline page and its fragments share."""
    return {
        "timeline": timeline,
        "query": query,
        "errors": [],
        "invalid": (),
        "facets": facets,
        "facet_limit": FACET_LIMIT,
        "found": terms(query.q),
        "active_filters": active_filters(query),
        "search": search_examples(timeline),
        **extra,
    }


def _without_empty() -> Response:
    """Redirect to the same view without the empty parameters a plain form sends."""
    kept = [(k, v) for k, v in request.args.items(multi=True) if v != ""]
    target = url_for("timeline.index") + ("?" + urlencode(kept) if kept else "")
    return redirect(target, 302)  # type: ignore[return-value]


def _invalid(timeline: Timeline, exc: QueryError, *, fragment: bool) -> Response:
    """Why the filter cannot be applied: a 400.

    With htmx only the alert and status change (the list keeps the last filter that worked, and
    the address bar keeps its address); without, the page shows the form as sent, the fields at
    fault marked, and the facets of the parameters that were valid.
    """
    valid = _valid_part(timeline, exc)
    form = {k: request.args.get(k, "")[:200] for k in ("q", "from", "to")}
    form["lanes"] = request.args.get("lanes", "") if request.args.get("lanes") in LANES else ""
    context = _context(timeline, valid, apply(timeline, valid).facets, form=form)
    context.update(errors=exc.messages, invalid=exc.fields, result=None, groups=[], fragment=fragment)
    response = render("_results.html" if fragment else "index.html", 400, **context)
    if fragment:
        response.headers["HX-Reswap"] = "none"
        response.headers["HX-Push-Url"] = "false"
    return response


def _valid_part(timeline: Timeline, exc: QueryError) -> Query:
    """The query without the parameters at fault (so the form keeps the reader's other choices)."""
    kept = MultiDict([(k, v) for k, v in request.args.items(multi=True) if k not in exc.fields])
    try:
        return parse_query(kept, timeline, per_page=LIST_PAGE)
    except QueryError:
        return Query()


def _axis(timeline: Timeline, query: Query, result: Result) -> axis.AxisView | None:
    """The time axis of this view, ready to draw (None when nothing matches and no dates are given)."""
    built = axis.build(timeline, query, result)
    return None if built is None else axis.present(built, timeline, query, axis_links())


def _before(timeline: Timeline, ident: str) -> Event | None:
    position = timeline.positions[ident]
    return timeline.events[position - 1] if position else None


@bp.get("/events/<ident>")
def event(ident: str) -> Response:
    """One event's permalink page."""
    timeline = data()
    shown = found(timeline.event(ident), "event", ident)
    zones = [(name, ZoneInfo(key)) for name, key in current_app.config["TIMELINE_REFERENCE_ZONES"]]
    try:
        view = parse_query(request.args, timeline, per_page=LIST_PAGE)
    except QueryError:
        view = Query(
            per_page=LIST_PAGE
        )  # a broken view in the link: the permalink still works, within the whole timeline
    return render(
        "event.html",
        timeline=timeline,
        event=shown,
        reading=reading(timeline, view, shown),
        outcome=timeline.event(shown.outcome) if shown.outcome else None,
        planned=events_with(timeline, "outcome", shown.id),
        days=day_differences(shown, zones, timeline.language),
        cite=cite.for_event(timeline, shown),
        embed_code=embed.code(embed.event_embed(timeline, shown.id)),
    )


@bp.get("/sources/<ident>")
def source(ident: str) -> Response:
    """A source and every citation of it, a page of citing events at a time."""
    timeline = data()
    shown = found(timeline.sources.get(ident), "source", ident)
    listing = _listing(timeline, "source", ident)
    # each event once, with every quote it takes from this source
    citing = [(e, [c for c in e.citations if c.source == ident]) for e in listing["events"]]
    return _render_listing(
        "source.html", "_citing.html", timeline=timeline, source=shown, citing=citing,
        cite=cite.for_source(shown), **listing,
    )  # fmt: skip


@bp.get("/actors/<ident>")
def actor(ident: str) -> Response:
    """Who an actor is, and their events, a page at a time."""
    timeline = data()
    shown = found(timeline.actors.get(ident), "actor", ident)
    listing = _listing(timeline, "actor", ident)
    return _render_listing("actor.html", "_listing.html", timeline=timeline, actor=shown, **listing)


@bp.get("/countries/<code>")
def country(code: str) -> Response:
    """A country's events, a page at a time (a code typed in lower case is redirected to its capitals)."""
    timeline = data()
    if code != code.upper() and code.upper() in timeline.countries:
        return redirect(url_for("timeline.country", code=code.upper()), 308)  # type: ignore[return-value]
    name = found(timeline.countries.get(code), "country", code)
    listing = _listing(timeline, "country", code)
    actors = [a for a in timeline.actors.values() if code in a.countries]
    return _render_listing(
        "country.html", "_listing.html", timeline=timeline, code=code, name=name,
        actors=actors[:ACTORS_SHOWN], more_actors=max(0, len(actors) - ACTORS_SHOWN), **listing,
    )  # fmt: skip


def _listing(timeline: Timeline, name: str, value: str) -> dict[str, Any]:
    """One page of the events of an actor, country or source, and the links to its neighbours.

    A bad or too large ``page`` is a 400 that says so.
    """
    try:
        paging, events, previous = events_page(timeline, name, value, request.args)
    except QueryError as exc:
        abort(400, description="; ".join(exc.messages))
    # the timeline's view of these events (its list pages, not this page's)
    view = Query(per_page=LIST_PAGE, **({name: (value,)} if name in FACETS else {}))  # type: ignore[arg-type]
    return {
        "paging": paging,
        "events": events,
        "groups": group_by_year(events, previous),
        "view": view_args(view),  # the event pages read on within this actor's or country's events
        "more_url": _page_url(paging.page + 1) if paging.has_more else None,
        "earlier_url": _page_url(paging.page - 1) if paging.page > 1 else None,
    }


def _page_url(page: int) -> str:
    """This page's URL showing another page of its list (the first has no ``page``)."""
    return url_for(request.endpoint or "", **(request.view_args or {}), page=page if page > 1 else None)


def _render_listing(template: str, partial: str, **context: Any) -> Response:
    """The page, or for htmx's "more" only the next page of its list."""
    return render(partial if htmx.targets(request, htmx.MORE) else template, **context)

"""Embeds and oEmbed: the timeline, a filtered view or an event inside another site's page.

- ``/embed?<filters>``: the time axis and the list of the view, nothing else (no header, no
  filter panel), with a link that opens the full timeline; ``/embed/events/<id>``: one event.
  Only these may be framed (``frame-ancestors`` from ``TIMELINE_FRAME_ANCESTORS``, see
  :mod:`timeline.web.security`); links inside open a new tab, except those that move within
  the embed (the axis's zoom and pan, its clusters and dates, the next page).
- ``/oembed?url=…&maxwidth=…&maxheight=…&format=json|xml`` (oEmbed 1.0): for a URL of this
  timeline that has an embed (the timeline and its filtered views, an event, an actor, a
  country), a ``rich`` answer whose ``html`` is an iframe of the embed at integer ``width`` and
  ``height`` within the maximums; 404 for any other URL, 501 for another format.
- :func:`code`: the same iframe, offered on the pages to copy.

Embeds are pages for readers, in every language like the others: ``/ru/embed…`` is in Russian,
and ``/embed…`` in the language the reader's browser asks for. The embed code on a Russian page
frames the Russian embed; an oEmbed answer speaks the language of the address it is asked about
(its title, and the iframe of the embed in that language), or, for an address without a
language, the one the consumer asks for.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from flask import Blueprint, Flask, Response, abort, current_app, g, jsonify, render_template, request
from markupsafe import escape
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from timeline import axis
from timeline.i18n import _, content, speaking
from timeline.model import Timeline
from timeline.present import group_by_year
from timeline.query import Query, QueryError, Result, apply, parse_query
from timeline.web.lookup import data, found
from timeline.web.security import PARAMETERS
from timeline.web.templating import axis_links, page_title, titled
from timeline.web.urls import absolute, current, links

bp = Blueprint("embed", __name__)
VIEW_SIZE = (800, 600)  # width, height of an embedded view, unless the consumer asks for less
EVENT_SIZE = (600, 400)
_MAX_AGE = re.compile(r"(?:^|,)\s*max-age=(\d+)")
DISCOVERABLE = frozenset(("timeline.index", "timeline.event", "timeline.actor", "timeline.country"))


@dataclass(frozen=True, slots=True)
class Embed:
    """What an embed shows and how big it is by default."""

    src: str  # the absolute URL of the embed
    title: str
    size: tuple[int, int]


def _embedded() -> None:
    """Links of views in this page stay in the embed; the page says it is one (see macros.swap)."""
    g.view_endpoint = "embed.index"
    g.embedded = True


@bp.get("/embed")
def index() -> Response:
    """The time axis and the list of a filtered view, to be shown in a frame."""
    timeline = data()
    _embedded()
    try:
        query = parse_query(request.args, timeline)
    except QueryError as exc:
        abort(400, description="; ".join(exc.messages))
    result = apply(timeline, query)
    return _framed(
        "embed.html",
        timeline=timeline,
        query=query,
        result=result,
        groups=group_by_year(result.events),
        axis=_axis(timeline, query, result),
        title=page_title(timeline, query, []),
        full=links(query).view,
    )


@bp.get("/embed/events/<ident>")
def event(ident: str) -> Response:
    """One event, to be shown in a frame."""
    timeline = data()
    _embedded()
    shown = found(timeline.event(ident), "event", ident)
    return _framed(
        "embed_event.html",
        timeline=timeline,
        event=shown,
        title=titled(content.text(timeline, shown, "title") or shown.title, content.title(timeline)),
        full=absolute("timeline.event", ident=shown.id),
    )


def _axis(timeline: Timeline, query: Query, result: Result) -> axis.AxisView | None:
    """The time axis of the view, its links staying in the embed (no JavaScript runs in it)."""
    built = axis.build(timeline, query, result)
    return None if built is None else axis.present(built, timeline, query, axis_links())


def _framed(template: str, **context: Any) -> Response:
    """An embed, rendered (it depends on no htmx header: htmx is not loaded in it)."""
    return current_app.make_response(render_template(template, **context))


def iframe(embed: Embed, width: int, height: int) -> str:
    """The HTML of an iframe showing ``embed`` (every value escaped)."""
    return (
        f'<iframe src="{escape(embed.src)}" width="{width}" height="{height}" title="{escape(embed.title)}"'
        f' loading="lazy" frameborder="0" referrerpolicy="strict-origin-when-cross-origin"></iframe>'
    )


def code(embed: Embed) -> str:
    """The embed code offered on a page (the default size)."""
    return iframe(embed, *embed.size)


def view_embed(timeline: Timeline, query: Query) -> Embed:
    """The embed of a filtered view (the whole timeline when there is no filter)."""
    pairs = query.params(lanes=True)
    src = absolute("embed.index") + ("?" + urlencode(pairs) if pairs else "")
    return Embed(src, page_title(timeline, query, []), VIEW_SIZE)


def event_embed(timeline: Timeline, ident: str) -> Embed:
    """The embed of one event."""
    shown = timeline.event(ident)
    name = content.text(timeline, shown, "title") if shown is not None else None
    return Embed(
        absolute("embed.event", ident=ident), titled(name or ident, content.title(timeline)), EVENT_SIZE
    )


def _route(url: str) -> tuple[str, Mapping[str, Any], MultiDict[str, str]] | None:
    """The route of one of our URLs (its endpoint, values and query), or None for any other URL."""
    base = urlsplit(current_app.config["TIMELINE_BASE_URL"])
    parts = urlsplit(url.strip())
    if (parts.scheme, parts.netloc.lower()) != (base.scheme, base.netloc.lower()):
        return None
    prefix = base.path.rstrip("/")
    if not parts.path.startswith(prefix + "/"):
        return None
    try:
        adapter = current_app.url_map.bind(base.netloc, script_name=prefix or "/")
        endpoint, values = adapter.match(parts.path[len(prefix) :] or "/", method="GET")
    except HTTPException:
        return None
    return str(endpoint), values, MultiDict(parse_qsl(parts.query, keep_blank_values=True))


def _speaking(route: tuple[str, Mapping[str, Any], Any] | None) -> AbstractContextManager[None]:
    """The language of the address ``route`` came from, if it names one (its links keep it)."""
    lang = route[1].get("lang") if route is not None else None
    return speaking(lang, in_urls=True) if lang else nullcontext()


def resolve(timeline: Timeline, url: str) -> Embed | None:
    """The embed of a URL of this timeline, if the page there has one (in the language of the URL)."""
    route = _route(url)
    if route is None:
        return None
    with _speaking(route):
        return _embed_of(timeline, *route)


def _embed_of(
    timeline: Timeline, endpoint: str, values: Mapping[str, Any], args: MultiDict[str, str]
) -> Embed | None:
    """The embed of the page at ``endpoint`` with ``values`` and the query ``args``, if it has one."""
    if endpoint in ("timeline.event", "embed.event"):
        return event_embed(timeline, values["ident"]) if timeline.event(values["ident"]) else None
    if endpoint == "timeline.actor" and values["ident"] in timeline.actors:
        args = MultiDict([("actor", values["ident"])])
    elif endpoint == "timeline.country" and values["code"] in timeline.countries:
        args = MultiDict([("country", values["code"])])
    elif endpoint not in ("timeline.index", "embed.index"):
        return None
    allowed = PARAMETERS["timeline.index"] - {"page", "per_page"}
    try:
        query = parse_query(MultiDict([(k, v) for k, v in args.items(multi=True) if k in allowed]), timeline)
    except QueryError:
        return None
    return view_embed(timeline, query)


def _size(name: str, default: int) -> int:
    """``maxwidth``/``maxheight``: the default, or less when the consumer asks for less."""
    text = request.args.get(name, "")
    if not text:
        return default
    if not (text.isascii() and text.isdigit() and len(text) <= 6 and int(text) > 0):
        abort(400, description=_("'%(name)s' must be a whole number of pixels", name=name))
    return min(default, int(text))


@bp.get("/oembed")
def oembed() -> Response:
    """oEmbed 1.0: a ``rich`` answer (an iframe of the embed) for a URL of this timeline."""
    fmt = request.args.get("format", "json")
    if fmt not in ("json", "xml"):
        abort(501)
    timeline = data()
    url = request.args.get("url", "")
    embed = resolve(timeline, url)
    if embed is None:  # errors speak the consumer's language
        abort(404, description=_("This timeline has no embed for that address."))
    width, height = _size("maxwidth", embed.size[0]), _size("maxheight", embed.size[1])
    with _speaking(_route(url)):
        answer: dict[str, Any] = {
            "type": "rich",
            "version": "1.0",
            "title": embed.title,
            "provider_name": current_app.config["TIMELINE_PUBLISHER"] or content.title(timeline),
            "provider_url": absolute("timeline.index"),
            "html": iframe(embed, width, height),
            "width": width,
            "height": height,
        }
    max_age = _MAX_AGE.search(current_app.config["TIMELINE_CACHE_CONTROL"])
    if max_age:
        answer["cache_age"] = int(max_age.group(1))
    response = jsonify(answer) if fmt == "json" else _xml(answer)
    response.headers["Access-Control-Allow-Origin"] = "*"  # public data: scripts elsewhere may read it
    return response


def discovery() -> list[tuple[str, str]]:
    """oEmbed discovery links of the page being rendered (media type, URL), if it has an embed."""
    if g.get("embedded") or request.endpoint not in DISCOVERABLE:
        return []
    page = current()
    try:
        embeddable = resolve(data(), page) is not None
    except HTTPException:
        return []
    if not embeddable:
        return []
    return [(f"{kind}+oembed", absolute("embed.oembed", url=page, format=fmt))
            for kind, fmt in (("application/json", "json"), ("text/xml", "xml"))]  # fmt: skip


def init_app(app: Flask) -> None:
    """The embed routes, and the discovery links templates show."""
    app.register_blueprint(bp)
    app.jinja_env.globals["oembed_links"] = discovery


def _xml(answer: dict[str, Any]) -> Response:
    """The oEmbed answer as XML (the specification's ``<oembed>`` document)."""
    root = ET.Element("oembed")
    for name, value in answer.items():
        ET.SubElement(root, name).text = str(value)
    body = ET.tostring(root, encoding="unicode")
    return Response(f'<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n{body}\n', mimetype="text/xml")

"""``/export.<format>``: the filtered view in every registered format, streamed.

The filters are the page's (``actor``, ``country``, ``tag``, ``from``, ``to``, ``q``), plus
``limit``: at most that many events, the latest of the view. Feeds (Atom, JSON Feed) hold the
newest :attr:`~timeline.formats.Format.newest` by default, latest first; other formats every
event, oldest first. Responses stream, so 100,000 events never sit in memory as text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import islice

from flask import Blueprint, Response, abort, current_app, request, stream_with_context

from timeline.formats import FORMATS, Format, View
from timeline.i18n import _, content
from timeline.i18n.words import number
from timeline.index import each
from timeline.model import Event, Timeline
from timeline.query import Query, QueryError, parse_query, selected
from timeline.web.lookup import data, render_limit, store, within_budget
from timeline.web.templating import filter_title
from timeline.web.urls import links

bp = Blueprint("exports", __name__)
MAX_LIMIT = 200_000  # the most events a file may hold
FILENAME_CHARS = 80
CHUNK = 64 * 1024  # characters gathered into one piece of the response (writers yield an event at a time)


@bp.get("/export.<name>")
def export(name: str) -> Response:
    """The events of the view the query string selects, as a file in format ``name``."""
    fmt = FORMATS.get(name)
    if fmt is None:
        known = ", ".join(f"export.{n}" for n in FORMATS)
        abort(404, description=_("There is no export format “%(name)s” (there are %(known)s).",
                                 name=name[:40], known=known))  # fmt: skip
    timeline = data()
    try:
        query = parse_query(request.args, timeline)
        limit = _limit(request.args.getlist("limit"), fmt)
    except QueryError as exc:
        abort(400, description="; ".join(exc.messages))
    bits = selected(timeline, query)
    count = bits.bit_count() if limit is None else min(bits.bit_count(), limit)
    within_budget(
        count, _("Narrow the filters, or ask for the latest with limit=%(limit)s.", limit=render_limit())
    )
    shown = content.localised_timeline(timeline)  # in the language of the page the link was on
    view = View(
        timeline=shown,
        events=content.localised_events(
            timeline, _events(timeline, bits, limit, latest_first=fmt.newest is not None)
        ),
        total=bits.bit_count(),
        title=_title(shown, query),
        links=links(query),
        updated=datetime.fromtimestamp(store().modified, UTC),
        publisher=current_app.config["TIMELINE_PUBLISHER"],
    )
    response = Response(stream_with_context(gathered(fmt.write(view))), mimetype=fmt.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename(timeline, query, fmt)}"'
    return response


def gathered(pieces: Iterator[str], size: int = CHUNK) -> Iterator[str]:
    """The writer's pieces joined into chunks of at least ``size`` characters (the last may be
    shorter): fewer, larger writes to the socket, and memory still bounded by one chunk."""
    chunk: list[str] = []
    length = 0
    for piece in pieces:
        chunk.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(chunk)
            chunk, length = [], 0
    if length:
        yield "".join(chunk)


def _limit(values: list[str], fmt: Format) -> int | None:
    """``limit``: a whole number from 1 to :data:`MAX_LIMIT`; absent, the format's default."""
    if len(values) > 1:
        raise QueryError([_("'%(name)s' may be given only once", name="limit")])
    if not values or values[0] == "":
        return fmt.newest
    text = values[0]
    # The length test comes first so that int() never sees a huge string.
    digits = len(text) <= len(str(MAX_LIMIT)) and text.isascii() and text.isdigit()
    if not digits or not 0 < int(text) <= MAX_LIMIT:
        raise QueryError(
            [_("'%(name)s' must be a whole number from 1 to %(high)s", name="limit", high=number(MAX_LIMIT))]
        )
    return int(text)


def _events(timeline: Timeline, bits: int, limit: int | None, *, latest_first: bool) -> list[Event]:
    """The view's events (the latest ``limit`` of them), oldest first or latest first."""
    total = bits.bit_count()
    if latest_first:
        chosen: Iterator[int] = islice(each(bits, reverse=True), limit)
    else:
        chosen = islice(each(bits), max(0, total - limit) if limit is not None else 0, None)
    events = timeline.events
    return [events[position] for position in chosen]


def _title(timeline: Timeline, query: Query) -> str:
    """The timeline's title, and the filters in words when there are any."""
    filters = filter_title(timeline, query)
    return f"{timeline.title} — {filters}" if filters else timeline.title


def filename(timeline: Timeline, query: Query, fmt: Format) -> str:
    """A file name that says what is in the file: the title and the filters, in ASCII."""
    words = [timeline.title, *query.actor, *query.country, *query.tag]
    words += [f"from {query.start}" if query.start else "", f"to {query.end}" if query.end else "", query.q]
    ascii_text = unicodedata.normalize("NFKD", " ".join(words)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > FILENAME_CHARS:
        slug = slug[:FILENAME_CHARS].rsplit("-", 1)[0]
    return f"{slug or 'timeline'}.{fmt.name}"

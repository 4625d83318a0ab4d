"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written an item at a time with ``json``.

Each item: ``id`` and ``url`` the event's permalink, ``title``, ``content_text`` (date, place,
status, summary and every citation with its quote and note), ``summary``, ``date_published``
(``added``, else the last update), ``date_modified`` (``updated``, else the data version's
time), ``tags`` (their labels), and ``external_url`` the first cited source with a URL. The
``_timeline`` extension (JSON Feed's rule: custom keys start with an underscore) carries what a
program needs to place the event: its EDTF date, first and last possible day, status, zone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from timeline.dates import bounds
from timeline.formats.text import edtf, heading, plain, published, sources_heading, stamp, teaser, updated
from timeline.formats.view import View
from timeline.model import Event

VERSION = "https://jsonfeed.org/version/1.1"


def item(view: View, event: Event, sources: str | None = None) -> dict[str, Any]:
    """One event as a JSON Feed item (``sources``: what introduces the citations, if looked up)."""
    permalink = view.links.event(event.id)
    modified = updated(view, event)
    cited = (view.timeline.sources[c.source] for c in event.citations)
    external = next((s.url for s in cited if s.url), None)
    tags = view.timeline.tags
    span = bounds(event.date, event.end)
    head = heading(event)
    found: dict[str, Any] = {
        "id": permalink,
        "url": permalink,
        "title": event.title,
        "content_text": plain(view, event, head, sources),
        "summary": teaser(event, head),
        "date_published": stamp(published(event) or modified),
        "date_modified": stamp(modified),
        "tags": [tags[t].label if t in tags else t for t in event.tags],
    }
    if external:
        found["external_url"] = external
    found["_timeline"] = {
        "date": edtf(event),
        "earliest": span.earliest,
        "latest": span.latest,
        "status": event.status,
        "zone": event.zone.key if event.zone else None,
    }
    return found


def head(view: View) -> dict[str, Any]:
    """The feed's own fields (``items`` follow)."""
    feed: dict[str, Any] = {"version": VERSION, "title": view.title, "home_page_url": view.links.view}
    if view.links.export is not None:
        feed["feed_url"] = view.links.export("json")
    if view.timeline.description:
        feed["description"] = view.timeline.description
    feed["authors"] = [{"name": view.publisher or view.timeline.title, "url": view.links.home}]
    return feed


def write(view: View) -> Iterator[str]:
    """The feed, an item at a time (the items array is written last)."""
    opening = json.dumps(head(view), ensure_ascii=False, indent=1)
    yield opening.removesuffix("\n}") + ',\n "items": ['
    separator, sources = "\n  ", sources_heading()
    for event in view.events:
        yield separator + json.dumps(item(view, event, sources), ensure_ascii=False)
        separator = ",\n  "
    yield "\n ]\n}\n"

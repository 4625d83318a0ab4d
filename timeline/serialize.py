"""The JSON shapes of the API (plain dicts; ``flask.json`` writes them)."""

from __future__ import annotations

from typing import Any

from flask import url_for

from timeline.dates import FlexDate
from timeline.model import Event, Timeline
from timeline.query import Result


def _start_end(event: Event) -> tuple[str | None, str | None]:
    value: FlexDate = event.date
    start = value.start.bound_iso(last=False) if value.start else None
    if event.end is not None:
        last = event.end.end or event.end.start
        return start, last.bound_iso(last=True) if last else None
    if value.interval:
        return start, value.end.bound_iso(last=True) if value.end else None
    return start, None


def event_json(timeline: Timeline, event: Event) -> dict[str, Any]:
    """One event as the API shows it."""
    start, end = _start_end(event)
    citations = []
    for c in event.citations:
        source = timeline.sources[c.source]
        citations.append(
            {
                "source": c.source,
                "publisher": source.publisher,
                "title": source.title,
                "url": source.url,
                "quote": c.quote,
                "note": c.note,
            }
        )
    return {
        "id": event.id,
        "title": event.title,
        "date": event.date.iso() if event.end is None else f"{event.date.iso()}/{event.end.iso()}",
        "start": start,
        "end": end,
        "precision": event.date.precision.label,
        "zone": event.zone.key if event.zone else None,
        "summary": event.summary,
        "place": event.place,
        "actors": list(event.actors),
        "countries": list(event.countries),
        "tags": list(event.tags),
        "status": event.status,
        "outcome": event.outcome,
        "url": url_for("timeline.event", ident=event.id, _external=True),
        "citations": citations,
    }


def result_json(timeline: Timeline, result: Result) -> dict[str, Any]:
    """A page of query results with facet counts."""
    return {
        "total": result.total,
        "page": result.query.page,
        "per_page": result.query.per_page,
        "events": [event_json(timeline, e) for e in result.events],
        "facets": {name: {f.value: f.count for f in values} for name, values in result.facets.items()},
    }

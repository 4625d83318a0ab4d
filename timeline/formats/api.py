"""The JSON shapes of the API (plain dicts, written by ``flask.json`` or ``json``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from timeline.dates import bounds
from timeline.model import Citation, Event, Timeline, as_mapping
from timeline.query import Result


def _start_end(event: Event) -> tuple[str | None, str | None]:
    """``start``/``end`` as the API has always given them: at the precision written."""
    value = event.date
    start = value.start.bound_iso(last=False) if value.start else None
    if event.end is not None:
        last = event.end.end or event.end.start
        return start, last.bound_iso(last=True) if last else None
    if value.interval:
        return start, value.end.bound_iso(last=True) if value.end else None
    return start, None


def event_json(timeline: Timeline, event: Event, permalink: Callable[[str], str]) -> dict[str, Any]:
    """One event as the API shows it."""
    start, end = _start_end(event)
    span = bounds(event.date, event.end)
    return {
        "id": event.id,
        "title": event.title,
        "date": event.date.iso() if event.end is None else f"{event.date.iso()}/{event.end.iso()}",
        "start": start,
        "end": end,
        "earliest": span.earliest,
        "latest": span.latest,
        "uncertain": span.uncertain,
        "approximate": span.approximate,
        "precision": event.date.precision.label,
        "zone": event.zone.key if event.zone else None,
        "summary": event.summary,
        "place": event.place,
        "actors": list(event.actors),
        "countries": list(event.countries),
        "tags": list(event.tags),
        "status": event.status,
        "outcome": event.outcome,
        "added": event.added.iso() if event.added else None,
        "updated": event.updated.iso() if event.updated else None,
        "url": permalink(event.id),
        "citations": [_citation(timeline, c) for c in event.citations],
        "media": [{**m._asdict(), "translations": as_mapping(m.translations)} for m in event.media],
        "translations": as_mapping(event.translations),  # {"ru": {"title": …}}: the texts above, translated
    }


def _citation(timeline: Timeline, citation: Citation) -> dict[str, Any]:
    source = timeline.sources[citation.source]
    return {
        "source": citation.source,
        "publisher": source.publisher,
        "title": source.title,
        "url": source.url,
        "quote": citation.quote,
        "note": citation.note,
        "language": source.language,  # of the title and the quote, which are never translated
        "translations": as_mapping(citation.translations),  # of the note
    }


def result_json(timeline: Timeline, result: Result, permalink: Callable[[str], str]) -> dict[str, Any]:
    """A page of query results with facet counts."""
    return {
        "total": result.total,
        "page": result.query.page,
        "per_page": result.query.per_page,
        "events": [event_json(timeline, e, permalink) for e in result.events],
        "facets": {
            name: {f.value: f.count for f in values if f.count or f.selected}
            for name, values in result.facets.items()
        },
    }

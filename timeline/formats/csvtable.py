"""The timeline's own CSV: one row per event, every field in its own column, spreadsheet-safe.

Columns, in order (the header row names them):

- ``id``, ``title``, ``date``, ``end``, ``zone``, ``zone_label``, ``place``, ``summary``, ``status``,
  ``outcome``: as in ``events.yaml`` (dates in normalised EDTF, instants in UTC; status always
  written);
- ``actors``, ``countries``, ``tags``: ids separated by ``"; "``;
- ``permalink``: the event's page (written for readers; ignored on import);
- for each citation *n* (as many groups as the view's most-cited event needs):
  ``citation_n_source`` (the source's id), ``citation_n_publisher``, ``citation_n_title``,
  ``citation_n_author``, ``citation_n_published``, ``citation_n_url`` (the source, so a
  spreadsheet reader sees who says so), ``citation_n_quote``, ``citation_n_note``;
- for each medium *n*: ``media_n_url``, ``media_n_kind``, ``media_n_caption``,
  ``media_n_credit``, ``media_n_alt``.

``timeline import`` reads it back; exporting what it imported gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from timeline.formats import cells
from timeline.formats.view import View
from timeline.model import Event, Timeline

EVENT_FIELDS = (
    "id", "title", "date", "end", "zone", "zone_label", "place", "summary", "status", "outcome",
    "actors", "countries", "tags",
)  # fmt: skip
LIST_FIELDS = frozenset(("actors", "countries", "tags"))
PERMALINK = "permalink"
CITATION_FIELDS = ("source", "publisher", "title", "author", "published", "url", "quote", "note")
MEDIA_FIELDS = ("url", "kind", "caption", "credit", "alt")
SEPARATOR = "; "
_GROUP = re.compile(r"(citation|media)_([1-9][0-9]{0,2})_([a-z]+)")


@dataclass(frozen=True, slots=True)
class Column:
    """What one column holds: an event field, a field of the n-th citation or medium, or the link."""

    group: str  # "event", "citation", "media" or "permalink"
    field: str
    number: int = 0  # 1-based, for citations and media


def header(citations: int, media: int) -> list[str]:
    """The header row for a view whose events have at most this many citations and media."""
    names = [*EVENT_FIELDS, PERMALINK]
    names += [f"citation_{n}_{f}" for n in range(1, citations + 1) for f in CITATION_FIELDS]
    names += [f"media_{n}_{f}" for n in range(1, media + 1) for f in MEDIA_FIELDS]
    return names


def column(name: str) -> Column | None:
    """What the column called ``name`` holds (None: no such column)."""
    if name in EVENT_FIELDS:
        return Column("event", name)
    if name == PERMALINK:
        return Column("permalink", name)
    match = _GROUP.fullmatch(name)
    if match is None:
        return None
    group, number, field = match[1], int(match[2]), match[3]
    if field not in (CITATION_FIELDS if group == "citation" else MEDIA_FIELDS):
        return None
    return Column(group, field, number)


def _event_cells(event: Event) -> list[str]:
    values = {
        "date": event.date.iso(),
        "end": event.end.iso() if event.end else "",
        "zone": event.zone.key if event.zone else "",
        "actors": SEPARATOR.join(event.actors),
        "countries": SEPARATOR.join(event.countries),
        "tags": SEPARATOR.join(event.tags),
    }
    return [values[f] if f in values else getattr(event, f) or "" for f in EVENT_FIELDS]


def _citation_cells(timeline: Timeline, event: Event, width: int) -> list[str]:
    row: list[str] = []
    for cite in event.citations:
        source = timeline.sources[cite.source]
        published = source.published.iso() if source.published else ""
        row += [cite.source, source.publisher, source.title, source.author or "", published]
        row += [source.url or "", cite.quote, cite.note or ""]
    return row + [""] * (width * len(CITATION_FIELDS) - len(row))


def _media_cells(event: Event, width: int) -> list[str]:
    row: list[str] = [getattr(item, name) or "" for item in event.media for name in MEDIA_FIELDS]
    return row + [""] * (width * len(MEDIA_FIELDS) - len(row))


def row(view: View, event: Event, citations: int, media: int) -> list[str]:
    """The cells of one event, in :func:`header` order."""
    return [
        *_event_cells(event),
        view.links.event(event.id),
        *_citation_cells(view.timeline, event, citations),
        *_media_cells(event, media),
    ]


def write(view: View) -> Iterator[str]:
    """The view as CSV: a header row, then one row per event."""
    events = list(view.events)  # references only: the widths need every event before the header
    citations = max((len(e.citations) for e in events), default=1)
    media = max((len(e.media) for e in events), default=0)
    yield from cells.lines([header(citations, media)])
    yield from cells.lines(row(view, e, citations, media) for e in events)

"""iCalendar (RFC 5545) through the ``icalendar`` library, one VEVENT per event, streamed.

How a date becomes a calendar entry, honestly:

- an exact day (``2021-10-17``) is an all-day event (``VALUE=DATE``, ``DTEND`` the next day:
  RFC 5545's end is exclusive); a span of days ends the day after its last;
- a moment (``2021-10-17T04:35Z``) is a timed event: local time with ``TZID`` and its
  ``VTIMEZONE`` when the event has a zone, else UTC; a span of moments ends at its last;
- a month, a year, an uncertain or approximate date, or an open interval ("before 1 Jun
  2021") is an all-day span over every day it may denote, and the date as the timeline
  shows it ("c. Oct 2021") is added to the SUMMARY, so no calendar shows it as more precise
  than it is. Every event carries its EDTF date in ``X-TIMELINE-EDTF``.

``STATUS`` is TENTATIVE for a planned event, CANCELLED for a cancelled one; the events are
``TRANSP:TRANSPARENT``, so a subscribed history never marks anyone busy. ``UID`` is the event
id at the site's host, so a re-import updates entries instead of duplicating them; ``DTSTAMP``
and ``LAST-MODIFIED`` are the event's ``updated`` date (or the data version's time), so the same
data always gives the same file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from timeline.dates import Point, Precision
from timeline.formats import contentline
from timeline.formats.text import edtf, plain, published, sources_heading, updated
from timeline.formats.view import View
from timeline.model import Event
from timeline.present import when

PRODID = "-//Citation-first timeline//iCalendar export//EN"
STATUS = {"happened": "CONFIRMED", "planned": "TENTATIVE", "cancelled": "CANCELLED"}
_END = "END:VCALENDAR\r\n"
_LAST_DAY = date(9999, 12, 31)


def _points(event: Event) -> list[Point]:
    """The known points of the event's date and end, in order."""
    dates = (event.date, event.end) if event.end is not None else (event.date,)
    return [p for d in dates for p in (d.start, d.end) if p is not None]


def exact(event: Event) -> bool:
    """True when a calendar entry alone states the date: exact days or moments, no open side."""
    open_side = event.date.interval and (event.date.start is None or event.date.end is None)
    return not open_side and all(
        p.precision >= Precision.DAY and not (p.approximate or p.uncertain or p.unspecified)
        for p in _points(event)
    )


def timed(event: Event) -> bool:
    """True when every known point is a moment (the entry has times of day)."""
    return all(p.instant for p in _points(event))


def _instant(seconds: int, zone: ZoneInfo | None) -> str:
    return contentline.moment(datetime.fromtimestamp(seconds, UTC), zone)


def _day(seconds: int) -> date:
    return datetime.fromtimestamp(seconds, UTC).date()


def _when(event: Event, zone: ZoneInfo | None) -> list[str]:
    """DTSTART and DTEND (or DURATION, past the year 9999) of the entry."""
    points = _points(event)
    if timed(event):
        lines = [f"DTSTART{_instant(points[0].lo, zone)}"]
        if len(points) > 1:
            lines.append(f"DTEND{_instant(points[-1].lo, zone)}")
        return lines
    first, last = _day(min(p.lo for p in points)), _day(max(p.hi for p in points) - 1)
    lines = [f"DTSTART;VALUE=DATE:{contentline.day(first)}"]
    if last < _LAST_DAY:
        lines.append(f"DTEND;VALUE=DATE:{contentline.day(last + timedelta(days=1))}")
    else:
        lines.append(f"DURATION:{contentline.duration((last - first).days + 1)}")
    return lines


def vevent(view: View, event: Event, host: str, zones: set[str], sources: str | None = None) -> str:
    """One event as a VEVENT (``zones``: the zones that have a VTIMEZONE in this file; ``sources``:
    what introduces the citations, looked up once a calendar).

    Its content lines are the very ones icalendar writes for the same properties, in its
    canonical order (SUMMARY, the dates, DTSTAMP, UID, then by name), without building
    icalendar's objects for each: see :mod:`timeline.formats.contentline`.
    """
    text = contentline.text
    stamp = contentline.utc(updated(view, event))
    zone = event.zone if event.zone is not None and event.zone.key in zones else None
    summary = event.title if exact(event) else f"{event.title} ({when(event)})"
    lines = ["BEGIN:VEVENT", f"SUMMARY:{text(summary)}", *_when(event, zone), f"DTSTAMP:{stamp}",
             f"UID:{text(f'{event.id}@{host}')}"]  # fmt: skip
    if event.tags:
        tags = view.timeline.tags
        lines.append("CATEGORIES:" + ",".join(text(tags[t].label if t in tags else t) for t in event.tags))
    if (added := published(event)) is not None:
        lines.append(f"CREATED:{contentline.utc(added)}")
    lines += [f"DESCRIPTION:{text(plain(view, event, sources=sources))}", f"LAST-MODIFIED:{stamp}"]
    if event.place:
        lines.append(f"LOCATION:{text(event.place)}")
    lines += [
        f"STATUS:{STATUS.get(event.status, 'CONFIRMED')}",
        "TRANSP:TRANSPARENT",
        f"URL:{view.links.event(event.id)}",
        f"X-TIMELINE-EDTF:{text(edtf(event))}",
        "END:VEVENT",
    ]
    return "".join(contentline.fold(line) + "\r\n" for line in lines)


def timezones(events: Sequence[Event]) -> list[icalendar.Timezone]:
    """A VTIMEZONE for each zone of a timed event, covering the years its events need."""
    years: dict[str, list[int]] = {}
    for event in events:
        if event.zone is not None and timed(event):
            span = years.setdefault(event.zone.key, [9999, 1])
            for point in _points(event):
                year = _day(point.lo).year
                span[0], span[1] = min(span[0], year), max(span[1], year)
    found = []
    for key, (low, high) in sorted(years.items()):
        # What Calendar.add_missing_timezones() does, for a calendar written piece by piece.
        last = date(high + 1, 1, 1) if high < 9999 else _LAST_DAY
        try:
            found.append(icalendar.Timezone.from_tzid(key, first_date=date(low, 1, 1), last_date=last))
        except (ValueError, OverflowError):
            continue  # a zone the library cannot describe (or not up to the year 9999): UTC instead
    return found


def write(view: View) -> Iterator[str]:
    """The calendar, a VEVENT at a time."""
    events = view.events if isinstance(view.events, Sequence) else list(view.events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # The library leaves NAME (RFC 7986) and X- values as written: escape them as the TEXT they are.
    name = icalendar.vText(" ".join(view.title.split()))
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if view.timeline.description:
        calendar.add("description", view.timeline.description)
        calendar.add("x-wr-caldesc", icalendar.vText(view.timeline.description))
    calendar.add("url", view.links.view)
    calendar.add("last-modified", view.updated)
    found = timezones(events)
    for timezone in found:
        calendar.add_component(timezone)
    head = calendar.to_ical().decode()
    yield head.removesuffix(_END)
    host = urlsplit(view.links.home).hostname or "timeline"
    zones = {str(timezone["tzid"]) for timezone in found}
    sources = sources_heading()
    for event in events:
        yield vevent(view, event, host, zones, sources)
    yield _END

"""What the two TimelineJS exports share: an event as a TimelineJS slide.

- ``start_date``/``end_date`` carry the date at its precision (a year is only a year; an instant
  is given in UTC);
- ``display_date`` carries the timeline's own words wherever TimelineJS's formatting would say
  more or less than the date does: uncertain, approximate, unspecified or open dates, and
  instants (in UTC and the event's local time);
- ``text`` is HTML: the summary, the status, each citation as a link to its source with the
  quote and any note, and the event's permalink; further media are listed as links;
- ``group`` is the event's first tag; ``unique_id`` its id; ``media`` its first medium.
"""

from __future__ import annotations

from html import escape
from typing import Any

from timeline.dates import FlexDate, Point, Precision
from timeline.formats.view import View
from timeline.i18n import _
from timeline.i18n.dates import date_text
from timeline.i18n.words import counted
from timeline.model import Event
from timeline.present import when

TITLE_ID = "_title"  # ids of events never start with "_"


def date_parts(point: Point) -> dict[str, int]:
    """A TimelineJS date object for one point, at its precision (instants in UTC)."""
    utc = point.utc
    if utc is not None:
        parts = {"year": utc.year, "month": utc.month, "day": utc.day, "hour": utc.hour, "minute": utc.minute}
        return parts | ({"second": utc.second} if point.precision is Precision.SECOND else {})
    parts = {"year": point.year}
    if point.month is not None and not point.unspecified.endswith("-XX"):
        parts["month"] = point.month
    if point.day is not None:
        parts["day"] = point.day
    return parts


def _points(event: Event) -> tuple[Point, Point | None]:
    """The first and last points of the event's span (the first known point starts it)."""
    value = event.date
    first = value.first
    last: Point | None = None
    if event.end is not None:
        last = event.end.end or event.end.start
    elif value.interval and value.start is not None:
        last = value.end
    return first, last if last is not first else None


def _plain(value: FlexDate) -> bool:
    """True when TimelineJS's own formatting says all there is to say about this date."""
    points = [p for p in (value.start, value.end) if p is not None]
    doubtful = any(p.approximate or p.uncertain or p.unspecified or p.instant for p in points)
    return not doubtful and not (value.interval and (value.start is None or value.end is None))


def dates(event: Event) -> tuple[dict[str, int], dict[str, int] | None, str]:
    """``start_date``, ``end_date`` (or None) and ``display_date`` ("" when TimelineJS may format it)."""
    first, last = _points(event)
    honest = all(_plain(v) for v in (event.date, event.end) if v is not None)
    return date_parts(first), date_parts(last) if last else None, "" if honest else when(event)


def group(view: View, event: Event) -> str:
    """The label of the event's first tag ("" when it has none)."""
    if not event.tags:
        return ""
    tag = view.timeline.tags.get(event.tags[0])
    return tag.label if tag else event.tags[0]


def media(event: Event) -> dict[str, str] | None:
    """The event's first medium as a TimelineJS media object."""
    if not event.media:
        return None
    first = event.media[0]
    caption, credit = (
        words(t) if t else None for t in (first.caption, first.credit)
    )  # TimelineJS reads HTML
    found = {"url": first.url, "caption": caption, "credit": credit, "alt": first.alt}
    return {k: v for k, v in found.items() if v}


def words(text: str) -> str:
    """Text as HTML text content (``&``, ``<`` and ``>`` escaped)."""
    return escape(text, quote=False)


def _status(name: str, meaning: str) -> str:
    return f"<p><strong>{words(name)}</strong> — {words(meaning)}</p>"


class Slides:
    """The events of one view as TimelineJS slides; messages and sources are put into words once."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.said = {
            "planned": _status(_("Planned"), _("announced, but not what happened.")),
            "cancelled": _status(_("Cancelled"), _("this did not happen.")),
            "sources": f"<p>{words(_('Sources'))}</p>",
            "note": words(_("Note on the record:")),
            "more": words(_("More media:")),
            "page": words(_("This event on the timeline")),
        }
        self._heads: dict[str, str] = {}

    def _head(self, source_id: str) -> str:
        """``<li><a href="…">Publisher: <cite>Title</cite></a> (date)`` for one source."""
        if source_id not in self._heads:
            source = self.view.timeline.sources[source_id]
            href = source.url or self.view.links.source(source_id)
            head = f'<li><a href="{escape(href)}">{words(source.publisher)}: '
            head += f"<cite>{words(source.title)}</cite></a>"
            if source.published:
                head += f" ({words(date_text(source.published))})"
            self._heads[source_id] = head
        return self._heads[source_id]

    def text(self, event: Event) -> str:
        """The slide's HTML: summary, status, sources with quotes, further media, permalink."""
        parts = [f"<p>{words(p.strip())}</p>" for p in event.summary.split("\n\n") if p.strip()]
        if event.status in self.said:
            parts.append(self.said[event.status])
        parts.append(self.said["sources"] + "<ol>")
        for cite in event.citations:
            note = f" <em>{self.said['note']} {words(cite.note)}</em>" if cite.note else ""
            parts.append(f"{self._head(cite.source)}: “{words(cite.quote)}”{note}</li>")
        parts.append("</ol>")
        for item in event.media[1:]:
            label = words(item.caption or item.alt or item.url)
            credit = f" ({words(item.credit)})" if item.credit else ""
            parts.append(f'<p>{self.said["more"]} <a href="{escape(item.url)}">{label}</a>{credit}</p>')
        parts.append(f'<p><a href="{escape(self.view.links.event(event.id))}">{self.said["page"]}</a></p>')
        return "".join(parts)

    def slide(self, event: Event) -> dict[str, Any]:
        """The event as a TimelineJS JSON slide."""
        start, end, display = dates(event)
        found: dict[str, Any] = {"unique_id": event.id, "start_date": start}
        if end is not None:
            found["end_date"] = end
        if display:
            found["display_date"] = display
        found["text"] = {"headline": words(event.title), "text": self.text(event)}
        if (label := group(self.view, event)) != "":
            found["group"] = label
        if (first := media(event)) is not None:
            found["media"] = first
        return found


def title_text(view: View) -> str:
    """The title slide's HTML: the description, how many events, and a link to the view."""
    parts = [f"<p>{words(view.timeline.description)}</p>"] if view.timeline.description else []
    count, link = words(counted("event", view.total)), words(_("This view on the timeline"))
    parts.append(f'<p>{count}. <a href="{escape(view.links.view)}">{link}</a></p>')
    return "".join(parts)

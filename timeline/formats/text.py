"""What every export says about an event in plain text, and the dates feeds and calendars stamp.

One place for the wording, so a calendar's description, a feed's text and a citation's note
tell the same story: the honest date, the place, the summary, and each citation with its
quote and note.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache

from timeline.dates import FlexDate
from timeline.formats.view import View
from timeline.i18n import _, format_locale
from timeline.i18n.dates import point_text
from timeline.model import Event, Source
from timeline.present import when


def status(event: Event) -> str | None:
    """What a planned or cancelled event's status means, in the page's words (None: it happened)."""
    if event.status == "planned":
        return f"{_('Planned')} — {_('announced, but not what happened.')}"
    if event.status == "cancelled":
        return f"{_('Cancelled')} — {_('this did not happen.')}"
    return None


# Characters XML 1.0 cannot carry at all (escaping does not help): the loader refuses control
# characters, but a non-character such as U+FFFE would still make a feed unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (nothing else changes)."""
    return text if text.isprintable() or not _NOT_XML.search(text) else _NOT_XML.sub("", text)


def moment(value: FlexDate) -> datetime:
    """The first instant of an exact day or moment (``added``/``updated``), in UTC."""
    return datetime.fromtimestamp(value.lo, UTC)


def stamp(value: datetime) -> str:
    """An RFC 3339 date-time in UTC, as feeds require: ``2021-10-18T06:00:00Z``."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def updated(view: View, event: Event) -> datetime:
    """When the event last changed: its ``updated``, else the data version's time."""
    return moment(event.updated) if event.updated is not None else view.updated


def published(event: Event) -> datetime | None:
    """When the event was added to the timeline, if the data says."""
    return moment(event.added) if event.added is not None else None


def edtf(event: Event) -> str:
    """The event's date as EDTF text, its separate end (if any) making it an interval."""
    return event.date.iso() if event.end is None else f"{event.date.iso()}/{event.end.iso()}"


def source_line(source: Source) -> str:
    """A source in one line: ‘Publisher, “Title” (5 Oct 2021), by Author’."""
    return _source_line(source, format_locale())


@lru_cache(maxsize=4096)
def _source_line(source: Source, locale: str) -> str:
    """A source's line in one language (kept: an export names the same sources again and again)."""
    line = _("%(publisher)s, “%(title)s”", publisher=source.publisher, title=source.title)
    if source.published is not None and source.published.start is not None:
        line += f" ({point_text(source.published.start)})"
    if source.author:
        line = _("%(source)s, by %(author)s", source=line, author=source.author)
    return line


def heading(event: Event) -> str:
    """The date as readers see it, and the place: ‘17 Oct 2021, 04:35 UTC (…) · Kazakhstan’."""
    return " · ".join(part for part in (when(event, seconds=True), event.place) if part)


def teaser(event: Event, head: str | None = None) -> str:
    """Date and place, then the summary: what a feed reader shows in its list."""
    return "\n\n".join(part for part in (head or heading(event), event.summary) if part)


def note(text: str) -> str:
    """A citation's note, introduced as one."""
    return _("Note: %(note)s", note=text)


def citations(view: View, event: Event) -> str:
    """Each citation: the source, its link, the quote and the note."""
    lines = []
    for citation in event.citations:
        source = view.timeline.sources[citation.source]
        lines.append(f"- {source_line(source)}" + (f" {source.url}" if source.url else ""))
        lines.append(f"  “{citation.quote}”")
        if citation.note:
            lines.append("  " + note(citation.note))
    return "\n".join(lines)


def plain(view: View, event: Event, head: str | None = None, sources: str | None = None) -> str:
    """The whole event as plain text: date and place, status, summary, then the sources.

    ``head`` is the event's :func:`heading`, and ``sources`` the :func:`sources_heading`, when
    the caller has them already (an export looks the heading up once, not once an event).
    """
    parts = [
        head or heading(event),
        status(event) or "",
        event.summary,
        f"{sources or sources_heading()}\n{citations(view, event)}",
    ]
    return "\n\n".join(part for part in parts if part)


def sources_heading() -> str:
    """What introduces the list of citations."""
    return _("Sources:")

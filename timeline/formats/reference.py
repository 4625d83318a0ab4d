"""What is cited, once for every citation format (BibTeX here, CSL-JSON and "Cite this" alike).

An event is cited as a page of this timeline: its title, the timeline's title as the container,
the publisher from ``TIMELINE_PUBLISHER``, dated by the event's ``updated`` day (else the data
version's day), at its permalink. A source is cited in its own right, as an article of its
publisher: title, author, date, URL. A filtered view is cited as a page too ("Cite this" on
the timeline page). Keys are stable (``event:<id>``, ``source:<id>``, ``view:<digest of the
filters>``), so a reference manager that imports the file again updates its entries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from timeline.dates import FlexDate, parse_date
from timeline.formats.text import updated
from timeline.formats.view import View
from timeline.model import Event, Source

PAGE = "webpage"  # an event's page on this timeline (CSL "webpage", BibLaTeX @online)
ARTICLE = "article"  # a cited source (CSL "article-newspaper", BibLaTeX @article)


class Reference(NamedTuple):
    """One citable item, in no particular citation format."""

    key: str
    kind: str  # PAGE or ARTICLE
    title: str
    container: str | None  # the timeline (for a page), the publisher (for an article)
    publisher: str | None
    issued: FlexDate | None  # at the precision known
    url: str | None
    author: str | None = None  # as the data writes it
    keywords: tuple[str, ...] = ()


def event_reference(view: View, event: Event) -> Reference:
    """An event, as a page of this timeline."""
    tags = view.timeline.tags
    return Reference(
        key=f"event:{event.id}",
        kind=PAGE,
        title=event.title,
        container=view.timeline.title,
        publisher=view.publisher,
        issued=_day(updated(view, event).strftime("%Y-%m-%d")),
        url=view.links.event(event.id),
        keywords=tuple(tags[t].label if t in tags else t for t in event.tags),
    )


def view_reference(view: View, filters: str, query: str) -> Reference:
    """A filtered view as a page of this timeline: the filters in words (none: the whole timeline).

    ``query`` is the view's query string in normal form; the key is a digest of it.
    """
    digest = hashlib.sha256(query.encode()).hexdigest()[:10]
    return Reference(
        key=f"view:{digest}",
        kind=PAGE,
        title=filters or view.timeline.title,
        container=view.timeline.title if filters else None,
        publisher=view.publisher,
        issued=parse_date(view.updated.strftime("%Y-%m-%d")),
        url=view.links.view,
    )


@lru_cache(maxsize=1024)
def _day(text: str) -> FlexDate:
    """A day as a date (kept: most events share the data version's day)."""
    return parse_date(text)


def source_reference(source: Source) -> Reference:
    """A cited source, as an article of its publisher."""
    return Reference(
        key=f"source:{source.id}",
        kind=ARTICLE,
        title=source.title,
        container=source.publisher,
        publisher=source.publisher,
        issued=source.published,
        url=source.url,
        author=source.author,
    )


def references(view: View) -> Iterator[Reference]:
    """Every event of the view, then each source they cite, once, in order of first citation."""
    cited: dict[str, None] = {}
    for event in view.events:
        yield event_reference(view, event)
        cited.update(dict.fromkeys(c.source for c in event.citations))
    for ident in cited:
        yield source_reference(view.timeline.sources[ident])

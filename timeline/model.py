"""The immutable snapshot of a timeline file: sources, actors, tags, events.

The records are NamedTuples rather than frozen dataclasses because they unpickle about five
times faster, and a cached snapshot of 100,000 events holds hundreds of thousands of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple
from zoneinfo import ZoneInfo

from timeline.dates import FlexDate
from timeline.index import Index

STATUSES = ("happened", "planned", "cancelled")
ACTOR_KINDS = ("person", "organisation", "spacecraft", "animal", "other")
MEDIA_KINDS = ("image", "video", "audio", "page")


class Tag(NamedTuple):
    """One word of the tag vocabulary."""

    id: str
    label: str
    description: str = ""


class Source(NamedTuple):
    """A cited article or reference page."""

    id: str
    title: str
    publisher: str
    author: str | None = None
    published: FlexDate | None = None
    url: str | None = None
    archive: str | None = None
    note: str | None = None


class Actor(NamedTuple):
    """A person, organisation, spacecraft, animal… that takes part in events."""

    id: str
    name: str
    kind: str
    native_name: str | None = None
    role: str | None = None
    countries: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    born: date | None = None


class Citation(NamedTuple):
    """A claim-level citation: which source says so, in its own words."""

    source: str
    quote: str
    note: str | None = None


class Media(NamedTuple):
    """A picture, sound, video or page shown with an event, with its caption and credit."""

    url: str
    kind: str  # one of MEDIA_KINDS
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None  # what an image shows, for people who cannot see it (required for images)


class Event(NamedTuple):
    """One dated happening (or plan), with the sources that report it."""

    id: str
    title: str
    date: FlexDate
    citations: tuple[Citation, ...]
    end: FlexDate | None = None
    zone: ZoneInfo | None = None
    zone_label: str | None = None
    place: str | None = None
    summary: str = ""
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    status: str = "happened"
    outcome: str | None = None
    added: FlexDate | None = None  # when the event was added to the timeline (a day or an instant)
    updated: FlexDate | None = None  # when it was last changed in a way readers should know
    media: tuple[Media, ...] = ()

    @property
    def lo(self) -> int:
        """Earliest instant (UTC seconds) the event could have started."""
        return self.date.lo

    @property
    def hi(self) -> int:
        """Latest instant (exclusive) the event could have ended."""
        return (self.end or self.date).hi


@dataclass(frozen=True, slots=True)
class Timeline:
    """A validated, immutable snapshot of one data file, with its query indexes."""

    title: str
    description: str
    sources: dict[str, Source]
    actors: dict[str, Actor]
    tags: dict[str, Tag]
    events: tuple[Event, ...]  # in chronological order
    positions: dict[str, int]  # event id -> index in ``events``
    index: Index
    version: str  # sha256 of the file's bytes
    countries: dict[str, str] = field(default_factory=dict)  # code -> name, for codes in use

    def event(self, ident: str) -> Event | None:
        """The event with this id, if any."""
        position = self.positions.get(ident)
        return None if position is None else self.events[position]

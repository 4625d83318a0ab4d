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
DEFAULT_LANGUAGE = "en"  # what a file, and its sources, are written in unless they say otherwise
# Translations of a record's texts: (language, ((field, text), …)) pairs, sorted, as tuples so
# that records stay hashable and the snapshot cache reads them at C speed. Read them with
# :func:`texts_in`.
Translations = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
NO_TRANSLATIONS: Translations = ()


def texts_in(translations: Translations, lang: str) -> dict[str, str]:
    """The translated texts in ``lang`` (field -> text), or none."""
    for code, texts in translations:
        if code == lang:
            return dict(texts)
    return {}


def as_mapping(translations: Translations) -> dict[str, dict[str, str]]:
    """Translations as ``{language: {field: text}}`` (as the data file and the API write them)."""
    return {code: dict(texts) for code, texts in translations}


ACTOR_KINDS = ("person", "organisation", "spacecraft", "animal", "other")
MEDIA_KINDS = ("image", "video", "audio", "page")


class Tag(NamedTuple):
    """One word of the tag vocabulary."""

    id: str
    label: str
    description: str = ""
    translations: Translations = NO_TRANSLATIONS  # label, description


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
    language: str = DEFAULT_LANGUAGE  # of its title and quotes (never translated)
    translations: Translations = NO_TRANSLATIONS  # publisher, note (ours; the title never)


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
    native_language: str | None = None  # the language of native_name
    translations: Translations = NO_TRANSLATIONS  # name, role


class Citation(NamedTuple):
    """A claim-level citation: which source says so, in its own words."""

    source: str
    quote: str
    note: str | None = None
    translations: Translations = NO_TRANSLATIONS  # note (ours; the quote never)


class Media(NamedTuple):
    """A picture, sound, video or page shown with an event, with its caption and credit."""

    url: str
    kind: str  # one of MEDIA_KINDS
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None  # what an image shows, for people who cannot see it (required for images)
    translations: Translations = NO_TRANSLATIONS  # caption, alt (ours; the credit is a name)


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
    translations: Translations = NO_TRANSLATIONS  # title, summary, place, zone_label

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
    language: str = DEFAULT_LANGUAGE  # what the file's own texts are written in
    translations: Translations = NO_TRANSLATIONS  # title, description

    def event(self, ident: str) -> Event | None:
        """The event with this id, if any."""
        position = self.positions.get(ident)
        return None if position is None else self.events[position]

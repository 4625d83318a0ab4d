"""What a writer is given: the events of one filtered view, and absolute links to our pages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from timeline.model import Event, Timeline


@dataclass(frozen=True, slots=True)
class Links:
    """Absolute URLs of this timeline's pages (built by the web layer from the configured base URL)."""

    event: Callable[[str], str]  # event id -> its permalink
    source: Callable[[str], str]  # source id -> the page about it
    view: str  # the filtered view being exported, as a page
    home: str  # the whole timeline
    export: Callable[[str], str] | None = None  # format name -> this view's export in it (feeds' self links)


@dataclass(frozen=True, slots=True)
class View:
    """What an export writes: the events of one filtered view, in order, and how to link to them."""

    timeline: Timeline
    events: Iterable[Event]  # chronological; may be a generator (streamed)
    total: int
    title: str  # the timeline's title, with the filters in words when there are any
    links: Links
    updated: datetime  # when the data was last changed (the data version's time), UTC
    publisher: str | None = None  # who publishes the timeline (TIMELINE_PUBLISHER), if set


@dataclass(frozen=True, slots=True)
class Format:
    """One export format: its name in URLs, media type, file extension and writer."""

    name: str  # "ics", "timelinejs.json": the URL is /export.<name>
    label: str  # what the "Download this view as …" link says
    media_type: str
    write: Callable[[View], Iterator[str]]
    # A feed is not an archive: by default it holds only the newest this many events of the
    # view, latest first (``limit`` asks for more). None: every event, in chronological order.
    newest: int | None = None

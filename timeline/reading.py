"""Reading event by event: the previous and next event of the filtered view an event was opened from.

The view travels in the event's link (``/events/<id>?actor=…``): its query selects a set of
events (a bitset in chronological order), and the neighbours are the nearest set bits on either
side — found with two masks, never a scan.
"""

from __future__ import annotations

from typing import NamedTuple

from timeline.model import Event, Timeline
from timeline.query import Query, matching


class Reading(NamedTuple):
    """Where an event stands in a view: its neighbours, its rank, and the list page that holds it."""

    previous: Event | None
    next: Event | None
    rank: int  # 1 for the first event of the view
    total: int
    page: int  # the list page (of the view's page size) the event is on
    query: Query  # the view: the one asked for, or the whole timeline if the event is not in it


def reading(timeline: Timeline, query: Query, event: Event) -> Reading:
    """The event's place in ``query``'s view, or in the whole timeline if it is not in that view."""
    position = timeline.positions[event.id]
    bits = matching(timeline, query)
    if not bits >> position & 1:
        query = Query(per_page=query.per_page)
        bits = timeline.index.all
    below = bits & ((1 << position) - 1)
    above = bits >> (position + 1)
    rank = below.bit_count() + 1
    previous = timeline.events[below.bit_length() - 1] if below else None
    following = timeline.events[position + (above & -above).bit_length()] if above else None
    return Reading(previous, following, rank, bits.bit_count(), (rank - 1) // query.per_page + 1, query)

"""Lanes: one row of the axis per country, actor or tag among the results (the top few, then "other")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from timeline.model import Timeline
from timeline.query import FacetValue, Query, label

LaneFacet = Literal["country", "actor", "tag"]
LANE_FACETS: tuple[LaneFacet, ...] = ("country", "actor", "tag")
TOP = 8  # lanes of their own; the rest share "other"


class LaneSpec(NamedTuple):
    """One lane: its facet value (None: everything, or "other"), label and events (a bitset)."""

    value: str | None
    label: str
    bits: int
    size: int  # how many events
    other: bool


def choose(
    timeline: Timeline, query: Query, facet: LaneFacet | None, bits: int,
    counted: Sequence[FacetValue] = (), top: int = TOP,
) -> list[LaneSpec]:  # fmt: skip
    """The lanes for ``bits`` (the results): the ``top`` values by count, then "other" if any is left.

    ``counted`` are the facet's counts from the query, reused when the query does not filter on
    that facet (they count the results then); otherwise every value is counted afresh.
    """
    total = bits.bit_count()
    if facet is None:
        return [LaneSpec(None, "", bits, total, False)]
    table = timeline.index.facet(facet)
    if counted and not getattr(query, facet):
        counts = [(v.count, v.label, v.value) for v in counted if v.count]
    else:
        counts = [
            (n, label(timeline, facet, value), value)
            for value, value_bits in table.items()
            if (n := (value_bits & bits).bit_count())
        ]
    counts.sort(key=lambda c: (-c[0], c[1].casefold()))
    lanes, covered = [], 0
    for count, name, value in counts[:top]:
        lanes.append(LaneSpec(value, name, table[value] & bits, count, False))
        covered |= table[value]
    rest = bits & ~covered
    if rest:
        lanes.append(LaneSpec(None, "other" if lanes else "none", rest, rest.bit_count(), True))
    return lanes

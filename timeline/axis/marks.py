"""The marks of one lane: events drawn where they happened, and clusters where they would overlap.

The axis is cut into *slots* at least a touch target wide (24 px at the layout's narrowest).
Events too short to draw as a bar fall into the slot of their anchor: alone, they are drawn at
their own time; with others, the slot becomes a cluster with a count. Events long enough for a
bar (spans, and dates so vague they cover more than a slot) go to rows of their own above the
point row, as many as fit; the rest join the clusters. Counting a slot costs a bisection and a
popcount, so a window of 100,000 events costs no more than one of 36.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from timeline.axis.bits import Bits
from timeline.axis.scale import Scale
from timeline.axis.window import Window
from timeline.dates import Point
from timeline.index import Index
from timeline.model import Event

BAND = 4.0  # units: a date wider than this is drawn across its span, not as a dot
CAP = 1.5  # units: an end of a bar wider than this is drawn as its own (hatched) piece
ROW_GAP = 6.0  # units between bars sharing a row
SCAN = 5_000  # events in the window looked through for bars; beyond, only indexed long ones
EARLY = 500  # events begun before the window that are looked at


class Piece(NamedTuple):
    """One drawn part of a mark: ``dot`` at x0, or a bar part from x0 to x1.

    Kinds: ``dot``; ``band`` (a vague date across the span it may denote, hatched); ``core``
    (the part of a span certainly under way); ``cap`` (an end known only to a day or a month,
    hatched); ``open-start``/``open-end`` (an open or unknown end, fading towards the edge).
    """

    kind: str
    x0: float
    x1: float


class Mark(NamedTuple):
    """An event or a cluster placed in a lane: hit area ``x0``–``x1`` on ``row`` (0: the point row)."""

    cluster: bool
    row: int
    x0: float
    x1: float
    x: float  # the dot, the badge or the start of the bar
    size: int  # how many events (1 unless a cluster)
    position: int  # the event's (a cluster: its first member's) position in the timeline
    start: int  # a cluster: the time span of its members, for its zoom link
    end: int
    middle: int  # the anchor of its middle member (an event: its own anchor): where "zoom in" centres
    listed: bool  # on the list page being read
    pieces: tuple[Piece, ...]
    before: bool = False  # it began before the window (the bar runs on past the left edge)
    after: bool = False  # it ends after the window


class Slot(NamedTuple):
    """A stretch of the axis ``x0``–``x1`` and the events anchored in it: positions ``first``–``stop``."""

    x0: float
    x1: float
    first: int
    stop: int


def slots(scale: Scale, index: Index, least: float) -> list[Slot]:
    """The slots of a layout: each segment cut into equal slots at least ``least`` units wide."""
    found = []
    for segment in scale.segments:
        count = max(1, int((segment.x1 - segment.x0) / least))
        width = (segment.x1 - segment.x0) / count
        edges = [segment.x0 + width * i for i in range(count + 1)]
        times = [segment.lo, *(segment.time(x) for x in edges[1:-1]), segment.hi]
        cuts = [bisect_left(index.anchors, t) for t in times]
        found += [Slot(edges[i], edges[i + 1], cuts[i], cuts[i + 1]) for i in range(count)]
    return found


def _point(point: Point, scale: Scale, window: Window) -> tuple[float, float]:
    return scale.x(max(point.lo, window.lo)), scale.x(min(point.hi, window.hi))


def pieces(event: Event, scale: Scale, window: Window) -> tuple[Piece, ...]:
    """How an event is drawn: a dot, a band across a vague date, or a bar with honest ends."""
    date = event.date
    if not date.interval and event.end is None:
        assert date.start is not None
        x0, x1 = _point(date.start, scale, window)
        if x1 - x0 >= BAND:
            return (Piece("band", x0, x1),)
        x = x0 if date.start.instant else (x0 + x1) / 2  # an instant at its time, a short day at its middle
        return (Piece("dot", x, x),)
    start = date.start
    final = event.end if event.end is not None else date
    end = final.end if final.interval else final.start
    # The outer bounds (where it may have begun and ended) and the inner ones (where it surely ran).
    left, inner_left = (scale.x(window.lo),) * 2 if start is None else _point(start, scale, window)
    inner_right, right = (scale.x(window.hi),) * 2 if end is None else _point(end, scale, window)
    if right - left < BAND:
        return (Piece("dot", (left + right) / 2, (left + right) / 2),)
    if start is None:
        return (Piece("open-start", left, inner_right), *_cap(inner_right, right))
    if end is None:
        return (*_cap(left, inner_left), Piece("open-end", inner_left, right))
    if inner_right <= inner_left:  # both ends in one vague stretch ("2021-10/2021-10")
        return (Piece("band", left, right),)
    core0 = inner_left if inner_left - left >= CAP else left
    core1 = inner_right if right - inner_right >= CAP else right
    return (Piece("core", core0, core1), *_cap(left, core0), *_cap(core1, right))


def _cap(x0: float, x1: float) -> tuple[Piece, ...]:
    """The hatched end of a bar, when it is wide enough to see."""
    return (Piece("cap", x0, x1),) if x1 - x0 >= CAP else ()


def _extent(drawn: Sequence[Piece]) -> tuple[float, float]:
    return min(p.x0 for p in drawn), max(p.x1 for p in drawn)


def bar_candidates(window: Window, index: Index, bits: Bits, scale: Scale, least: float) -> list[int]:
    """Positions of matching events that may be long enough for a bar (in anchor order)."""
    anchors, his = index.anchors, index.his
    first, stop = bisect_left(anchors, window.lo), bisect_left(anchors, window.hi)
    early = bits.positions(0, first, EARLY)
    fastest = max((s.x1 - s.x0) / (s.hi - s.lo) for s in scale.segments)
    shortest = least / fastest  # seconds: anything shorter is narrower than a slot
    if stop - first <= SCAN:
        inside = [p for p in range(first, stop) if his[p] - anchors[p] >= shortest and bits.count(p, p + 1)]
    else:
        long = index.long
        inside = [
            p
            for p in long[bisect_left(long, first) : bisect_left(long, stop)]
            if his[p] - anchors[p] >= shortest and bits.count(p, p + 1)
        ]
    return early + inside


class Shape(NamedTuple):
    """Where an event that may be long enough for a bar lies (worked out once for every lane)."""

    x0: float
    x1: float
    before: bool  # it began before the window


def shape(event: Event, scale: Scale, window: Window) -> Shape:
    """The extent an event is drawn over (the extent of its pieces), and whether it began before."""
    x0, x1 = scale.x(max(event.lo, window.lo)), scale.x(min(event.hi, window.hi))
    return Shape(x0, x1, event.date.anchor < window.lo)


class Lane(NamedTuple):
    """What the marks of one lane are computed from."""

    bits: Bits  # the lane's events among the results
    listed: Bits  # the events of the list page being read
    candidates: dict[int, Shape]  # the lane's events that may be long enough for a bar


class Geometry(NamedTuple):
    """The measures of one layout, in axis units."""

    slot: float  # the narrowest slot: a touch target at the layout's narrowest
    dot: float  # half the width of a dot, for overlap
    rows: int  # rows for bars above the point row


def lane_marks(
    lane: Lane, cells: list[Slot], events: Sequence[Event], index: Index, scale: Scale, window: Window,
    geometry: Geometry,
) -> list[Mark]:  # fmt: skip
    """Bars first (as many rows as allowed), then each slot: nothing, one event, or a cluster."""
    bars, drawn, early = _bars(lane, events, scale, window, geometry)
    points: list[Mark] = []
    stops = [cell.stop for cell in cells]
    skipped: dict[int, set[int]] = {}
    for position in drawn:
        if position >= cells[0].first:
            skipped.setdefault(bisect_left(stops, position + 1), set()).add(position)
    for number, cell in enumerate(cells):
        extra = early if number == 0 else []
        gone = skipped.get(number, set())
        count = lane.bits.count(cell.first, cell.stop) - len(gone) + len(extra)
        if count == 1:
            found = extra or [
                p for p in lane.bits.positions(cell.first, cell.stop, len(gone) + 1) if p not in gone
            ]
            points.append(_single(found[0], cell, lane, events, scale, window))
        elif count > 1:
            points.append(_cluster(cell, count, extra, lane, index, window))
    return bars + _merge(points, geometry)


def _bars(
    lane: Lane, events: Sequence[Event], scale: Scale, window: Window, geometry: Geometry
) -> tuple[list[Mark], set[int], list[int]]:
    """Bars placed first-fit in the bar rows; the drawn positions; events begun earlier left to count."""
    ends = [float("-inf")] * geometry.rows
    bars: list[Mark] = []
    drawn: set[int] = set()
    early: list[int] = []
    for position, (x0, x1, before) in lane.candidates.items():
        narrow = x1 - x0 < geometry.slot
        if narrow and not before:
            continue  # counted in its slot like any short event
        row = None if narrow else next((r for r, end in enumerate(ends) if end + ROW_GAP <= x0), None)
        if row is None:
            if before:
                early.append(position)
            continue
        ends[row] = x1
        drawn.add(position)
        listed = bool(lane.listed.count(position, position + 1))
        event = events[position]
        drawn_as = pieces(event, scale, window)
        bars.append(_event(event, position, drawn_as, row + 1, x0, x1, x0, listed, window))
    return bars, drawn, early


def _event(
    event: Event, position: int, drawn_as: tuple[Piece, ...], row: int, x0: float, x1: float, x: float,
    listed: bool, window: Window,
) -> Mark:  # fmt: skip
    """The mark of one event."""
    return Mark(
        cluster=False, row=row, x0=x0, x1=x1, x=x, size=1, position=position, start=event.lo, end=event.hi,
        middle=event.date.anchor, listed=listed, pieces=drawn_as, before=event.lo < window.lo,
        after=event.hi > window.hi,
    )  # fmt: skip


def _single(
    position: int, cell: Slot, lane: Lane, events: Sequence[Event], scale: Scale, window: Window
) -> Mark:
    """One event alone in its slot: drawn at its own time, hit anywhere in the slot."""
    event = events[position]
    drawn_as = pieces(event, scale, window)
    x0, x1 = _extent(drawn_as)
    listed = bool(lane.listed.count(position, position + 1))
    return _event(event, position, drawn_as, 0, cell.x0, cell.x1, (x0 + x1) / 2, listed, window)


def _cluster(cell: Slot, count: int, extra: list[int], lane: Lane, index: Index, window: Window) -> Mark:
    """Several events in one slot: a badge with their count, whose link zooms to their time span."""
    first = lane.bits.first(cell.first, cell.stop)
    last = lane.bits.last(cell.first, cell.stop)
    start = window.lo if extra or first is None else index.anchors[first]
    end = index.anchors[last] + 60 if last is not None else window.lo + 60
    position = extra[0] if extra else first
    assert position is not None
    listed = bool(lane.listed.count(cell.first, cell.stop)) or any(lane.listed.count(p, p + 1) for p in extra)
    member = lane.bits.nth(cell.first, cell.stop, count // 2)
    middle = index.anchors[member] if member is not None else start
    x = (cell.x0 + cell.x1) / 2
    return Mark(
        True, 0, cell.x0, cell.x1, x, count, position, start, max(end, start + 60), middle, listed, ()
    )


def _seen(mark: Mark, dot: float) -> tuple[float, float]:
    """The part of the axis a point-row mark covers to the eye."""
    if mark.cluster:
        return mark.x0 + dot / 2, mark.x1 - dot / 2
    left, right = _extent(mark.pieces)
    return left - dot, right + dot


def _merge(points: list[Mark], geometry: Geometry) -> list[Mark]:
    """Neighbours that would overlap to the eye become one cluster over both slots."""
    merged: list[Mark] = []
    for mark in points:
        if merged and merged[-1].x1 >= mark.x0 - 1e-6:
            previous = merged[-1]
            if _seen(previous, geometry.dot)[1] > _seen(mark, geometry.dot)[0]:
                heavier = previous if previous.size >= mark.size else mark
                merged[-1] = Mark(
                    True, 0, previous.x0, mark.x1, (previous.x0 + mark.x1) / 2, previous.size + mark.size,
                    previous.position, min(previous.start, mark.start), max(previous.end, mark.end),
                    heavier.middle, previous.listed or mark.listed, (),
                )  # fmt: skip
                continue
        merged.append(mark)
    return merged

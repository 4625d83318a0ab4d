"""The whole axis for a query: window, scale, ticks, lanes and marks, in two layouts.

One layout is for screens where the axis is at least ``WIDE.px`` wide, the other for narrow
ones (a phone at 320 px): fewer slots, so that every mark stays a 24 px target, and fewer lanes.
The page carries both and CSS shows one. Nothing here scans the events of the window: counts come
from bisections of the sorted anchors and popcounts of the query's bitset.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple, cast

from timeline.axis import lanes as lanes_
from timeline.axis.bits import Bits
from timeline.axis.calendar import Unit
from timeline.axis.marks import Geometry, Lane, Mark, bar_candidates, lane_marks, shape, slots
from timeline.axis.scale import WIDTH, Scale, choose_breaks, empty_stretches, layout
from timeline.axis.ticks import Ruler, ruler
from timeline.axis.window import Step, Window, choose, extent, pan, zoom_in, zoom_out, zoom_unit
from timeline.index import Index, bits_of, positions
from timeline.model import Timeline
from timeline.query import Query, Result, matching, matching_except_dates

TARGET = 24.0  # px: the smallest slot, so that every mark is a touch target


class Spec(NamedTuple):
    """How one layout is drawn: its narrowest width in px, lanes, breaks and bar rows."""

    name: str
    px: float
    lanes: int  # lanes of their own at most (the rest: "other")
    breaks: int
    break_px: float
    dot_px: float
    edge_px: float  # how far text may reach past the axis's ends: the plot's padding (app.css)


WIDE = Spec("wide", 540.0, lanes_.TOP, 6, 22.0, 6.0, 14.0)
NARROW = Spec("narrow", 240.0, 3, 3, 18.0, 6.0, 6.0)


class LaneMarks(NamedTuple):
    """One lane of a layout, with its marks."""

    spec: lanes_.LaneSpec
    rows: int  # bar rows in use
    marks: tuple[Mark, ...]


class Layout(NamedTuple):
    """Everything one layout draws."""

    spec: Spec
    scale: Scale
    ruler: Ruler
    lanes: tuple[LaneMarks, ...]
    listed: tuple[float, float] | None  # the span of the list page's events, when some are not on it
    around: tuple[tuple[int, int], ...]  # the positions of the events just before and after each break


class Axis(NamedTuple):
    """The axis of one query."""

    window: Window
    found: tuple[int, int] | None  # the span of the events (whatever the dates), for the title
    total: int
    facet: lanes_.LaneFacet | None
    layouts: tuple[Layout, Layout]
    zoom_unit: Unit | None  # the unit "zoom in" selects
    centre: int  # the time "zoom in" centres on (the middle event of the window)
    zoom_in: Step | None
    zoom_out: Step | None
    earlier: Step | None
    later: Step | None


def _units(px: float, spec: Spec) -> float:
    """``px`` in axis units, at the layout's narrowest."""
    return WIDTH * px / spec.px


def build(timeline: Timeline, query: Query, result: Result) -> Axis | None:
    """The axis for ``query`` (whose ``result`` is the list page), or None when nothing is dated."""
    index = timeline.index
    base = Bits(matching_except_dates(timeline, query))
    found = extent(index, base)
    window = choose(query, found)
    if window is None:
        return None
    bits = matching(timeline, query) if query.start or query.end else base.bits
    results = Bits(bits)
    total = bits.bit_count()
    centre = index.anchors[positions(bits, total // 2, 1)[0]] if total else window.lo + window.length // 2
    facet = cast(lanes_.LaneFacet | None, query.lanes)
    specs = lanes_.choose(timeline, query, facet, bits, result.facets.get(query.lanes or "", ()))
    gaps = empty_stretches(window, index, results) if total else []
    listed = Bits(bits_of((timeline.positions[e.id] for e in result.events), index.size))
    wide, narrow = (
        _layout(spec, timeline, window, gaps, results, specs, listed, result) for spec in (WIDE, NARROW)
    )
    first, stop = bisect_left(index.anchors, window.lo), bisect_left(index.anchors, window.hi)
    return Axis(
        window=window, found=None if window.chosen else found, total=total, facet=facet,
        layouts=(wide, narrow), zoom_unit=zoom_unit(window.length), centre=centre,
        zoom_in=zoom_in(window, centre), zoom_out=zoom_out(window, found),
        earlier=pan(window, -1) if base.first(0, first) is not None else None,
        later=pan(window, 1) if base.first(stop, index.size) is not None else None,
    )  # fmt: skip


def _narrow(specs: list[lanes_.LaneSpec], bits: int, most: int) -> list[lanes_.LaneSpec]:
    """Fewer lanes: the first ``most``, and the rest merged into "other"."""
    if len(specs) <= most + 1:
        return specs
    kept = specs[:most]
    rest = bits
    for spec in kept:
        rest &= ~spec.bits
    return [*kept, lanes_.LaneSpec(None, "", rest, rest.bit_count(), True)] if rest else kept


def _layout(
    spec: Spec, timeline: Timeline, window: Window, gaps: list[tuple[int, int]], results: Bits,
    specs: list[lanes_.LaneSpec], listed: Bits, result: Result,
) -> Layout:  # fmt: skip
    """One layout: its scale, ruler, and the marks of each lane."""
    index = timeline.index
    least = _units(TARGET, spec)
    scale = layout(window, choose_breaks(window, gaps, spec.breaks), _units(spec.break_px, spec), least)
    own = _narrow(specs, results.bits, spec.lanes) if spec.lanes < lanes_.TOP else specs
    cells = slots(scale, index, least)
    candidates = bar_candidates(window, index, results, scale, least) if results.bits else []
    shapes = {p: shape(timeline.events[p], scale, window) for p in candidates}  # once, for every lane
    among = bits_of(candidates, index.size)
    span = (min(candidates), max(candidates) + 1) if candidates else (0, 0)
    geometry = Geometry(least, _units(spec.dot_px, spec), 2 if len(own) <= 2 else 1)
    lanes = []
    for lane in own:
        mine = Bits(lane.bits & among).positions(*span, len(shapes))
        drawn = Lane(Bits(lane.bits), listed, {p: shapes[p] for p in mine})
        marks = lane_marks(drawn, cells, timeline.events, index, scale, window, geometry)
        rows = max((m.row for m in marks), default=0)
        lanes.append(LaneMarks(lane, rows, tuple(marks)))
    wider = spec.px * 1.5 if spec is WIDE else None
    around = tuple(_around(index, results, gap.lo, gap.hi) for gap in scale.breaks)
    labelled = ruler(scale, spec.px, wider, spec.edge_px)
    return Layout(spec, scale, labelled, tuple(lanes), _listed(scale, timeline, result), around)


def _around(index: Index, results: Bits, lo: int, hi: int) -> tuple[int, int]:
    """The last result anchored before a break and the first after it (a break has results on both sides)."""
    before = results.last(0, bisect_left(index.anchors, lo))
    after = results.first(bisect_left(index.anchors, hi), index.size)
    assert before is not None
    assert after is not None
    return before, after


def _listed(scale: Scale, timeline: Timeline, result: Result) -> tuple[float, float] | None:
    """Where the list page's events lie on the axis, when the results run to more than one page."""
    if not result.events or result.total <= len(result.events):
        return None
    first, last = result.events[0], result.events[-1]
    return scale.x(first.date.anchor), scale.x(max(last.date.anchor, first.date.anchor))

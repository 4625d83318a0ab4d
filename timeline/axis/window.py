"""The window of time the axis shows, and the windows one zoom or pan step away.

The window is the query's ``from``/``to`` (the list shows the events overlapping it) or, without
dates, the span of the matching events. Steps land on calendar units where they can ("2021",
"Oct 2021", "5 Oct 2021"), so that three steps take a reader from all time to one day, and every
step is a plain ``from``/``to`` link that works without JavaScript.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from timeline.axis.bits import Bits
from timeline.axis.calendar import (
    LENGTH,
    Unit,
    add,
    floor,
    grain,
    moment,
    param,
    unit_params,
    unit_span,
    window_params,
)
from timeline.dates import MAX_TS, MIN_TS, parse_filter_date
from timeline.index import LONG_SPAN, Index
from timeline.query import Query

LADDER: tuple[Unit, ...] = ("century", "decade", "year", "month", "day", "hour", "minute")
ZOOM_RATIO = 8  # zoom in to the largest unit at least this many times shorter than the window
MIN_ZOOM = 15 * 60  # no zooming in past a quarter of an hour
PAD = 100  # a default window is widened by 1/PAD of its length on each side
SCAN = 5_000  # events near the end looked at for the latest end (longer ones are indexed)


class Window(NamedTuple):
    """``[lo, hi)`` in UTC seconds; ``chosen`` when it comes from ``from``/``to``."""

    lo: int
    hi: int
    chosen: bool
    unit: Unit | None  # the calendar unit it is exactly, if any ("Oct 2021": month)

    @property
    def length(self) -> int:
        """Its length in seconds."""
        return self.hi - self.lo


class Step(NamedTuple):
    """Where a zoom or pan link leads: new ``from``/``to`` (both None: every date)."""

    start: str | None
    end: str | None


ALL = Step(None, None)


def extent(index: Index, bits: Bits) -> tuple[int, int] | None:
    """The earliest anchor and the latest (finite) end of the events in ``bits``."""
    first, last = bits.first(0, index.size), bits.last(0, index.size)
    if first is None or last is None:
        return None
    anchors, his = index.anchors, index.his
    start = bisect_left(anchors, anchors[last] - LONG_SPAN)
    latest = anchors[last] + 60
    for position in reversed(bits.positions(max(start, last - SCAN), last + 1, SCAN)):
        if anchors[position] + LONG_SPAN <= latest:
            break  # earlier events are short (or indexed as long): none of them ends later
        if his[position] < MAX_TS:
            latest = max(latest, his[position])
    # Events longer than LONG_SPAN may end later still: the first of them (latest end first) that matches.
    far = next((his[p] for p in _by_end(index) if bits.count(p, p + 1)), latest)
    return anchors[first], max(latest, far)


_BY_END: dict[int, tuple[Index, tuple[int, ...]]] = {}


def _by_end(index: Index) -> tuple[int, ...]:
    """The long events with a known end, latest end first (worked out once per snapshot)."""
    kept = _BY_END.get(id(index))
    if kept is None or kept[0] is not index:
        order = tuple(sorted((p for p in index.long if index.his[p] < MAX_TS), key=lambda p: -index.his[p]))
        kept = (index, order)
        if len(_BY_END) > 3:
            _BY_END.clear()
        _BY_END[id(index)] = kept
    return kept[1]


def unit_of(lo: int, hi: int) -> Unit | None:
    """The calendar unit ``[lo, hi)`` is exactly, if any."""
    for unit in LADDER:
        if unit_span(lo, unit) == (lo, hi):
            return unit
    return None


def choose(query: Query, found: tuple[int, int] | None) -> Window | None:
    """The window for ``query``: its dates, completed by the events' extent, or that extent padded."""
    if query.start or query.end:
        low = parse_filter_date(query.start) if query.start else None
        high = parse_filter_date(query.end) if query.end else None
        lo = low.lo if low else (found[0] if found else None)
        hi = high.hi if high else (found[1] if found else None)
        if lo is None or lo >= (hi if hi is not None else MAX_TS):  # only a from after every event
            assert low is not None
            lo, hi = low.lo, low.hi
        if hi is None:
            assert high is not None
            hi = high.hi
            lo = min(lo, high.lo)
        return Window(lo, hi, True, unit_of(lo, hi))
    if found is None:
        return None
    lo, hi = found
    pad = max((hi - lo) // PAD, 1800)
    return Window(max(lo - pad, MIN_TS), min(hi + pad, MAX_TS), False, None)


def zoom_unit(length: int) -> Unit | None:
    """The unit "zoom in" selects from a window of ``length`` seconds (None: zoom by a factor)."""
    for unit in LADDER[:-1]:
        if length >= ZOOM_RATIO * LENGTH[unit]:
            return unit
    return None


def zoom_in(window: Window, at: int) -> Step | None:
    """One step in around ``at``: the calendar unit holding it, or a quarter of the window."""
    unit = zoom_unit(window.length)
    if unit is not None:
        return Step(*unit_params(at, unit))
    if window.length <= MIN_ZOOM:
        return None
    half = max(window.length // 8, MIN_ZOOM // 2)
    lo = min(max(at - half, window.lo), window.hi - 2 * half)
    return Step(*window_params(lo, lo + 2 * half))


def zoom_out(window: Window, found: tuple[int, int] | None) -> Step | None:
    """One step out: the unit above (a day's month), else three times the window; every date at last."""
    if not window.chosen:
        return None
    if window.unit is not None and window.unit != "century":
        parent = LADDER[LADDER.index(window.unit) - 1]
        lo, hi = unit_span(window.lo, parent)
        step = Step(*unit_params(window.lo, parent))
    else:
        middle = window.lo + window.length // 2
        lo, hi = max(middle - 3 * window.length // 2, MIN_TS), min(middle + 3 * window.length // 2, MAX_TS)
        step = Step(*window_params(lo, hi))
    if found is None or (lo <= found[0] and hi >= found[1]):
        return ALL
    return step


def _units_between(first: int, last: int, unit: Unit) -> int:
    """How many ``unit`` steps lead from ``first`` to ``last`` (both starts of a unit)."""
    a, b = moment(first), moment(last)
    if unit in ("year", "month"):
        months = (b.year - a.year) * 12 + b.month - a.month
        return months // 12 if unit == "year" else months
    return (last - first) // LENGTH[unit]


def pan(window: Window, direction: int) -> Step:
    """The window moved one unit (for a calendar unit) or half its length, earlier (-1) or later (+1)."""
    if window.unit is not None:
        return Step(*unit_params(add(window.lo, window.unit, direction), window.unit))
    unit = grain(window.length)
    first, last = floor(window.lo, unit), floor(window.hi - 1, unit)
    shift = direction * max(1, (_units_between(first, last, unit) + 1) // 2)
    return Step(param(add(first, unit, shift), unit), param(add(last, unit, shift), unit))

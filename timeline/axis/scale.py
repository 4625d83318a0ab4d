"""Where time goes across the axis: segments of proportional time, and breaks for empty stretches.

The axis is ``WIDTH`` units wide (drawn as percentages, so one SVG fits any screen). Long
stretches without events are cut out of the window and drawn as a narrow break; what remains is
split into segments, and within each segment x is proportional to time. All segments share one
scale, except that a very short one is widened to hold at least one mark.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise
from typing import NamedTuple

from timeline.axis.bits import Bits
from timeline.axis.window import Window
from timeline.dates import MAX_TS
from timeline.index import Index

WIDTH = 1000.0
FINE = 240  # bins over the window, to find empty stretches
BREAK_SHARE = 0.1  # an inner empty stretch of this share of the (remaining) window becomes a break
MAX_BREAKS = 6
COVER_LIMIT = 2_000  # events read to see whether a long one spans an empty stretch


class Segment(NamedTuple):
    """``[lo, hi)`` drawn from ``x0`` to ``x1``, proportionally."""

    lo: int
    hi: int
    x0: float
    x1: float

    def x(self, ts: float) -> float:
        """The position of ``ts`` (inside the segment)."""
        return self.x0 + (ts - self.lo) * (self.x1 - self.x0) / (self.hi - self.lo)

    def time(self, x: float) -> int:
        """The time at position ``x`` (inside the segment)."""
        return round(self.lo + (x - self.x0) * (self.hi - self.lo) / (self.x1 - self.x0))


class Break(NamedTuple):
    """An empty stretch ``[lo, hi)`` drawn as a break from ``x0`` to ``x1``."""

    lo: int
    hi: int
    x0: float
    x1: float

    @property
    def middle(self) -> float:
        """Where the break mark is drawn."""
        return (self.x0 + self.x1) / 2


class Scale(NamedTuple):
    """The mapping from time to x for one layout."""

    segments: tuple[Segment, ...]
    breaks: tuple[Break, ...]

    def x(self, ts: float) -> float:
        """The position of ``ts``: clamped to the axis, and to the middle of a break it falls in."""
        segments = self.segments
        if ts <= segments[0].lo:
            return segments[0].x0
        at = bisect_right([s.lo for s in segments], ts) - 1
        segment = segments[at]
        if ts < segment.hi:
            return segment.x(ts)
        if at + 1 < len(segments):
            return self.breaks[at].middle
        return segment.x1


def empty_stretches(window: Window, index: Index, bits: Bits) -> list[tuple[int, int]]:
    """Inner stretches of the window that no matching event touches, longest first.

    A window that is one year, month, day or hour is shown whole, as a calendar: no stretch.
    """
    if window.unit in ("year", "month", "day", "hour", "minute"):
        return []
    lo, length, anchors = window.lo, window.length, index.anchors
    edges = [lo + length * i // FINE for i in range(FINE + 1)]
    cuts = [bisect_left(anchors, edge) for edge in edges]
    filled = [i for i in range(FINE) if bits.count(cuts[i], cuts[i + 1])]
    found = []
    for before, after in pairwise(filled):
        if after - before - 1 < BREAK_SHARE * FINE / 2:  # too short to matter, even later on
            continue
        start, end = _covered_until(index, bits, edges[before + 1], edges[after]), edges[after]
        margin = length // FINE
        if end - start >= 3 * margin:
            found.append((start + margin, end - margin))
    return sorted(found, key=lambda gap: gap[0] - gap[1])


def _covered_until(index: Index, bits: Bits, start: int, end: int) -> int:
    """Where events that began before ``start`` stop covering ``[start, end)`` (open ends aside)."""
    spanning = Bits(index.overlapping(start, end) & bits.bits)
    latest = start
    for position in spanning.positions(0, index.size, COVER_LIMIT):
        hi = index.his[position]
        if hi < MAX_TS:
            latest = max(latest, min(hi, end))
    return latest


def choose_breaks(window: Window, gaps: list[tuple[int, int]], most: int) -> list[tuple[int, int]]:
    """The gaps worth cutting: each at least BREAK_SHARE of what is left of the window."""
    chosen: list[tuple[int, int]] = []
    left = window.length
    for lo, hi in gaps:
        if len(chosen) == most or hi - lo < BREAK_SHARE * left:
            break
        chosen.append((lo, hi))
        left -= hi - lo
    return sorted(chosen)


def layout(window: Window, gaps: list[tuple[int, int]], break_width: float, min_segment: float) -> Scale:
    """Segments and breaks across WIDTH units; every segment at least ``min_segment`` wide."""
    while True:
        bounds = [window.lo, *(t for gap in gaps for t in gap), window.hi]
        spans = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        room = WIDTH - break_width * len(gaps)
        widths = _widths([hi - lo for lo, hi in spans], room, min_segment)
        if widths is not None or not gaps:
            break
        gaps = sorted(sorted(gaps, key=lambda gap: gap[0] - gap[1])[:-1])  # drop the shortest break
    widths = widths or [room]
    segments, breaks, x = [], [], 0.0
    for i, ((lo, hi), width) in enumerate(zip(spans, widths, strict=True)):
        segments.append(Segment(lo, hi, x, x + width))
        x += width
        if i < len(gaps):
            breaks.append(Break(gaps[i][0], gaps[i][1], x, x + break_width))
            x += break_width
    return Scale(tuple(segments), tuple(breaks))


def _widths(lengths: list[int], room: float, least: float) -> list[float] | None:
    """Widths proportional to ``lengths`` filling ``room``, none under ``least`` (None if impossible)."""
    if least * len(lengths) > room:
        return None
    fixed: set[int] = set()
    while True:
        free = room - least * len(fixed)
        total = sum(length for i, length in enumerate(lengths) if i not in fixed)
        widths = [least if i in fixed else free * length / total for i, length in enumerate(lengths)]
        small = {i for i, width in enumerate(widths) if width < least} - fixed
        if not small:
            return widths
        fixed |= small

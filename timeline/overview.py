"""The overview axis: where events fall in time, per year (or month when zoomed), laid out for an SVG."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from math import sqrt
from typing import Literal

from timeline.i18n import _, ngettext
from timeline.i18n.dates import month_name, month_text
from timeline.i18n.words import number
from timeline.model import Timeline
from timeline.present import GAP_YEARS
from timeline.query import FACETS, Query, date_bounds, matching_except_dates

Unit = Literal["month", "year", "decade", "century"]
SLOT = 36  # px per bucket: wide enough for "1960s" and a 24 px target
BAR_WIDTH = 22
TOP = 14  # px above the bars, for the counts
BAR_HEIGHT = 40
HEIGHT = TOP + BAR_HEIGHT + 20  # bars, then the labels
CHUNK = 7  # buckets per SVG at most, so the strip wraps on a 320 px screen (270 px inside its box)
MAX_SLOTS = 40  # beyond this many year slots, count decades (then centuries)
STEPS: dict[Unit, int] = {"year": 1, "decade": 10, "century": 100}
COARSER: tuple[Unit, ...] = ("year", "decade", "century")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Bucket:
    """One span of time on the axis and how many events fall in it (overlap, as the filter)."""

    label: str  # under the bar: "2021", "Oct", "1960s"
    name: str  # spoken: "2021", "October 2021", "1960s"
    start: str  # the ``from`` value that selects it
    end: str  # the ``to`` value that selects it
    lo: int
    hi: int
    total: int  # every event of the timeline
    count: int  # events that match the filters other than the dates (what the link shows)
    selected: bool  # inside the chosen date range


@dataclass(frozen=True, slots=True)
class Bar:
    """A bucket placed in its SVG: x offset and bar heights in px."""

    bucket: Bucket
    x: int
    total_height: int
    count_height: int
    ranged: bool  # a date range is chosen: bars outside it are not highlighted

    @property
    def link_name(self) -> str:
        """The accessible name, such as "2021: 14 events"."""
        count = self.bucket.count
        return ngettext(
            "%(span)s: %(count)s event",
            "%(span)s: %(count)s events",
            count,
            span=self.bucket.name,
            count=number(count),
        )

    @property
    def highlighted(self) -> bool:
        """True when the bar's events are the ones listed (no date range, or inside it)."""
        return self.bucket.selected or not self.ranged

    @property
    def center(self) -> int:
        """Middle of the slot in its SVG, where the count is written."""
        return self.x + SLOT // 2

    @property
    def total_y(self) -> int:
        """Top of the pale bar (every event)."""
        return TOP + BAR_HEIGHT - self.total_height

    @property
    def count_y(self) -> int:
        """Top of the bar of matching events."""
        return TOP + BAR_HEIGHT - self.count_height


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive buckets drawn as one SVG."""

    bars: tuple[Bar, ...]
    width: int
    kind: Literal["run"] = "run"


@dataclass(frozen=True, slots=True)
class Gap:
    """A long stretch without events, compressed to a break mark."""

    first: str
    last: str
    empty: int  # how many empty buckets it stands for
    unit: Unit
    selected: bool  # inside the chosen date range
    kind: Literal["gap"] = "gap"

    @property
    def label(self) -> str:
        """The short text under the break mark ("21 yrs")."""
        n, count = self.empty, number(self.empty)
        if self.unit == "year":
            return ngettext("%(count)s yr", "%(count)s yrs", n, count=count)
        if self.unit == "decade":
            return ngettext("%(count)s dec.", "%(count)s dec.", n, count=count)
        if self.unit == "century":
            return ngettext("%(count)s c.", "%(count)s c.", n, count=count)
        return ngettext("%(count)s mo.", "%(count)s mo.", n, count=count)

    @property
    def name(self) -> str:
        """What the break means, in words."""
        return _("No events from %(first)s to %(last)s", first=self.first, last=self.last)


@dataclass(frozen=True, slots=True)
class Geometry:
    """The fixed measures of the drawing, in px."""

    slot: int = SLOT
    bar_width: int = BAR_WIDTH
    bar_x: int = (SLOT - BAR_WIDTH) // 2
    center: int = SLOT // 2
    height: int = HEIGHT
    base: int = TOP + BAR_HEIGHT
    count_y: int = TOP - 3
    label_y: int = HEIGHT - 5
    gap: int = 44


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the template draws."""

    unit: Unit
    parts: tuple[Run | Gap, ...]
    heading: str
    zoomed: bool  # months of one year
    filtered: bool  # facets or text narrow the highlighted bars
    ranged: bool  # a date range is chosen, and it leaves some buckets out
    geometry: Geometry = Geometry()

    @property
    def hint(self) -> str:
        """What choosing a bar does."""
        hints = {
            "month": _("Choose a month to show only its events."),
            "year": _("Choose a year to show only its events."),
            "decade": _("Choose a decade to show only its events."),
            "century": _("Choose a century to show only its events."),
        }
        return hints["month" if self.zoomed else self.unit]


def _year(ts: int) -> int:
    return (EPOCH + timedelta(seconds=ts)).year


def _ts(year: int, month: int = 1) -> int:
    if year > 9999:
        return calendar.timegm((9999, 12, 31, 23, 59, 59)) + 1
    return calendar.timegm((year, month, 1, 0, 0, 0))


def date_range(query: Query) -> tuple[int, int] | None:
    """The chosen ``[from, to)`` in UTC seconds, or None when no date is given."""
    bounds = date_bounds(query)
    if bounds is None:
        return None
    return max(bounds[0], _ts(1)), min(bounds[1], _ts(10000))  # open ends: the calendar's ends


def _spans(unit: Unit, first: int, last: int) -> list[tuple[int, int, str, str, str, str]]:
    """(lo, hi, label, name, from, to) of each bucket covering the years ``first``..``last``."""
    if unit == "month":
        return [
            (
                _ts(first, m),
                _ts(first + 1) if m == 12 else _ts(first, m + 1),
                month_name(m),
                month_text(first, m),
                f"{first:04d}-{m:02d}",
                f"{first:04d}-{m:02d}",
            )
            for m in range(1, 13)
        ]
    step = STEPS[unit]
    spans = []
    for start in range(first - first % step, last + 1, step):
        low, high = max(start, 1), min(start + step - 1, 9999)
        label = f"{start}" if step == 1 else _("%(start)ss", start=start)
        spans.append((_ts(low), _ts(high + 1), label, label, f"{low:04d}", f"{high:04d}"))
    return spans


def _buckets(
    timeline: Timeline, unit: Unit, first: int, last: int, bits: int, chosen: tuple[int, int] | None
) -> list[Bucket]:
    """Each bucket with the events that overlap it: exactly what its link's ``from``/``to`` shows."""
    index = timeline.index
    buckets = []
    for lo, hi, label, name, start, end in _spans(unit, first, last):
        inside = index.overlapping(lo, hi)
        selected = chosen is not None and lo < chosen[1] and chosen[0] < hi
        buckets.append(
            Bucket(label, name, start, end, lo, hi, inside.bit_count(), (inside & bits).bit_count(), selected)
        )
    return buckets


def _compress(buckets: list[Bucket], unit: Unit, min_gap: int) -> list[list[Bucket] | Gap]:
    """Runs of buckets, with stretches of ``min_gap`` or more empty buckets replaced by a Gap."""
    parts: list[list[Bucket] | Gap] = []
    run: list[Bucket] = []
    i = 0
    while i < len(buckets):
        j = i
        while j < len(buckets) and buckets[j].total == 0:
            j += 1
        if j - i >= min_gap:
            if run:
                parts.append(run)
                run = []
            chosen = any(b.selected for b in buckets[i:j])
            parts.append(Gap(buckets[i].start, buckets[j - 1].end, j - i, unit, chosen))
            i = j
            continue
        run.extend(buckets[i : max(j, i + 1)])
        i = max(j, i + 1)
    if run:
        parts.append(run)
    return parts


def _height(n: int, most: int) -> int:
    """Bar height: square-root scale, so one event stays visible beside many."""
    return 0 if n == 0 or most == 0 else max(3, round(sqrt(n / most) * BAR_HEIGHT))


def _layout(parts: list[list[Bucket] | Gap], ranged: bool) -> tuple[Run | Gap, ...]:
    most = max((b.total for p in parts if isinstance(p, list) for b in p), default=0)
    laid: list[Run | Gap] = []
    for part in parts:
        if isinstance(part, Gap):
            laid.append(part)
            continue
        for at in range(0, len(part), CHUNK):
            chunk = part[at : at + CHUNK]
            bars = tuple(
                Bar(b, i * SLOT, _height(b.total, most), _height(b.count, most), ranged)
                for i, b in enumerate(chunk)
            )
            laid.append(Run(bars, len(chunk) * SLOT))
    return tuple(laid)


def build(timeline: Timeline, query: Query) -> Overview | None:
    """The overview of ``timeline`` for ``query``: months of one year when the dates lie in one."""
    anchors = timeline.index.anchors
    if not anchors:
        return None
    chosen = date_range(query)
    bits = matching_except_dates(timeline, query)
    filtered = bool(query.q or any(getattr(query, name) for name in FACETS))
    first, last = _year(anchors[0]), _year(anchors[-1])
    unit: Unit
    if chosen is not None and _year(chosen[0]) == _year(chosen[1] - 1):
        unit, year = "month", _year(chosen[0])
        buckets = _buckets(timeline, unit, year, year, bits, chosen)
        parts = _compress(buckets, unit, 13)
        heading = _("Events per month in %(year)s", year=year)
    else:
        for unit in COARSER:
            buckets = _buckets(timeline, unit, first, last, bits, chosen)
            parts = _compress(buckets, unit, GAP_YEARS)
            if sum(len(p) for p in parts if isinstance(p, list)) <= MAX_SLOTS:
                break
        heading = {
            "year": _("Events per year"),
            "decade": _("Events per decade"),
            "century": _("Events per century"),
        }.get(unit, "")
    ranged = chosen is not None and not all(b.selected for b in buckets)
    return Overview(unit, _layout(parts, ranged), heading, unit == "month", filtered, ranged)

"""Tick marks and labels that adapt to the window: centuries and decades down to hours and minutes.

The step is the finest one whose labels keep apart at the layout's narrowest width. Each label is
a link to its unit (a year, a month, a day…), and a second row names the larger unit the ticks
belong to ("Oct 2021" under the days of October). Everything is in UTC.
"""

from __future__ import annotations

from typing import NamedTuple

from timeline.axis.calendar import LENGTH, Unit, add, floor, moment, unit_params
from timeline.axis.scale import Scale
from timeline.axis.window import Step
from timeline.dates import MONTHS

# (unit, count) from coarse to fine; a count of years is a block counted from year 0.
STEPS: tuple[tuple[Unit, int], ...] = (
    ("year", 1000), ("year", 500), ("year", 200), ("year", 100), ("year", 50), ("year", 20),
    ("year", 10), ("year", 5), ("year", 2), ("year", 1), ("month", 6), ("month", 3), ("month", 1),
    ("day", 7), ("day", 2), ("day", 1), ("hour", 12), ("hour", 6), ("hour", 3), ("hour", 2),
    ("hour", 1), ("minute", 30), ("minute", 15), ("minute", 10), ("minute", 5), ("minute", 1),
)  # fmt: skip
CHARACTER = 7.0  # px per character of an 11 px label, roughly
LABEL_GAP = 14.0  # px between labels
MIN_SPACING = 28.0  # px between ticks at least: labels are 24 px targets
CONTEXT: dict[Unit, Unit] = {"month": "year", "day": "month", "hour": "day", "minute": "day"}


class Tick(NamedTuple):
    """One tick: its position, its label, and the unit its label zooms to."""

    x: float
    label: str
    name: str  # the label's accessible name: "Zoom to Oct 2021"
    step: Step | None
    major: bool  # the start of a larger unit (a year among months): drawn longer


class Context(NamedTuple):
    """A label on the second row: the larger unit the ticks after it belong to."""

    x: float
    text: str


class Ruler(NamedTuple):
    """The ticks and context labels of one layout."""

    ticks: tuple[Tick, ...]
    context: tuple[Context, ...]
    unit: Unit


def _label(ts: int, unit: Unit, count: int) -> tuple[str, Unit]:
    """A tick's label and the unit it names."""
    m = moment(ts)
    if unit == "year":
        if count == 10:
            return f"{m.year}s", "decade"
        return str(m.year), "century" if count >= 100 else "year"
    if unit == "month":
        return MONTHS[m.month - 1], "month"
    if unit == "day":
        return str(m.day), "day"
    return f"{m.hour:02d}:{m.minute:02d}", unit


def _context(ts: int, unit: Unit) -> str:
    """The second-row text for the larger unit starting at ``ts``."""
    m = moment(ts)
    if unit == "year":
        return str(m.year)
    if unit == "month":
        return f"{MONTHS[m.month - 1]} {m.year}"
    return f"{m.day} {MONTHS[m.month - 1]} {m.year}"


def _spoken(ts: int, unit: Unit) -> str:
    """What a label link leads to, in words: "Zoom to Oct 2021", "Zoom to 1960–1969"."""
    m = moment(ts)
    if unit in ("century", "decade"):
        size = 100 if unit == "century" else 10
        return f"Zoom to {m.year}–{m.year + size - 1}"
    if unit == "year":
        return f"Zoom to {m.year}"
    if unit == "month":
        return f"Zoom to {MONTHS[m.month - 1]} {m.year}"
    if unit == "day":
        return f"Zoom to {m.day} {MONTHS[m.month - 1]} {m.year}"
    return f"Zoom to {m.day} {MONTHS[m.month - 1]} {m.year}, {m.hour:02d}:00–{m.hour:02d}:59 UTC"


def _need(unit: Unit, count: int) -> float:
    """The px a label of this step needs."""
    chars = {"year": 5 if count == 10 else 4, "month": 3, "day": 2, "hour": 5, "minute": 5}[unit]
    return max(MIN_SPACING, chars * CHARACTER + LABEL_GAP)


def choose_step(scale: Scale, px: float) -> tuple[Unit, int]:
    """The finest step whose labels fit when the axis is ``px`` wide (at its narrowest scale)."""
    per_second = min((s.x1 - s.x0) / (s.hi - s.lo) for s in scale.segments) * px / 1000
    for unit, count in reversed(STEPS):
        if LENGTH[unit] * count * per_second >= _need(unit, count):
            return unit, count
    return STEPS[0]


def _next(ts: int, unit: Unit, count: int) -> int:
    """The tick after ``ts``: blocks restart at each larger unit (days at each month)."""
    following = floor(add(ts, unit, count), unit, count)
    return following if following > ts else add(ts, unit, count)


def ruler(scale: Scale, px: float) -> Ruler:
    """Ticks and context labels for ``scale`` drawn ``px`` wide."""
    unit, count = choose_step(scale, px)
    room = _need(unit, count) * 1000 / px  # in axis units
    ticks: list[Tick] = []
    context: list[Context] = []
    above = CONTEXT.get(unit)
    for segment in scale.segments:
        at = floor(segment.lo, unit, count)
        while at < segment.hi:
            if at >= segment.lo:
                label, named = _label(at, unit, count)
                step = Step(*unit_params(at, named)) if named != "minute" else None
                major = above is not None and floor(at, above) == at
                ticks.append(Tick(segment.x(at), label, _spoken(at, named), step, major))
                if above is not None and (major or not context):
                    context.append(Context(segment.x(at), _context(at, above)))
            at = _next(at, unit, count)
    if above is not None and not context and ticks:
        context.append(Context(ticks[0].x, _context(scale.segments[0].lo, above)))
    kept = _spread(ticks, scale, room)
    return Ruler(tuple(kept), tuple(_spread_context(context, room * 2.5)), unit)


def _spread(ticks: list[Tick], scale: Scale, room: float) -> list[Tick]:
    """Ticks kept apart by ``room`` and clear of the breaks; a major tick wins over its neighbour."""
    kept: list[Tick] = []
    for tick in ticks:
        if any(b.x0 - room / 2 < tick.x < b.x1 + room / 2 for b in scale.breaks):
            continue
        if kept and tick.x - kept[-1].x < room:
            if tick.major and not kept[-1].major:
                kept[-1] = tick
            continue
        kept.append(tick)
    return kept


def _spread_context(labels: list[Context], room: float) -> list[Context]:
    """Second-row labels that do not run into each other."""
    kept: list[Context] = []
    for label in labels:
        if not kept or label.x - kept[-1].x >= room:
            kept.append(label)
    return kept

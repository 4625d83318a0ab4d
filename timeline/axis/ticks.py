"""Tick marks and labels that adapt to the window: centuries and decades down to hours and minutes.

The step is the finest one whose labels keep apart at the layout's narrowest width, and whose
larger unit has room for its name. Each label is a link to its unit (a year, a month, a day…), and
a second row names the larger unit the ticks belong to ("Oct 2021" under the days of October);
:mod:`timeline.axis.labels` keeps all of them apart. Everything is in UTC.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from timeline.axis import words
from timeline.axis.calendar import Unit, add, floor, moment, unit_params
from timeline.axis.labels import BOLD, CHARACTER, GAP, Context, Label, Wanted, place
from timeline.axis.scale import Scale
from timeline.axis.window import Step

# (unit, count) from coarse to fine; a count of years is a block counted from year 0.
STEPS: tuple[tuple[Unit, int], ...] = (
    ("year", 1000), ("year", 500), ("year", 200), ("year", 100), ("year", 50), ("year", 20),
    ("year", 10), ("year", 5), ("year", 2), ("year", 1), ("month", 6), ("month", 3), ("month", 1),
    ("day", 7), ("day", 2), ("day", 1), ("hour", 12), ("hour", 6), ("hour", 3), ("hour", 2),
    ("hour", 1), ("minute", 30), ("minute", 15), ("minute", 10), ("minute", 5), ("minute", 1),
)  # fmt: skip
SPACE = 10.0  # px between tick labels (of the widest text of their step)
MIN_SPACING = 28.0  # px between ticks at least: labels are 24 px targets
CONTEXT: dict[Unit, Unit] = {"month": "year", "day": "month", "hour": "day", "minute": "day"}
# The shortest of each unit: steps are chosen so that even February's ticks keep apart.
SHORTEST: dict[Unit, int] = {
    "year": 365 * 86_400,
    "month": 28 * 86_400,
    "day": 86_400,
    "hour": 3_600,
    "minute": 60,
}


class Tick(NamedTuple):
    """One tick: its position, its label, and the unit its label zooms to."""

    x: float
    label: str
    name: str  # the label's accessible name: "Zoom to Oct 2021"
    step: Step | None
    major: bool  # the start of a larger unit (a year among months): drawn longer
    at: int  # the time it stands for
    line: bool = True  # False: a label naming a short segment between breaks, at its middle
    minor: bool = False  # between the ticks of the narrowest width: shown only where the axis is wider
    dx: float = 0.0  # px its label is moved inwards, at the ends of the axis


class Ruler(NamedTuple):
    """The ticks, context labels and break lengths of one layout."""

    ticks: tuple[Tick, ...]  # a tick whose label would run into another has none ("")
    context: tuple[Context, ...]
    unit: Unit
    room: float  # axis units between ticks at least: a label's hit area
    gaps: tuple[str, ...] = ()  # each break's length ("12 d"), "" where there is no room for it


def _label(ts: int, unit: Unit, count: int, language: str) -> tuple[str, Unit]:
    """A tick's label and the unit it names."""
    m = moment(ts)
    if unit == "year":
        if count == 10:
            return words.fill(words.messages(language)["decade"], str(m.year)), "decade"
        return str(m.year), "century" if count >= 100 else "year"
    if unit == "month":
        return words.month_short(m.month, language), "month"
    if unit == "day":
        return str(m.day), "day"
    return f"{m.hour:02d}:{m.minute:02d}", unit


def _context(ts: int, unit: Unit, language: str) -> str:
    """The second-row text for the larger unit starting at ``ts``."""
    m = moment(ts)
    if unit == "year":
        return str(m.year)
    if unit == "month":
        return words.month(m.year, m.month, language)
    return words.day(m.year, m.month, m.day, language)


def spoken(ts: int, unit: Unit, language: str) -> str:
    """A unit in words: "1960–1969", "2021", "Oct 2021", "5 Oct 2021", "5 Oct 2021, 08:00–08:59 UTC"."""
    m = moment(ts)
    if unit in ("century", "decade"):
        size = 100 if unit == "century" else 10
        return f"{m.year}–{m.year + size - 1}"
    if unit == "year":
        return str(m.year)
    if unit == "month":
        return words.month(m.year, m.month, language)
    day = words.day(m.year, m.month, m.day, language)
    if unit == "day":
        return day
    hour = words.fill(words.messages(language)["hour"], day, f"{m.hour:02d}:00")
    return hour.replace("\x02", f"{m.hour:02d}:59")


@lru_cache(maxsize=64)
def _widest(unit: Unit, count: int, language: str) -> int:
    """The characters of the longest label of this step ("Sept" among the months)."""
    if unit == "month":
        return max(len(words.month_short(month, language)) for month in range(1, 13))
    if unit == "year":
        return len(words.fill(words.messages(language)["decade"], "2000")) if count == 10 else 4
    return 2 if unit == "day" else 5


@lru_cache(maxsize=64)
def _widest_context(unit: Unit, language: str) -> int:
    """The characters of the longest name of a larger unit ("28 Sept 2021" among the days)."""
    if unit == "year":
        return 4
    if unit == "month":
        return max(len(words.month(2000, month, language)) for month in range(1, 13))
    return max(len(words.day(2000, month, 28, language)) for month in range(1, 13))


def _need(unit: Unit, count: int, language: str) -> float:
    """The px a label of this step needs."""
    return max(MIN_SPACING, _widest(unit, count, language) * CHARACTER + SPACE)


def choose_step(
    scale: Scale, px: float, language: str, within: tuple[Unit, int] | None = None
) -> tuple[Unit, int]:
    """The finest step whose labels fit when the axis is ``px`` wide (at its narrowest scale), and
    whose larger units are long enough to be named; with ``within``, only steps whose ticks include
    every tick of that coarser step."""
    per_second = min((s.x1 - s.x0) / (s.hi - s.lo) for s in scale.segments) * px / 1000
    for unit, count in reversed(STEPS):
        if within is not None and unit == within[0] and within[1] % count:
            continue  # 2-year ticks miss 2005: they do not refine 5-year ticks
        if SHORTEST[unit] * count * per_second < _need(unit, count, language) - 1e-9:
            continue
        above = CONTEXT.get(unit)
        if above is None or SHORTEST[above] * per_second >= _widest_context(above, language) * BOLD + GAP:
            return unit, count
    return STEPS[0]


def _next(ts: int, unit: Unit, count: int) -> int:
    """The tick after ``ts``: blocks restart at each larger unit (days at each month)."""
    following = floor(add(ts, unit, count), unit, count)
    return following if following > ts else add(ts, unit, count)


def _tick(
    x: float, at: int, unit: Unit, count: int, above: Unit | None, language: str, *, line: bool = True
) -> Tick:
    label, named = _label(at, unit, count, language)
    step = Step(*unit_params(at, named)) if named != "minute" else None
    major = line and above is not None and floor(at, above) == at
    name = words.fill(words.messages(language)["zoom"], spoken(at, named, language))
    return Tick(x, label, name, step, major, at, line)


def ruler(scale: Scale, px: float, wider: float | None = None, edge: float = 0.0) -> Ruler:
    """Ticks, context labels and break lengths for ``scale`` drawn ``px`` wide at least; with
    ``wider``, the extra (minor) ticks that fit when it is drawn that wide. Labels may reach
    ``edge`` px past the ends of the axis."""
    language = words.locale()
    unit, count = choose_step(scale, px, language)
    per_px = 1000 / px
    room = _need(unit, count, language) * per_px  # in axis units
    kept = _ticks(scale, unit, count, room, language)
    if wider is not None:
        fine_unit, fine_count = choose_step(scale, wider, language, within=(unit, count))
        if (fine_unit, fine_count) != (unit, count):
            room = _need(fine_unit, fine_count, language) * 1000 / wider
            coarse = {t.at: t for t in kept}  # these keep their labels: "1960", then "Jul" between
            fine = _ticks(scale, fine_unit, fine_count, room, language)
            if {t.at for t in fine} >= coarse.keys():
                kept = [
                    coarse[t.at]._replace(major=t.major) if t.at in coarse else t._replace(minor=True)
                    for t in fine
                ]
    above = CONTEXT.get(unit)
    wanted = _contexts(kept, scale, above, language) if above is not None else []
    labels = [Label(t.x, t.label, t.name, t.step, t.minor) for t in kept]
    gaps = [words.gap(b.lo, b.hi) for b in scale.breaks]
    placed = place(labels, wanted, scale.breaks, gaps, px, wider, edge)
    ticks = [
        t._replace(label=label.text, name=label.name, step=label.step, dx=label.dx)
        if label.text != t.label or label.dx
        else t
        for t, label in zip(kept, placed.labels, strict=True)
    ]
    for i, named in placed.named.items():  # a label naming its larger unit zooms to that unit
        assert above is not None
        zoom = words.fill(words.messages(language)["zoom"], spoken(named.start, above, language))
        ticks[i] = ticks[i]._replace(name=zoom, step=Step(*unit_params(named.start, above)))
    return Ruler(tuple(ticks), placed.context, unit, room, placed.gaps)


def _ticks(scale: Scale, unit: Unit, count: int, room: float, language: str) -> list[Tick]:
    """The ticks of one step in each segment (a label at its middle for a segment without any)."""
    above = CONTEXT.get(unit)
    kept: list[Tick] = []
    for segment in scale.segments:
        ticks, at = [], floor(segment.lo, unit, count)
        while at < segment.hi:
            if at >= segment.lo:
                ticks.append(_tick(segment.x(at), at, unit, count, above, language))
            at = _next(at, unit, count)
        ticks = _spread(ticks, scale, room)
        if not ticks:  # a short stretch between breaks: name it at its middle
            own = count if unit == "year" and count in (10, 100) else 1
            middle = floor((segment.lo + segment.hi) // 2, unit, own)
            ticks = [_tick((segment.x0 + segment.x1) / 2, middle, unit, own, above, language, line=False)]
        kept += ticks
    return _spread(kept, scale, room, breaks=False)


def _contexts(ticks: list[Tick], scale: Scale, above: Unit, language: str) -> list[Wanted]:
    """The larger units to name on the second row: at each major tick, and at the first tick after
    a break when its unit is not the one named last. Each covers the ticks up to the next."""
    found: list[Wanted] = []
    segments, at, seen, last = scale.segments, 0, -1, ""
    for i, tick in enumerate(ticks):
        while tick.x > segments[at].x1 + 1e-6:  # ticks and segments both run left to right
            at += 1
        if not tick.major and at == seen:
            continue
        seen, start = at, floor(tick.at, above)
        text = _context(start, above, language)
        if tick.major or text != last:
            if found:
                found[-1] = found[-1]._replace(stop=i)
            segment, m = segments[at], moment(start)
            lo = segment.x(start) if start >= segment.lo else segment.x0
            # Without its year only after a unit of the same year (years only grow along the axis).
            short = _short(m.month, m.day, above, language) if found and found[-1].year == m.year else ""
            found.append(Wanted(lo, tick.x, text, short, m.year, start, i, len(ticks)))
            last = text
    return found


def _short(month: int, day: int, above: Unit, language: str) -> str:
    """A larger unit with its year left out: "17 Oct", "Oct" ("" for a year)."""
    if above == "day":
        return words.day_short(month, day, language)
    return words.month_short(month, language) if above == "month" else ""


def _spread(ticks: list[Tick], scale: Scale, room: float, *, breaks: bool = True) -> list[Tick]:
    """Ticks kept apart by ``room`` and clear of the breaks; a major tick wins over its neighbour."""
    kept: list[Tick] = []
    for tick in ticks:
        if breaks and any(b.x0 - room / 2 < tick.x < b.x1 + room / 2 for b in scale.breaks):
            continue
        while kept and tick.x - kept[-1].x < room - 1e-6:  # (room may be the spacing, to a rounding)
            if not (tick.major and not kept[-1].major):
                break
            kept.pop()
        else:
            kept.append(tick)
    return kept

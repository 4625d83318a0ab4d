"""Calendar units in UTC: flooring, stepping and the ``from``/``to`` values that name a span.

Times are UTC seconds (as everywhere in :mod:`timeline.dates`); years run from 1 to 9999.
A *unit* is a calendar span: a century, decade, year, month, day, hour or minute.
"""

from __future__ import annotations

import calendar
import time
from typing import Literal, NamedTuple

from timeline.dates import MAX_TS, MIN_TS

Unit = Literal["century", "decade", "year", "month", "day", "hour", "minute"]
YEAR = 31_556_952  # the mean Gregorian year, for comparing lengths only
# Approximate lengths, coarsest first: for choosing a unit, never for stepping.
LENGTH: dict[Unit, int] = {
    "century": 100 * YEAR,
    "decade": 10 * YEAR,
    "year": YEAR,
    "month": YEAR // 12,
    "day": 86_400,
    "hour": 3_600,
    "minute": 60,
}
UNITS: tuple[Unit, ...] = tuple(LENGTH)
YEARS: dict[Unit, int] = {"century": 100, "decade": 10, "year": 1}


class Moment(NamedTuple):
    """The calendar fields of a UTC instant."""

    year: int
    month: int
    day: int
    hour: int
    minute: int


def moment(ts: int) -> Moment:
    """The calendar fields of ``ts`` (clamped to years 1–9999)."""
    at = time.gmtime(min(max(ts, MIN_TS), MAX_TS - 1))  # C speed; proleptic Gregorian, as datetime
    return Moment(at.tm_year, at.tm_mon, at.tm_mday, at.tm_hour, at.tm_min)


def stamp(year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0) -> int:
    """UTC seconds of a calendar moment; years past 9999 give the end of the calendar."""
    if year > 9999:
        return MAX_TS
    if year < 1:
        return MIN_TS
    return calendar.timegm((year, month, day, hour, minute, 0))


def floor(ts: int, unit: Unit, step: int = 1) -> int:
    """The start of the unit (or of the ``step``-unit block, counted from the unit above) holding ``ts``."""
    m = moment(ts)
    if unit in YEARS:
        size = YEARS[unit] * step
        return stamp(max(1, m.year - m.year % size))
    if unit == "month":
        return stamp(m.year, m.month - (m.month - 1) % step)
    if unit == "day":
        return stamp(m.year, m.month, m.day - (m.day - 1) % step)
    if unit == "hour":
        return stamp(m.year, m.month, m.day, m.hour - m.hour % step)
    return stamp(m.year, m.month, m.day, m.hour, m.minute - m.minute % step)


def add(ts: int, unit: Unit, count: int) -> int:
    """``ts`` (a unit boundary) moved by ``count`` units; clamped to the calendar's ends."""
    if unit in YEARS or unit == "month":
        m = moment(ts)
        months = m.month - 1 + (count if unit == "month" else count * YEARS[unit] * 12)
        year = m.year + months // 12
        if year < 1:
            return MIN_TS
        return stamp(year, months % 12 + 1, m.day, m.hour, m.minute)
    seconds = {"day": 86_400, "hour": 3_600, "minute": 60}[unit]
    return min(max(ts + count * seconds, MIN_TS), MAX_TS)


def param(ts: int, unit: Unit) -> str:
    """The ``from``/``to`` value naming the unit that starts at ``ts``: 2021, 2021-10, 2021-10-05T08Z…"""
    m = moment(ts)
    if unit in YEARS or unit == "year":
        return f"{m.year:04d}"
    if unit == "month":
        return f"{m.year:04d}-{m.month:02d}"
    day = f"{m.year:04d}-{m.month:02d}-{m.day:02d}"
    if unit == "day":
        return day
    if unit == "hour":
        return f"{day}T{m.hour:02d}Z"
    return f"{day}T{m.hour:02d}:{m.minute:02d}Z"


def unit_span(ts: int, unit: Unit) -> tuple[int, int]:
    """``[start, end)`` of the unit holding ``ts``."""
    start = floor(ts, unit)
    return start, add(start, unit, 1)


def unit_params(ts: int, unit: Unit) -> tuple[str, str]:
    """``from`` and ``to`` selecting exactly the unit that holds ``ts`` (a decade: 1960 to 1969)."""
    start, end = unit_span(ts, unit)
    if unit in ("century", "decade"):
        return param(start, "year"), param(end - 1, "year")
    return param(start, unit), param(start, unit)


def grain(length: int) -> Unit:
    """The unit in which a window of ``length`` seconds is written: years for long windows, then finer."""
    for unit in ("year", "month", "day", "hour"):
        if length >= 2 * LENGTH[unit]:
            return unit
    return "minute"


def window_params(lo: int, hi: int) -> tuple[str, str]:
    """``from``/``to`` covering ``[lo, hi)``, rounded outwards to whole units of its grain."""
    unit = grain(hi - lo)
    return param(floor(lo, unit), unit), param(floor(max(lo, hi - 1), unit), unit)

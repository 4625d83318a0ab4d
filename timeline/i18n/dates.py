"""Dates as readers see them, in their language, honest to precision, uncertainty and zone.

"5 Oct 2021, 08:55 UTC (13:55 Baikonur time)", "c. Dec 2021", "before 1 Jun 2021", "1960s":
the words around a date ("c.", "before", "time") are catalog messages; month names, date
patterns and numbers come from CLDR through Babel, in the current language's locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton, format_time

from timeline.dates import FlexDate, Point, Precision, age_range
from timeline.i18n import _, cldr, format_locale, ngettext
from timeline.i18n.words import number


@lru_cache(maxsize=4096)
def _formatted(day: date, skeleton: str, locale: str) -> str:
    """CLDR's text of ``day`` in ``skeleton`` (pure: kept, as pages and exports repeat days)."""
    composed = cldr.compose(day, cldr.skeleton_pattern(skeleton, locale), locale)
    return composed or format_skeleton(skeleton, day, locale=cldr.locale(locale))


def _format(day: date, skeleton: str) -> str:
    return _formatted(day, skeleton, format_locale())


@lru_cache(maxsize=4096)
def _clock_text(wall: time, pattern: str, locale: str) -> str:
    """CLDR's text of a wall-clock time (pure: kept; ``wall`` is naive, so no two zones share a key)."""
    return cldr.compose(wall, pattern, locale) or format_time(wall, pattern, locale=cldr.locale(locale))


def _wall_clock(moment: datetime, pattern: str) -> str:
    return _clock_text(moment.time(), pattern, format_locale())


def zone_label(zone: ZoneInfo, label: str | None) -> str:
    """The words readers see for a zone: the curated label or the zone's city."""
    if label:
        return label
    return zone.key.rsplit("/", 1)[-1].replace("_", " ")


def day_text(day: date) -> str:
    """A calendar day: "5 Oct 2021" ("5 окт. 2021 г.")."""
    return _format(day, "yMMMd")


def month_text(year: int, month: int) -> str:
    """A month of a year: "Oct 2021"."""
    return _format(date(year, month, 1), "yMMM")


def month_name(month: int) -> str:
    """A month's short name, standing alone: "Oct"."""
    return _format(date(2000, month, 1), "MMM")


def _calendar_text(point: Point) -> str:
    if point.unspecified:
        return _unspecified_text(point)
    if point.month is None:
        return str(point.year)
    if point.day is None:
        return month_text(point.year, point.month)
    return day_text(date(point.year, point.month, point.day))


def _unspecified_text(point: Point) -> str:
    """Dates with unknown digits: "Apr 1985 (day unknown)", "2021 (month unknown)", "1960s"."""
    if point.month is not None:
        return _("%(date)s (day unknown)", date=month_text(point.year, point.month))
    if point.unspecified.endswith("-XX-XX"):
        return _("%(year)s (month and day unknown)", year=point.year)
    if point.unspecified.endswith("-XX"):
        return _("%(year)s (month unknown)", year=point.year)
    return _("%(start)ss", start=point.unspecified.replace("X", "0"))


def _clock(moment: datetime, precision: Precision, *, seconds: bool) -> str:
    pattern = "HH:mm:ss" if seconds and precision is Precision.SECOND else "HH:mm"
    return _wall_clock(moment, pattern)


def _instant_text(
    utc: datetime, point: Point, zone: ZoneInfo | None, label: str | None, seconds: bool
) -> str:
    """ "5 Oct 2021, 08:55 UTC (13:55 Baikonur time)"."""
    text = _(
        "%(day)s, %(clock)s UTC",
        day=day_text(utc.date()),
        clock=_clock(utc, point.precision, seconds=seconds),
    )
    if zone is None:
        return text
    local = utc.astimezone(zone)
    clock = _clock(local, point.precision, seconds=seconds)
    if local.date() != utc.date():
        short = _format(local.date(), "MMMd")
        clock = _("%(clock)s on %(day)s", clock=clock, day=short)
    return _("%(when)s (%(clock)s %(place)s time)", when=text, clock=clock, place=zone_label(zone, label))


def point_text(
    point: Point, zone: ZoneInfo | None = None, label: str | None = None, *, seconds: bool = False
) -> str:
    """Display one point honestly: "1957", "Dec 2021", "5 Oct 2021, 08:55 UTC (13:55 Baikonur time)"."""
    utc = point.utc
    text = _calendar_text(point) if utc is None else _instant_text(utc, point, zone, label, seconds)
    if point.approximate:
        text = _("c. %(date)s", date=text)
    if point.uncertain:
        text = _("%(date)s?", date=text)
    return text


def date_text(
    value: FlexDate,
    end: FlexDate | None = None,
    zone: ZoneInfo | None = None,
    label: str | None = None,
    *,
    seconds: bool = False,
) -> str:
    """Display a whole event date (with its optional separate end)."""

    def shown(point: Point) -> str:
        return point_text(point, zone, label, seconds=seconds)

    if not value.interval and end is None:
        assert value.start is not None
        return shown(value.start)
    if not value.interval:
        assert value.start is not None
        assert end is not None
        return _(
            "%(start)s – %(end)s",
            start=shown(value.start),
            end=date_text(end, None, zone, label, seconds=seconds),
        )
    if value.start is None:
        assert value.end is not None
        right = shown(value.end)
        return _("before %(date)s", date=right) if value.open_start else _("? – %(date)s", date=right)
    left = shown(value.start)
    if value.end is None:
        return _("after %(date)s", date=left) if value.open_end else _("%(date)s – ?", date=left)
    return _("%(start)s – %(end)s", start=left, end=shown(value.end))


@dataclass(frozen=True, slots=True)
class LocalDay:
    """The calendar day and clock time of an instant in one place."""

    place: str
    day: str
    clock: str


def local_days(point: Point, places: list[tuple[str, ZoneInfo]]) -> list[LocalDay]:
    """The instant's local day and time in each named zone (UTC first)."""
    utc = point.utc
    assert utc is not None
    rows = [LocalDay("UTC", day_text(utc.date()), _wall_clock(utc, "HH:mm"))]
    for name, zone in places:
        local = utc.astimezone(zone)
        clock = _wall_clock(local, "HH:mm")
        rows.append(LocalDay(name, day_text(local.date()), f"{clock} {local.tzname()}"))
    return rows


def age_text(born: date, value: FlexDate) -> str | None:
    """Age at the event in words: "aged 37", "aged 36–37" (a span straddling a birthday)."""
    ages = age_range(born, value)
    if ages is None:
        return None
    young, old = ages
    shown = number(young) if young == old else f"{number(young)}–{number(old)}"
    return ngettext("aged %(count)s", "aged %(count)s", old, count=shown)

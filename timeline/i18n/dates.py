"""Dates as readers see them, in their language, honest to precision, uncertainty and zone.

"5 Oct 2021, 08:55 UTC (13:55 Baikonur time)", "c. Dec 2021", "before 1 Jun 2021", "1960s":
the words around a date ("c.", "before", "time") are catalog messages; month names, date
patterns and numbers come from CLDR through Babel, in the current language's locale.

A date after a word that governs it ("c.", "before", "after") is written in its *governed*
form: CLDR's format-context month names, which in Russian are the genitive («около декабря
2021 г.», «до 1 июня 2021 г.»), where a date standing alone uses the nominative
(«дек. 2021 г.»). Languages in :data:`WIDE_WHEN_GOVERNED` write the month out there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from timeline.dates import FlexDate, Point, Precision, age_range
from timeline.i18n import _, cldr, format_locale, language, ngettext, pgettext
from timeline.i18n.words import number

# Russian abbreviates months in a date standing alone (5 окт. 2021 г.) but writes them out in
# the genitive after a preposition (около декабря 2021 г., до 1 июня 2021 г.).
WIDE_WHEN_GOVERNED = frozenset({"ru"})
_MONTH_FIELD = re.compile(r"[LM]+")


@cache
def _pattern(locale: str, skeleton: str, governed: bool) -> str:
    """The CLDR pattern for ``skeleton``; governed: format-context months (the genitive in Russian)."""
    pattern = cldr.skeleton_pattern(skeleton, locale)
    if not governed:
        return pattern
    wide = locale.split("_")[0] in WIDE_WHEN_GOVERNED
    parts = pattern.split("'")  # even parts are pattern letters, odd ones quoted literals
    for i in range(0, len(parts), 2):
        parts[i] = _MONTH_FIELD.sub(lambda m: "MMMM" if wide else "M" * len(m.group()), parts[i])
    return "'".join(parts)


@lru_cache(maxsize=4096)
def _formatted(day: date, pattern: str, locale: str) -> str:
    """CLDR's text of ``day`` in ``pattern`` (pure: kept, as pages and exports repeat days)."""
    return cldr.compose(day, pattern, locale) or format_date(day, pattern, locale=cldr.locale(locale))


def _format(day: date, skeleton: str, *, governed: bool = False) -> str:
    locale = format_locale()
    return _formatted(day, _pattern(locale, skeleton, governed), locale)


@lru_cache(maxsize=4096)
def _clock_text(wall: time, pattern: str, locale: str) -> str:
    """CLDR's text of a wall-clock time (pure: kept; ``wall`` is naive, so no two zones share a key)."""
    return cldr.compose(wall, pattern, locale) or format_time(wall, pattern, locale=cldr.locale(locale))


def _wall_clock(moment: datetime, pattern: str) -> str:
    return _clock_text(moment.time(), pattern, format_locale())


def zone_city(zone: ZoneInfo) -> str:
    """The city that names a zone, in the page's language (CLDR), else from its key."""
    city: str | None = cldr.locale(format_locale()).time_zones.get(zone.key, {}).get("city")
    return city or zone.key.rsplit("/", 1)[-1].replace("_", " ")


def zone_label(zone: ZoneInfo, label: str | None) -> str:
    """The words readers see for a zone: the curated label or the zone's city."""
    return label or zone_city(zone)


def day_text(day: date, *, governed: bool = False) -> str:
    """A calendar day: "5 Oct 2021" ("5 окт. 2021 г."; governed: "5 октября 2021 г.")."""
    return _format(day, "yMMMd", governed=governed)


def day_month_text(day: date) -> str:
    """A calendar day, its year left out (said nearby): "5 Oct" ("5 окт.")."""
    return _format(day, "MMMd")


def month_text(year: int, month: int, *, governed: bool = False) -> str:
    """A month of a year: "Oct 2021" ("окт. 2021 г."; governed: "октября 2021 г.")."""
    return _format(date(year, month, 1), "yMMM", governed=governed)


def month_name(month: int) -> str:
    """A month's short name, standing alone: "Oct"."""
    return _format(date(2000, month, 1), "MMM")


def year_text(year: int, *, governed: bool = False) -> str:
    """A year as a date: "2021" (governed, in Russian: "2021 г.")."""
    text = _format(date(year, 1, 1), "y")
    return pgettext("a year after a preposition: c. 2021", "%(year)s", year=text) if governed else text


def _calendar_text(point: Point, governed: bool) -> str:
    if point.unspecified:
        return _unspecified_text(point, governed)
    if point.month is None:
        return year_text(point.year, governed=governed)
    if point.day is None:
        return month_text(point.year, point.month, governed=governed)
    return day_text(date(point.year, point.month, point.day), governed=governed)


def _unspecified_text(point: Point, governed: bool) -> str:
    """Dates with unknown digits: "Apr 1985 (day unknown)", "2021 (month unknown)", "1960s"."""
    if point.month is not None:
        return _("%(date)s (day unknown)", date=month_text(point.year, point.month, governed=governed))
    if point.unspecified.endswith("-XX-XX"):
        return _("%(year)s (month and day unknown)", year=year_text(point.year))
    if point.unspecified.endswith("-XX"):
        return _("%(year)s (month unknown)", year=year_text(point.year))
    start = point.unspecified.replace("X", "0")
    if governed:
        return pgettext("a decade after a preposition: c. 1960s", "%(start)ss", start=start)
    return _("%(start)ss", start=start)


def _clock(moment: datetime, precision: Precision, *, seconds: bool) -> str:
    pattern = "HH:mm:ss" if seconds and precision is Precision.SECOND else "HH:mm"
    return _wall_clock(moment, pattern)


def _instant_text(
    utc: datetime, point: Point, zone: ZoneInfo | None, label: str | None, seconds: bool, governed: bool
) -> str:
    """ "5 Oct 2021, 08:55 UTC (13:55 Baikonur time)"."""
    text = _(
        "%(day)s, %(clock)s UTC",
        day=day_text(utc.date(), governed=governed),
        clock=_clock(utc, point.precision, seconds=seconds),
    )
    if zone is None:
        return text
    local = utc.astimezone(zone)
    clock = _clock(local, point.precision, seconds=seconds)
    if local.date() != utc.date():
        short = _format(local.date(), "MMMd")
        clock = _("%(clock)s on %(day)s", clock=clock, day=short)
    if label:
        # Translators: a curated label of the local time ("Baikonur"); Russian labels are written
        # in the genitive («по времени Байконура»).
        return _("%(when)s (%(clock)s %(place)s time)", when=text, clock=clock, place=label)
    return pgettext(
        "the zone's city, in the nominative",
        "%(when)s (%(clock)s %(place)s time)",
        when=text,
        clock=clock,
        place=zone_city(zone),
    )


def point_text(
    point: Point,
    zone: ZoneInfo | None = None,
    label: str | None = None,
    *,
    seconds: bool = False,
    governed: bool = False,
) -> str:
    """Display one point honestly: "1957", "Dec 2021", "5 Oct 2021, 08:55 UTC (13:55 Baikonur time)"."""
    utc = point.utc
    inner = governed or point.approximate  # "c." governs the date after it
    if utc is None:
        text = _calendar_text(point, inner)
    else:
        text = _instant_text(utc, point, zone, label, seconds, inner)
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
    """Display a whole event date (with its optional separate end).

    ``label`` names the local time of ``zone`` in the page's language; without one, the
    zone's city (CLDR) is named.
    """

    def shown(point: Point, *, governed: bool = False) -> str:
        return point_text(point, zone, label, seconds=seconds, governed=governed)

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
        if value.open_start:
            return _("before %(date)s", date=shown(value.end, governed=True))
        return _("? – %(date)s", date=shown(value.end))
    if value.end is None:
        if value.open_end:
            return _("after %(date)s", date=shown(value.start, governed=True))
        return _("%(date)s – ?", date=shown(value.start))
    return _("%(start)s – %(end)s", start=shown(value.start), end=shown(value.end))


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


def place_names(
    zone: ZoneInfo | None, label: str | None, reference: list[tuple[str, ZoneInfo]]
) -> list[tuple[str, ZoneInfo]]:
    """The rows of a local-day table: the event's zone (labelled), then the reference zones.

    Reference zones are named as configured (in English) on English pages, and by their CLDR
    city in other languages.
    """
    english = language() == "en"
    places = [(name if english else zone_city(key), key) for name, key in reference]
    if zone is not None:
        # Translators: a row of the local-time table, named by the label of the event's local
        # time (in Russian the genitive: «время Байконура»).
        own = (
            pgettext("a row of the local-time table", "%(place)s", place=label) if label else zone_city(zone)
        )
        places.insert(0, (own, zone))
    return places


def age_text(born: date, value: FlexDate) -> str | None:
    """Age at the event in words: "aged 37", "aged 36–37" (a span straddling a birthday)."""
    ages = age_range(born, value)
    if ages is None:
        return None
    young, old = ages
    shown = number(young) if young == old else f"{number(young)}–{number(old)}"
    return ngettext("aged %(count)s", "aged %(count)s", old, count=shown)

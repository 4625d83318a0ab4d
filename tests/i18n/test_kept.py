"""Kept CLDR texts read exactly as Babel writes them, for any value, in any locale.

Days, months, clock times and numbers are formatted once and kept, and a day or time not seen
before is composed from kept field texts (see ``timeline.i18n.cldr``, ``timeline.i18n.dates``
and ``timeline.i18n.words``); the text must be the one Babel would write now, whatever was
asked before it: a moment in one zone never answers for the same instant in another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_skeleton, format_time
from babel.localedata import locale_identifiers
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import parse_date
from timeline.i18n import FORMATS, cldr
from timeline.i18n.dates import _clock_text, _formatted, _pattern, local_days
from timeline.i18n.words import _number

LOCALES = st.sampled_from(sorted(set(FORMATS.values())))
EVERY_LOCALE = st.sampled_from(sorted(locale_identifiers()))
ZONES = [ZoneInfo(key) for key in ("Asia/Qyzylorda", "America/Los_Angeles", "Australia/Lord_Howe", "UTC")]
SKELETONS = st.sampled_from(["yMMMd", "yMMM", "MMM", "MMMd", "y"])  # every one timeline.i18n.dates asks for
PATTERNS = st.sampled_from(["HH:mm", "HH:mm:ss"])


@settings(deadline=None)  # the first example in a locale loads its data
@given(days=st.lists(st.dates(), min_size=1, max_size=5), skeleton=SKELETONS, locale=LOCALES)
def test_a_day_reads_as_babel_writes_it(days: list[date], skeleton: str, locale: str) -> None:
    standing, governed = _pattern(locale, skeleton, False), _pattern(locale, skeleton, True)
    for day in [*days, *days]:  # the second time from what was kept
        assert _formatted(day, standing, locale) == format_skeleton(skeleton, day, locale=locale)
        assert _formatted(day, governed, locale) == format_date(
            day, governed, locale=locale
        )  # «около декабря»


MOMENTS = st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.just(UTC))


@settings(deadline=None)  # the first example in a locale loads its data
@given(moment=MOMENTS)
def test_local_clocks_read_as_babel_writes_them_in_every_zone(moment: datetime) -> None:
    point = parse_date(f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S}Z").start
    assert point is not None
    places = [(zone.key, zone) for zone in ZONES]
    locals_ = [moment.astimezone(zone) for zone in ZONES]
    clocks = [format_time(moment, "HH:mm", locale=FORMATS["en"])]
    clocks += [f"{format_time(local, 'HH:mm', locale=FORMATS['en'])} {local.tzname()}" for local in locals_]
    for _ in range(2):  # the second time from what was kept
        assert [row.clock for row in local_days(point, places)] == clocks


@settings(deadline=None)  # the first example in a locale loads its data
@given(moment=MOMENTS, pattern=PATTERNS, locale=LOCALES)
def test_a_clock_reads_as_babel_writes_it_in_every_language(
    moment: datetime, pattern: str, locale: str
) -> None:
    for local in [moment, *(moment.astimezone(zone) for zone in ZONES)]:
        assert _clock_text(local.time(), pattern, locale) == format_time(local, pattern, locale=locale)


@settings(deadline=None)  # the first example in a locale loads its data
@given(value=st.integers(min_value=-(10**12), max_value=10**12), locale=LOCALES)
def test_a_number_reads_as_babel_writes_it(value: int, locale: str) -> None:
    assert _number(value, locale) == format_decimal(value, locale=locale)
    assert _number(value, locale) == format_decimal(value, locale=locale)


def outcome(write: Callable[[], str]) -> str:
    """What ``write`` writes, or the error it raises."""
    try:
        return write()
    except (KeyError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"


@settings(deadline=None)  # the first example in a locale loads its data
@given(
    day=st.dates(),
    moment=st.times(),
    locale=EVERY_LOCALE,
    skeleton=st.sampled_from(["yMMMd", "yMMM", "MMM", "MMMd", "yMMMEd", "yQQQ", "GyMMMd"]),
    pattern=st.sampled_from(["HH:mm", "HH:mm:ss", "h:mm a", "HH:mm:ss zzzz", "H 'h' mm"]),
)
def test_composed_texts_are_babels_in_every_locale_and_pattern(
    day: date, moment: time, locale: str, skeleton: str, pattern: str
) -> None:
    # Patterns with a field that reads more than one part (weekday, era, quarter, zone, AM/PM) go to Babel.
    assert outcome(lambda: _formatted(day, cldr.skeleton_pattern(skeleton, locale), locale)) == outcome(
        lambda: format_skeleton(skeleton, day, locale=locale)
    )
    assert outcome(lambda: _clock_text(moment, pattern, locale)) == outcome(
        lambda: format_time(moment, pattern, locale=locale)
    )

"""Kept CLDR texts read exactly as Babel writes them, for any value, in every language's locale.

Days, months, clock times and numbers are formatted once and kept (see ``timeline.i18n.dates``
and ``timeline.i18n.words``); a kept text must be the one Babel would write now, whatever was
asked before it: a moment in one zone never answers for the same instant in another.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton, format_time
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from timeline.dates import parse_date
from timeline.i18n import FORMATS
from timeline.i18n.dates import _clock_text, _formatted, local_days
from timeline.i18n.words import _number

LOCALES = st.sampled_from(sorted(set(FORMATS.values())))
ZONES = [ZoneInfo(key) for key in ("Asia/Qyzylorda", "America/Los_Angeles", "Australia/Lord_Howe", "UTC")]
SKELETONS = st.sampled_from(["yMMMd", "yMMM", "MMM", "MMMd"])  # every one timeline.i18n.dates asks for
PATTERNS = st.sampled_from(["HH:mm", "HH:mm:ss"])


@given(days=st.lists(st.dates(), min_size=1, max_size=5), skeleton=SKELETONS, locale=LOCALES)
def test_a_day_reads_as_babel_writes_it(days: list[date], skeleton: str, locale: str) -> None:
    for day in [*days, *days]:  # the second time from what was kept
        assert _formatted(day, skeleton, locale) == format_skeleton(skeleton, day, locale=locale)


MOMENTS = st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.just(UTC))


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


@given(moment=MOMENTS, pattern=PATTERNS, locale=LOCALES)
def test_a_clock_reads_as_babel_writes_it_in_every_language(
    moment: datetime, pattern: str, locale: str
) -> None:
    for local in [moment, *(moment.astimezone(zone) for zone in ZONES)]:
        assert _clock_text(local.time(), pattern, locale) == format_time(local, pattern, locale=locale)


@given(value=st.integers(min_value=-(10**12), max_value=10**12), locale=LOCALES)
def test_a_number_reads_as_babel_writes_it(value: int, locale: str) -> None:
    assert _number(value, locale) == format_decimal(value, locale=locale)
    assert _number(value, locale) == format_decimal(value, locale=locale)

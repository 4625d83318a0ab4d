"""Calendar units in UTC: flooring, stepping, and the from/to values that name a unit or a window."""

from __future__ import annotations

import calendar as cal

import pytest

from timeline.axis.calendar import add, floor, grain, moment, param, unit_params, unit_span, window_params
from timeline.dates import MAX_TS, MIN_TS, parse_filter_date


def ts(year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0) -> int:
    return cal.timegm((year, month, day, hour, minute, 0))


LAUNCH = ts(2021, 10, 5, 8, 55)


@pytest.mark.parametrize(
    ("unit", "start", "name"),
    [
        ("century", ts(2000), ("2000", "2099")),
        ("decade", ts(2020), ("2020", "2029")),
        ("year", ts(2021), ("2021", "2021")),
        ("month", ts(2021, 10), ("2021-10", "2021-10")),
        ("day", ts(2021, 10, 5), ("2021-10-05", "2021-10-05")),
        ("hour", ts(2021, 10, 5, 8), ("2021-10-05T08Z", "2021-10-05T08Z")),
        ("minute", ts(2021, 10, 5, 8, 55), ("2021-10-05T08:55Z", "2021-10-05T08:55Z")),
    ],
)
def test_each_unit_is_named_by_from_to_values_that_select_exactly_it(
    unit: str, start: int, name: tuple[str, str]
) -> None:
    assert floor(LAUNCH, unit) == start  # type: ignore[arg-type]
    assert unit_params(LAUNCH, unit) == name  # type: ignore[arg-type]
    lo, hi = unit_span(LAUNCH, unit)  # type: ignore[arg-type]
    assert (parse_filter_date(name[0]).lo, parse_filter_date(name[1]).hi) == (lo, hi)


def test_steps_follow_the_calendar_not_a_fixed_length() -> None:
    assert add(ts(2021, 1), "month", 1) == ts(2021, 2)
    assert add(ts(2021, 2), "month", 1) - ts(2021, 2) == 28 * 86400
    assert add(ts(2024, 2), "month", 1) - ts(2024, 2) == 29 * 86400  # a leap year
    assert add(ts(2021, 12), "month", 1) == ts(2022, 1)
    assert add(ts(2021, 1), "month", -1) == ts(2020, 12)
    assert add(ts(2020), "decade", 1) == ts(2030)
    assert add(ts(2021, 10, 31), "day", 1) == ts(2021, 11, 1)


def test_the_ends_of_the_calendar_hold() -> None:
    assert floor(MIN_TS, "century") == MIN_TS  # year 1, not year 0
    assert moment(MAX_TS + 10**9).year == 9999
    assert add(ts(9999), "year", 1) == MAX_TS
    assert add(ts(1), "year", -1) == MIN_TS


def test_blocks_of_several_units_start_at_round_values() -> None:
    assert floor(ts(1957, 10, 4), "year", 5) == ts(1955)
    assert floor(ts(2021, 10, 5), "month", 3) == ts(2021, 10)
    assert floor(ts(2021, 11, 5), "month", 3) == ts(2021, 10)
    assert floor(ts(2021, 10, 5, 8), "hour", 6) == ts(2021, 10, 5, 6)
    assert floor(ts(2021, 10, 9), "day", 7) == ts(2021, 10, 8)


@pytest.mark.parametrize(
    ("lo", "hi", "unit", "values"),
    [
        (ts(1957, 10, 4), ts(2023, 4, 21), "year", ("1957", "2023")),
        (ts(2021, 4, 9), ts(2021, 12, 20), "month", ("2021-04", "2021-12")),
        (ts(2021, 10, 5, 8), ts(2021, 10, 17, 5), "day", ("2021-10-05", "2021-10-17")),
        (ts(2021, 10, 5, 8, 55), ts(2021, 10, 5, 12, 23), "hour", ("2021-10-05T08Z", "2021-10-05T12Z")),
        (
            ts(2021, 10, 5, 8, 55),
            ts(2021, 10, 5, 9, 10),
            "minute",
            ("2021-10-05T08:55Z", "2021-10-05T09:09Z"),
        ),
    ],
)
def test_a_window_is_written_in_the_unit_its_length_deserves_and_rounded_outwards(
    lo: int, hi: int, unit: str, values: tuple[str, str]
) -> None:
    assert grain(hi - lo) == unit
    assert window_params(lo, hi) == values
    assert parse_filter_date(values[0]).lo <= lo
    assert parse_filter_date(values[1]).hi >= hi
    assert param(lo, unit) == values[0]  # type: ignore[arg-type]

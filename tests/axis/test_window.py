"""The window the axis shows, and the windows one zoom or pan step away."""

from __future__ import annotations

import calendar as cal

import pytest

from timeline.axis.bits import Bits
from timeline.axis.window import ALL, Step, Window, choose, extent, pan, unit_of, zoom_in, zoom_out, zoom_unit
from timeline.dates import parse_filter_date
from timeline.model import Timeline
from timeline.query import Query


def ts(year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0) -> int:
    return cal.timegm((year, month, day, hour, minute, 0))


def window(start: str, end: str) -> Window:
    chosen = choose(Query(start=start, end=end), None)
    assert chosen is not None
    return chosen


def test_the_events_extent_runs_from_the_first_anchor_to_the_last_end(story: Timeline) -> None:
    first, last = extent(story.index, Bits(story.index.all)) or (0, 0)
    assert first == ts(1957, 10, 4, 19, 28)  # Sputnik 1
    assert last == ts(2023, 4, 21)  # the end of 20 Apr 2023, the last day with an event


def test_without_dates_the_window_is_the_extent_a_little_widened() -> None:
    found = (ts(2000), ts(2010))
    shown = choose(Query(), found)
    assert shown is not None
    assert not shown.chosen
    assert shown.lo < ts(2000) < ts(2010) < shown.hi
    assert shown.length < 1.05 * (ts(2010) - ts(2000))
    assert choose(Query(), None) is None  # nothing matches: no axis


def test_dates_are_the_window_and_an_open_side_is_completed_by_the_events() -> None:
    found = (ts(1957), ts(2023, 4, 21))
    assert choose(Query(start="2021-10", end="2021-10"), found) == Window(
        ts(2021, 10), ts(2021, 11), True, "month"
    )
    assert choose(Query(start="2021-10-05T08Z", end="2021-10-05T08:30Z"), found) == Window(
        ts(2021, 10, 5, 8), ts(2021, 10, 5, 8, 31), True, None
    )
    assert choose(Query(start="2021"), found) == Window(ts(2021), ts(2023, 4, 21), True, None)
    assert choose(Query(end="1960"), found) == Window(ts(1957), ts(1961), True, None)
    assert choose(Query(start="2030"), found) == Window(ts(2030), ts(2031), True, "year")  # after every event


@pytest.mark.parametrize(
    ("lo", "hi", "unit"),
    [
        (ts(1900), ts(2000), "century"),
        (ts(1960), ts(1970), "decade"),
        (ts(2021), ts(2022), "year"),
        (ts(2021, 10), ts(2021, 11), "month"),
        (ts(2021, 10, 5), ts(2021, 10, 6), "day"),
        (ts(2021, 10, 5, 8), ts(2021, 10, 5, 9), "hour"),
        (ts(2021, 10), ts(2021, 12), None),
        (ts(1961), ts(1971), None),
    ],
)
def test_a_window_knows_the_calendar_unit_it_is(lo: int, hi: int, unit: str | None) -> None:
    assert unit_of(lo, hi) == unit


@pytest.mark.parametrize(
    ("start", "end", "at", "step"),
    [
        ("1957", "2023", ts(2021, 5, 13), Step("2021", "2021")),  # 67 years: to the year
        ("1000", "2023", ts(1961, 4, 12), Step("1900", "1999")),  # ten centuries: to the century
        ("1900", "2023", ts(1961, 4, 12), Step("1960", "1969")),  # 124 years: to the decade
        ("2021", "2021", ts(2021, 10, 5), Step("2021-10", "2021-10")),
        ("2021-10", "2021-10", ts(2021, 10, 5, 8, 55), Step("2021-10-05", "2021-10-05")),
        ("2021-10-05", "2021-10-05", ts(2021, 10, 5, 8, 55), Step("2021-10-05T08Z", "2021-10-05T08Z")),
        (
            "2021-10-05T08Z",
            "2021-10-05T08Z",
            ts(2021, 10, 5, 8, 55),
            Step("2021-10-05T08:45Z", "2021-10-05T08:59Z"),
        ),
    ],
)
def test_zooming_in_lands_on_the_calendar_unit_holding_the_centre(
    start: str, end: str, at: int, step: Step
) -> None:
    assert zoom_in(window(start, end), at) == step


def test_zooming_in_stops_at_a_quarter_of_an_hour() -> None:
    assert zoom_unit(3600) is None
    assert zoom_in(window("2021-10-05T08:00Z", "2021-10-05T08:14Z"), ts(2021, 10, 5, 8, 5)) is None


def test_zooming_out_climbs_the_units_and_ends_at_every_date() -> None:
    found = (ts(1957, 10, 4), ts(2023, 4, 21))
    assert zoom_out(window("2021-10-05T08Z", "2021-10-05T08Z"), found) == Step("2021-10-05", "2021-10-05")
    assert zoom_out(window("2021-10-05", "2021-10-05"), found) == Step("2021-10", "2021-10")
    assert zoom_out(window("2021-10", "2021-10"), found) == Step("2021", "2021")
    assert zoom_out(window("2021", "2021"), found) == Step("2020", "2029")
    assert zoom_out(window("2020", "2029"), found) == Step("2000", "2099")
    assert zoom_out(window("2000", "2099"), found) == ALL  # a wider unit would hold every event
    wider = zoom_out(window("1991", "2000"), found)  # not a unit: three times as long, same middle
    assert wider is not None
    assert wider.start is not None
    assert wider.end is not None
    lo, hi = parse_filter_date(wider.start).lo, parse_filter_date(wider.end).hi
    assert 2.9 < (hi - lo) / (ts(2001) - ts(1991)) < 3.2
    assert abs((lo + hi) / 2 - (ts(1991) + ts(2001)) / 2) < 366 * 86400
    shown = choose(Query(), found)
    assert shown is not None
    assert zoom_out(shown, found) is None  # already every date


def test_panning_moves_a_unit_by_one_and_other_windows_by_half() -> None:
    assert pan(window("2021-10", "2021-10"), 1) == Step("2021-11", "2021-11")
    assert pan(window("2021-12", "2021-12"), 1) == Step("2022-01", "2022-01")
    assert pan(window("2021-10-05", "2021-10-05"), -1) == Step("2021-10-04", "2021-10-04")
    assert pan(window("2020", "2029"), -1) == Step("2010", "2019")
    assert pan(window("1991", "1999"), 1) == Step("1995", "2003")
    assert pan(window("2021-10-05", "2021-10-17"), 1) == Step("2021-10-11", "2021-10-23")

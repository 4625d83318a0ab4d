"""The date model, as tables: parsing, precision, bounds, ordering, ages, zones."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from timeline.dates import (
    DateError,
    Precision,
    age_range,
    bounds,
    parse_date,
    parse_filter_date,
    sort_key,
)
from timeline.i18n.dates import date_text

BAIKONUR = ZoneInfo("Asia/Qyzylorda")
ALMATY = ZoneInfo("Asia/Almaty")


@pytest.mark.parametrize(
    ("text", "iso", "precision", "shown"),
    [
        # Year / month / day precision.
        ("1957", "1957", Precision.YEAR, "1957"),
        ("1957-10", "1957-10", Precision.MONTH, "Oct 1957"),
        ("1957-10-04", "1957-10-04", Precision.DAY, "4 Oct 1957"),
        # Date-times need an offset; seconds are optional; instants normalise to UTC.
        ("2021-10-17T04:35Z", "2021-10-17T04:35Z", Precision.MINUTE, "17 Oct 2021, 04:35 UTC"),
        ("2021-10-17T10:35+06:00", "2021-10-17T04:35Z", Precision.MINUTE, "17 Oct 2021, 04:35 UTC"),
        ("2021-10-05T08:55:02Z", "2021-10-05T08:55:02Z", Precision.SECOND, "5 Oct 2021, 08:55 UTC"),
        # EDTF level 1 qualifiers.
        ("2021-12~", "2021-12~", Precision.MONTH, "c. Dec 2021"),
        ("2021-10-16?", "2021-10-16?", Precision.DAY, "16 Oct 2021?"),
        ("2004-06-11%", "2004-06-11%", Precision.DAY, "c. 11 Jun 2004?"),
        # Unspecified digits.
        ("196X", "196X", Precision.YEAR, "1960s"),
        ("20XX", "20XX", Precision.YEAR, "2000s"),
        ("2021-XX", "2021-XX", Precision.YEAR, "2021 (month unknown)"),
        ("1985-04-XX", "1985-04-XX", Precision.MONTH, "Apr 1985 (day unknown)"),
        # Intervals, open and unknown ends.
        ("2004-06/2006-08", "2004-06/2006-08", Precision.MONTH, "Jun 2004 – Aug 2006"),
        ("../2021-06-01", "../2021-06-01", Precision.DAY, "before 1 Jun 2021"),
        ("2021-06/..", "2021-06/..", Precision.MONTH, "after Jun 2021"),
        ("/1985-04-12", "/1985-04-12", Precision.DAY, "? – 12 Apr 1985"),
        # Human dates, with the precision of what was written.
        ("5 October 2021", "2021-10-05", Precision.DAY, "5 Oct 2021"),
        ("October 5, 2021", "2021-10-05", Precision.DAY, "5 Oct 2021"),
        ("Oct 2021", "2021-10", Precision.MONTH, "Oct 2021"),
        ("December 2021", "2021-12", Precision.MONTH, "Dec 2021"),
        ("December 2021~", "2021-12~", Precision.MONTH, "c. Dec 2021"),
    ],
)
def test_parse_and_display(text: str, iso: str, precision: Precision, shown: str) -> None:
    value = parse_date(text)
    assert value.iso() == iso
    assert value.precision is precision
    assert date_text(value) == shown


# The EDTF specification's own level 0 and level 1 examples (Library of Congress, 2019).
@pytest.mark.parametrize(
    "text",
    [
        "1985-04-12",
        "1985-04",
        "1985",
        "1985-04-12T23:20:30Z",
        "1985-04-12T23:20:30-04",
        "1985-04-12T23:20:30+04:30",
        "1964/2008",
        "2004-06/2006-08",
        "2004-02-01/2005-02-08",
        "2004-02-01/2005-02",
        "2004-02-01/2005",
        "2005/2006-02",
        "1984?",
        "2004-06~",
        "2004-06-11%",
        "201X",
        "20XX",
        "2004-XX",
        "1985-04-XX",
        "1985-XX-XX",
        "1985-04-12/..",
        "1985-04/..",
        "1985/..",
        "../1985-04-12",
        "../1985-04",
        "../1985",
        "1985-04-12/",
        "1985-04/",
        "1985/",
        "/1985-04-12",
        "/1985-04",
        "/1985",
        "1984~/2004-06",
        "1984?/2004%",
    ],
)
def test_edtf_specification_examples_parse_and_round_trip(text: str) -> None:
    value = parse_date(text)
    again = parse_date(value.iso())
    assert (again.lo, again.hi, again.precision) == (value.lo, value.hi, value.precision)


# The bounds the API gives for the specification's examples: the first and last moment each
# can denote (None: an open or unknown end), and its qualifiers.
@pytest.mark.parametrize(
    ("text", "earliest", "latest", "uncertain", "approximate"),
    [
        ("1985-04-12", "1985-04-12", "1985-04-12", False, False),
        ("1985-04", "1985-04-01", "1985-04-30", False, False),
        ("1985", "1985-01-01", "1985-12-31", False, False),
        ("2000-02", "2000-02-01", "2000-02-29", False, False),
        ("1985-04-12T23:20:30Z", "1985-04-12T23:20:30Z", "1985-04-12T23:20:30Z", False, False),
        ("1985-04-12T23:20:30-04", "1985-04-13T03:20:30Z", "1985-04-13T03:20:30Z", False, False),
        ("1985-04-12T23:20:30+04:30", "1985-04-12T18:50:30Z", "1985-04-12T18:50:30Z", False, False),
        ("1964/2008", "1964-01-01", "2008-12-31", False, False),
        ("2004-06/2006-08", "2004-06-01", "2006-08-31", False, False),
        ("2004-02-01/2005-02-08", "2004-02-01", "2005-02-08", False, False),
        ("2004-02-01/2005-02", "2004-02-01", "2005-02-28", False, False),
        ("2004-02-01/2005", "2004-02-01", "2005-12-31", False, False),
        ("2005/2006-02", "2005-01-01", "2006-02-28", False, False),
        ("1984?", "1984-01-01", "1984-12-31", True, False),
        ("2004-06~", "2004-06-01", "2004-06-30", False, True),
        ("2004-06-11%", "2004-06-11", "2004-06-11", True, True),
        ("201X", "2010-01-01", "2019-12-31", False, False),
        ("196X", "1960-01-01", "1969-12-31", False, False),
        ("20XX", "2000-01-01", "2099-12-31", False, False),
        ("2004-XX", "2004-01-01", "2004-12-31", False, False),
        ("1985-04-XX", "1985-04-01", "1985-04-30", False, False),
        ("1985-XX-XX", "1985-01-01", "1985-12-31", False, False),
        ("2021-12~", "2021-12-01", "2021-12-31", False, True),
        ("1985-04-12/..", "1985-04-12", None, False, False),
        ("1985/..", "1985-01-01", None, False, False),
        ("../1985-04-12", None, "1985-04-12", False, False),
        ("../1985-04", None, "1985-04-30", False, False),
        ("1985-04/", "1985-04-01", None, False, False),
        ("/1985", None, "1985-12-31", False, False),
        ("1984~/2004-06", "1984-01-01", "2004-06-30", False, True),
        ("1984?/2004%", "1984-01-01", "2004-12-31", True, True),
    ],
)
def test_bounds_of_the_specification_examples(
    text: str, earliest: str | None, latest: str | None, uncertain: bool, approximate: bool
) -> None:
    assert bounds(parse_date(text)) == (earliest, latest, uncertain, approximate)


def test_bounds_with_a_separate_end_run_to_the_end() -> None:
    span = bounds(parse_date("2021-10-05T08:55Z"), parse_date("2021-10-17T04:35Z"))
    assert (span.earliest, span.latest) == ("2021-10-05T08:55Z", "2021-10-17T04:35Z")
    assert bounds(parse_date("2021-10-05"), parse_date("2021-10~")).latest == "2021-10-31"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("05/10/2021", "ambiguous"),
        ("5.10.2021", "ambiguous"),
        ("2021-13", "month 13 does not exist"),
        ("2020-02-30", "day 30 does not exist in February 2020"),
        ("2021-02-29", "day 29 does not exist"),
        ("2021-10-17T04:35", "needs a UTC offset"),
        ("2021-10-17T25:00Z", "out of range"),
        # a moment every zone (and the reference zones) must be able to show
        ("0001-01-01T00:00Z", "a time of day must fall between 0001-01-02 and 9999-12-30"),
        ("0001-01-01T00:00+05:00", "a time of day must fall between"),
        ("9999-12-31T23:59Z", "a time of day must fall between"),
        ("October", "cannot read"),
        ("5 Octobre 2021", "cannot read"),
        ("5 Oct 2021 10:00 MSK", "cannot read"),
        ("2021-10/2021-09", "ends before it starts"),
        ("../..", "at least one known end"),
        ("", "empty"),
        ("0000", "out of range"),
    ],
)
def test_bad_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_a_time_without_offset_is_read_in_the_events_zone() -> None:
    assert parse_date("2021-10-17T10:35", ALMATY).iso() == "2021-10-17T04:35Z"


def test_ordering_earliest_bound_then_coarser_first_then_id() -> None:
    texts = [
        "2021-10-05",
        "2021-10",
        "2021",
        "2021-10-05T08:55Z",
        "../2021-10-04",
        "2020-12-31",
        "2021-10-05",
    ]
    ids = ["d", "m", "y", "t", "before", "prev", "a"]
    ordered = sorted(zip(texts, ids, strict=True), key=lambda p: sort_key(parse_date(p[0]), p[1]))
    assert [i for _, i in ordered] == ["prev", "y", "m", "before", "a", "d", "t"]


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("2021", True),
        ("2021-10", True),
        ("2021-10-05", True),
        ("21", False),
        ("2021-1", False),
        ("Oct 2021", False),
        ("2021-02-30", False),
    ],
)
def test_filter_dates_are_iso_only(text: str, ok: bool) -> None:
    if ok:
        assert parse_filter_date(text).lo < parse_filter_date(text).hi
    else:
        with pytest.raises(DateError):
            parse_filter_date(text)


@pytest.mark.parametrize(
    ("event", "ages"),
    [
        ("2021-05-13", (36, 36)),  # Dazed, May 2021
        ("2021-10-05", (37, 37)),  # launch day
        ("2021", (36, 37)),  # the year straddles her birthday
        ("1984-09-05", (0, 0)),
        ("1980", None),  # before she was born
    ],
)
def test_age_range_at_the_event(event: str, ages: tuple[int, int] | None) -> None:
    assert age_range(date(1984, 9, 5), parse_date(event)) == ages

"""Dates in words (English): zones, local days, ranges and ages, as readers see them."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from timeline.dates import parse_date
from timeline.i18n.dates import age_text, date_text, local_days

BAIKONUR = ZoneInfo("Asia/Qyzylorda")
ALMATY = ZoneInfo("Asia/Almaty")


def test_local_time_is_shown_with_the_zone_label() -> None:
    launch = parse_date("2021-10-05T08:55:02Z")
    assert date_text(launch, zone=BAIKONUR, label="Baikonur") == "5 Oct 2021, 08:55 UTC (13:55 Baikonur time)"
    assert date_text(launch, zone=BAIKONUR, label="Baikonur", seconds=True) == (
        "5 Oct 2021, 08:55:02 UTC (13:55:02 Baikonur time)"
    )


def test_local_time_on_another_day_says_which_day() -> None:
    landing = parse_date("2021-10-17T04:35Z")
    text = date_text(landing, zone=ZoneInfo("America/Los_Angeles"))
    assert text == "17 Oct 2021, 04:35 UTC (21:35 on 16 Oct Los Angeles time)"


def test_the_landing_day_differs_by_zone() -> None:
    landing = parse_date("2021-10-17T04:35Z").start
    assert landing is not None
    rows = local_days(landing, [("Kazakhstan", ALMATY), ("California", ZoneInfo("America/Los_Angeles"))])
    assert [(r.place, r.day) for r in rows] == [
        ("UTC", "17 Oct 2021"),
        ("Kazakhstan", "17 Oct 2021"),
        ("California", "16 Oct 2021"),
    ]


def test_separate_end_is_shown_as_a_range() -> None:
    assert date_text(parse_date("2021-10-05"), parse_date("2021-10-17")) == "5 Oct 2021 – 17 Oct 2021"


@pytest.mark.parametrize(
    ("event", "age"),
    [
        ("2021-05-13", "aged 36"),  # Dazed, May 2021
        ("2021-10-05", "aged 37"),  # launch day
        ("2021", "aged 36–37"),  # the year straddles her birthday
        ("1984-09-05", "aged 0"),
        ("1980", None),  # before she was born
    ],
)
def test_age_at_the_event(event: str, age: str | None) -> None:
    assert age_text(date(1984, 9, 5), parse_date(event)) == age

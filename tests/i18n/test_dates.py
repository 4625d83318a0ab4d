"""Dates in words: zones, local days, ranges and ages, as readers see them, in English and Russian."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from timeline.dates import parse_date
from timeline.i18n.dates import age_text, date_text, local_days, place_names

Speaking = Callable[[str], AbstractContextManager[None]]

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


# --- the same dates in Russian and English ------------------------------------------------------

G = "\u202fг."  # CLDR writes Russian "2021 г." with a narrow no-break space
DATES = [
    # (language, written, zone, label as that language's file gives it, shown)
    (
        "ru",
        "2021-10-05T08:55:02Z",
        BAIKONUR,
        "Байконура",
        f"5 окт. 2021{G}, 08:55 UTC (13:55 по времени Байконура)",
    ),
    ("en", "2021-10-05T08:55:02Z", BAIKONUR, "Baikonur", "5 Oct 2021, 08:55 UTC (13:55 Baikonur time)"),
    # no label in the page's language: the zone's city, named by CLDR, and grammar that needs no case
    (
        "ru",
        "2021-10-05T08:55:02Z",
        BAIKONUR,
        None,
        f"5 окт. 2021{G}, 08:55 UTC (13:55 по местному времени, Кызылорда)",
    ),
    ("en", "2021-10-05T08:55:02Z", BAIKONUR, None, "5 Oct 2021, 08:55 UTC (13:55 Kyzylorda time)"),
    (
        "ru",
        "2021-10-17T04:35Z",
        ZoneInfo("America/Los_Angeles"),
        None,
        f"17 окт. 2021{G}, 04:35 UTC (21:35, 16 окт. по местному времени, Лос-Анджелес)",
    ),
    # after «около», «до» and «после» the month is in the genitive, written out
    ("ru", "2021-12~", None, None, f"около декабря 2021{G}"),
    ("en", "2021-12~", None, None, "c. Dec 2021"),
    ("ru", "2021-05~", None, None, f"около мая 2021{G}"),
    ("ru", "2021-10-05~", None, None, f"около 5 октября 2021{G}"),
    ("ru", "../2021-06-01", None, None, f"до 1 июня 2021{G}"),
    ("en", "../2021-06-01", None, None, "before 1 Jun 2021"),
    ("ru", "2021-06/..", None, None, f"после июня 2021{G}"),
    ("en", "2021-06/..", None, None, "after Jun 2021"),
    ("ru", "../1985", None, None, f"до 1985{G}"),
    ("ru", "2021%", None, None, f"около 2021{G}?"),
    ("en", "2021%", None, None, "c. 2021?"),
    # standing alone, CLDR's nominative forms
    ("ru", "2021-10-16?", None, None, f"16 окт. 2021{G}?"),
    ("ru", "2004-06/2006-08", None, None, f"июнь 2004{G} – авг. 2006{G}"),
    ("en", "2004-06/2006-08", None, None, "Jun 2004 – Aug 2006"),
    ("ru", "/1985", None, None, "? – 1985"),
    ("ru", "1957", None, None, "1957"),
    # unspecified digits
    ("ru", "196X", None, None, "1960-е"),
    ("en", "196X", None, None, "1960s"),
    ("ru", "196X~", None, None, "около 1960-х"),
    ("en", "196X~", None, None, "c. 1960s"),
    ("ru", "2021-XX", None, None, "2021 (месяц неизвестен)"),
    ("en", "2021-XX", None, None, "2021 (month unknown)"),
    ("ru", "1985-04-XX", None, None, f"апр. 1985{G} (день неизвестен)"),
    ("en", "1985-04-XX", None, None, "Apr 1985 (day unknown)"),
]


@pytest.mark.parametrize(("lang", "written", "zone", "label", "shown"), DATES)
def test_dates_in_each_language(
    speaking: Speaking, lang: str, written: str, zone: ZoneInfo | None, label: str | None, shown: str
) -> None:
    with speaking(lang):
        assert date_text(parse_date(written, zone), zone=zone, label=label) == shown


AGES = [
    ("ru", "2021-10-05", date(1984, 9, 5), "37 лет"),
    ("ru", "2021", date(1984, 9, 5), "36–37 лет"),
    ("ru", "2021-06", date(2000, 1, 1), "21 год"),
    ("ru", "2022-06", date(2000, 1, 1), "22 года"),
    ("ru", "2011-06", date(2000, 1, 1), "11 лет"),
    ("en", "2021-10-05", date(1984, 9, 5), "aged 37"),
    ("en", "2021-06", date(2000, 1, 1), "aged 21"),
]


@pytest.mark.parametrize(("lang", "written", "born", "age"), AGES)
def test_ages_in_each_language(speaking: Speaking, lang: str, written: str, born: date, age: str) -> None:
    with speaking(lang):
        assert age_text(born, parse_date(written)) == age


@pytest.mark.parametrize(
    ("lang", "rows"),
    [
        ("ru", [("UTC", "04:35"), ("Время Джезказгана", "10:35 +06"), ("Лос-Анджелес", "21:35 PDT")]),
        ("en", [("UTC", "04:35"), ("Zhezkazgan", "10:35 +06"), ("Los Angeles", "21:35 PDT")]),
    ],
)
def test_local_day_table_names_places_in_the_pages_language(
    speaking: Speaking, lang: str, rows: list[tuple[str, str]]
) -> None:
    landing = parse_date("2021-10-17T04:35Z").start
    assert landing is not None
    label = "Джезказгана" if lang == "ru" else "Zhezkazgan"
    with speaking(lang):
        places = place_names(ALMATY, label, [("Los Angeles", ZoneInfo("America/Los_Angeles"))])
        assert [(r.place, r.clock) for r in local_days(landing, places)] == rows

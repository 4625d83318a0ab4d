"""iCalendar: read back by the `icalendar` library and by ical.js (Thunderbird's parser)."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
from flask.testing import FlaskClient

from tests.formats.conftest import HOSTILE, MINI, ROOT, VERSION_TIME, fetch, serve

READER = Path(__file__).with_name("read_ics.mjs")


def ics(client: FlaskClient, query: str = "") -> str:
    """The calendar export of a view."""
    return fetch(client, f"/export.ics{query}", "text/calendar")


def by_uid(text: str) -> dict[str, icalendar.Event]:
    """The VEVENTs of a calendar as the icalendar library reads them, by UID."""
    calendar = icalendar.Calendar.from_ical(text)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def ical_js(text: str, folder: Path) -> dict[str, Any]:
    """What ical.js reads in a calendar (see read_ics.mjs), its events by UID."""
    node = shutil.which("node")
    assert node, "node is needed to read calendars with ical.js (make test installs it with npm)"
    assert (ROOT / "node_modules" / "ical.js").is_dir(), "run `make test` (npm ci) to install ical.js"
    path = folder / "export.ics"
    path.write_text(text, encoding="utf-8", newline="")
    result = subprocess.run([node, str(READER), str(path)], capture_output=True, text=True, check=True)
    read: dict[str, Any] = json.loads(result.stdout)
    read["events"] = {e["uid"]: e for e in read["events"]}
    return read


def with_event(date_text: str, status: str = "happened", zone: str = "Europe/Moscow") -> str:
    """mini.yaml with one more event, dated ``date_text``."""
    return MINI.read_text(encoding="utf-8") + (
        "  - id: extra\n"
        "    title: Extra event\n"
        f'    date: "{date_text}"\n'
        f"    zone: {zone}\n"
        f"    status: {status}\n"
        "    citations:\n"
        "      - source: agency\n"
        "        quote: It happened.\n"
    )


def test_the_landing_is_at_0435_utc_in_almaty_time(story: FlaskClient, tmp_path: Path) -> None:
    text = ics(story)
    landing = by_uid(text)["soyuz-ms-18-landing@localhost"]
    start = landing.decoded("dtstart")
    assert start.tzinfo.key == "Asia/Almaty"  # local time, named zone
    assert start.astimezone(UTC) == datetime(2021, 10, 17, 4, 35, tzinfo=UTC)
    assert "DTSTART;TZID=Asia/Almaty:20211017T103500" in text
    zones = [str(z["tzid"]) for z in icalendar.Calendar.from_ical(text).walk("VTIMEZONE")]
    assert "Asia/Almaty" in zones
    assert "Asia/Qyzylorda" in zones  # the launches from Baikonur
    read = ical_js(text, tmp_path)
    seen = read["events"]["soyuz-ms-18-landing@localhost"]
    assert seen["start"] == {"text": "2021-10-17T10:35:00", "allDay": False, "zone": "Asia/Almaty",
                             "utc": datetime(2021, 10, 17, 4, 35, tzinfo=UTC).timestamp()}  # fmt: skip
    launch = read["events"]["soyuz-ms-19-launch@localhost"]
    assert launch["start"]["utc"] == datetime(2021, 10, 5, 8, 55, 2, tzinfo=UTC).timestamp()
    assert launch["start"]["zone"] == "Asia/Qyzylorda"
    assert set(read["zones"]) == set(zones)


def test_days_are_all_day_and_end_the_day_after(story: FlaskClient, tmp_path: Path) -> None:
    text = ics(story)
    filming = by_uid(text)["filming-aboard-iss@localhost"]
    assert (filming.decoded("dtstart"), filming.decoded("dtend")) == (date(2021, 10, 5), date(2021, 10, 18))
    read = ical_js(text, tmp_path)["events"]
    assert read["filming-aboard-iss@localhost"]["start"]["allDay"] is True
    assert read["filming-aboard-iss@localhost"]["end"]["text"] == "2021-10-18"  # exclusive: 5–17 Oct
    contact = read["salyut-7-contact-lost@localhost"]
    assert (contact["start"]["text"], contact["end"]["text"]) == ("1985-02-11", "1985-02-12")
    assert contact["summary"] == by_uid(text)["salyut-7-contact-lost@localhost"]["summary"]
    assert "(" not in contact["summary"]  # an exact day needs no date in words


def test_the_planned_cruise_flight_is_tentative_over_its_month(story: FlaskClient, tmp_path: Path) -> None:
    uid = "cruise-october-2021-flight-reported@localhost"
    text = ics(story)
    planned = by_uid(text)[uid]
    assert str(planned["status"]) == "TENTATIVE"
    assert (planned.decoded("dtstart"), planned.decoded("dtend")) == (date(2021, 10, 1), date(2021, 11, 1))
    seen = ical_js(text, tmp_path)["events"][uid]
    assert seen["status"] == "TENTATIVE"
    assert seen["summary"].endswith("(never happened) (Oct 2021)")
    assert seen["edtf"] == "2021-10"
    assert seen["url"] == "http://localhost/events/cruise-october-2021-flight-reported"


@pytest.mark.parametrize(
    ("written", "start", "end", "shown"),
    [
        ("1957", date(1957, 1, 1), date(1958, 1, 1), "1957"),
        ("2021-12~", date(2021, 12, 1), date(2022, 1, 1), "c. Dec 2021"),
        ("2021-10-16?", date(2021, 10, 16), date(2021, 10, 17), "16 Oct 2021?"),
        ("196X", date(1960, 1, 1), date(1970, 1, 1), "1960s"),
        ("../2021-06-01", date(2021, 6, 1), date(2021, 6, 2), "before 1 Jun 2021"),
        ("2021-06/..", date(2021, 6, 1), date(2021, 7, 1), "after Jun 2021"),
        ("9999", date(9999, 1, 1), None, "9999"),
    ],
)
def test_vague_dates_span_every_day_they_may_denote_and_say_so(
    tmp_path: Path, written: str, start: date, end: date | None, shown: str
) -> None:
    text = ics(serve(tmp_path, with_event(written)).test_client())
    entry = by_uid(text)["extra@localhost"]
    assert entry.decoded("dtstart") == start
    if end is None:  # past the year 9999 no DTEND can be written: a duration instead
        assert entry.decoded("duration").days == 365
    else:
        assert entry.decoded("dtend") == end
    assert str(entry["summary"]) == f"Extra event ({shown})"
    seen = ical_js(text, tmp_path)["events"]["extra@localhost"]
    assert seen["summary"] == f"Extra event ({shown})"
    assert seen["start"]["allDay"] is True
    assert seen["edtf"] == written


def test_a_moment_the_zone_database_cannot_reach_is_written_in_utc(tmp_path: Path) -> None:
    text = ics(serve(tmp_path, with_event("9999-12-30T20:00Z")).test_client())
    entry = by_uid(text)["extra@localhost"]
    assert entry.decoded("dtstart") == datetime(9999, 12, 30, 20, 0, tzinfo=UTC)
    assert "TZID:Europe/Moscow" not in text  # no VTIMEZONE, and no local time that would need one
    (tmp_path / "1957").mkdir()
    sputnik = ics(serve(tmp_path / "1957", with_event("1957-10-04T19:28Z")).test_client())
    moscow = by_uid(sputnik)["extra@localhost"]
    assert moscow.decoded("dtstart").tzinfo.key == "Europe/Moscow"  # in range: local time with its zone


@pytest.mark.parametrize(("status", "expected"), [("happened", "CONFIRMED"), ("planned", "TENTATIVE"),
                                                  ("cancelled", "CANCELLED")])  # fmt: skip
def test_status_tells_the_calendar_what_happened(tmp_path: Path, status: str, expected: str) -> None:
    text = ics(serve(tmp_path, with_event("2021-10-05", status)).test_client())
    assert ical_js(text, tmp_path)["events"]["extra@localhost"]["status"] == expected


def test_quotes_notes_and_sources_reach_the_description(mini: FlaskClient, tmp_path: Path) -> None:
    seen = ical_js(ics(mini), tmp_path)["events"]["landing@localhost"]
    description = seen["description"]
    assert description.startswith("17 Oct 2021, 04:35 UTC (10:35 Zhezkazgan time) · near Zhezkazgan")
    assert "“They will return on October 16.”\n  Note: They landed on 17 October (UTC)." in description
    assert "Space Agency, “Agency report” (17 Oct 2021) https://example.org/report" in description
    assert seen["location"] == "near Zhezkazgan, Kazakhstan"
    assert seen["categories"] == ["Landing"]


def test_the_same_data_gives_the_same_file_with_stable_uids(mini: FlaskClient) -> None:
    first, second = ics(mini), ics(mini)
    assert first == second  # DTSTAMP is the data's time, not the clock's
    events = by_uid(first)
    ids = ("sputnik-year", "laika", "cruise-flight", "launch", "landing")
    assert sorted(events) == sorted(f"{e}@localhost" for e in ids)
    landing = events["landing@localhost"]
    assert landing.decoded("last-modified") == datetime(2021, 10, 18, 6, 0, tzinfo=UTC)  # its `updated`
    assert landing.decoded("created") == datetime(2021, 10, 17, tzinfo=UTC)  # its `added`
    assert events["laika@localhost"].decoded("dtstamp") == VERSION_TIME  # no `updated`: the data's time


def test_a_filtered_view_holds_its_events_and_says_which(mini: FlaskClient) -> None:
    text = ics(mini, "?actor=yulia-peresild&country=KZ")
    assert list(by_uid(text)) == ["launch@localhost", "landing@localhost"]  # oldest first
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["name"]) == "Mini timeline — Yulia Peresild · Kazakhstan"
    assert str(calendar["url"]) == "http://localhost/?actor=yulia-peresild&country=KZ"
    assert [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Almaty", "Asia/Qyzylorda"]
    assert type(by_uid(ics(mini, "?actor=laika"))["laika@localhost"].decoded("dtstart")) is date


def test_hostile_text_stays_text(hostile: FlaskClient, tmp_path: Path) -> None:
    text = ics(hostile)
    assert "\nBEGIN:VALARM" not in text.replace("\r\n ", "")  # folded lines joined: still no component
    assert len(icalendar.Calendar.from_ical(text).walk("VEVENT")) == 5
    entry = by_uid(text)["landing@localhost"]
    assert str(entry["summary"]) == HOSTILE
    assert str(entry["location"]) == HOSTILE
    # Neither reader decodes the calendar's NAME (RFC 7986 TEXT), so only the events are compared.
    seen = ical_js(text, tmp_path)
    assert seen["events"]["landing@localhost"]["summary"] == HOSTILE
    assert f"“{HOSTILE}”\n  Note: {HOSTILE}" in seen["events"]["landing@localhost"]["description"]

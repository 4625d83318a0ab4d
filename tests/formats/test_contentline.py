"""Our content lines are icalendar's, byte for byte: each piece and each whole VEVENT, for any input.

The oracle is the icalendar library itself: its folding, its TEXT escaping, its dates, and a VEVENT
built property by property with ``icalendar.Event.add`` as the calendar export used to be built.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from icalendar.parser import Contentline

from tests.formats.conftest import with_text
from tests.formats.test_escaping import LINKS, date_texts, texts
from timeline.formats import contentline, ical
from timeline.formats.text import edtf, plain, published, updated
from timeline.formats.view import View
from timeline.load import LoadError, build
from timeline.model import Event
from timeline.present import when

# Any character but a line break (a content line has none) or a lone surrogate (not text).
characters = st.characters(blacklist_categories=("Cs",), blacklist_characters="\n")
ZONES = ["Europe/Moscow", "Asia/Almaty", "America/New_York", "UTC", "Etc/UTC", "Asia/Kolkata",
         "Europe/London"]  # fmt: skip


def long_lines(alphabet: str) -> st.SearchStrategy[str]:
    """Lines of 60 to 400 characters of ``alphabet``: a fold or several, escapes at the cut."""
    return st.integers(60, 400).flatmap(lambda n: st.text(st.sampled_from(alphabet), min_size=n, max_size=n))


@settings(deadline=None)
@given(line=st.text(characters, max_size=400) | long_lines("ab\\^;") | long_lines("a\\^é€😀"))
def test_a_line_folds_as_icalendar_folds_it(line: str) -> None:
    assert contentline.fold(line) == Contentline(line).to_ical().decode()


@settings(deadline=None)
@given(value=st.lists(characters | st.sampled_from(["\n", "\r", "\r\n", "\\N", "\\", ";", ","])).map("".join))
def test_text_is_escaped_as_icalendar_escapes_it(value: str) -> None:
    assert contentline.text(value) == icalendar.vText(value).to_ical().decode()


def written(name: str, value: object) -> str:
    """A property's content line as icalendar writes it, unfolded."""
    entry = icalendar.Event()
    entry.add(name, value)
    return str(entry.content_line(name.upper(), entry[name.upper()]))


@settings(deadline=None)
@given(day=st.dates())
def test_a_day_is_written_as_icalendar_writes_it(day: date) -> None:
    assert f"DTSTART;VALUE=DATE:{contentline.day(day)}" == written("dtstart", day)


@settings(deadline=None)
@given(
    moment=st.datetimes(
        min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(ZONES),
)
def test_a_moment_is_written_as_icalendar_writes_it(moment: datetime, zone: str) -> None:
    local = moment.astimezone(ZoneInfo(zone))
    assert f"DTSTART{contentline.moment(moment, ZoneInfo(zone))}" == written("dtstart", local)
    assert f"DTSTART{contentline.moment(moment, None)}" == written("dtstart", moment)
    assert f"DTSTAMP:{contentline.utc(local)}" == written("dtstamp", local)


@settings(deadline=None)
@given(days=st.integers(1, 3_652_059))
def test_a_duration_is_written_as_icalendar_writes_it(days: int) -> None:
    assert f"DURATION:{contentline.duration(days)}" == written("duration", timedelta(days=days))


def built_by_icalendar(view: View, event: Event, host: str, zones: set[str]) -> str:
    """The VEVENT built with icalendar's objects, property by property (how the export was built)."""
    entry = icalendar.Event()
    entry.add("uid", f"{event.id}@{host}")
    entry.add("dtstamp", updated(view, event))
    entry.add("last-modified", updated(view, event))
    if (added := published(event)) is not None:
        entry.add("created", added)
    zone = event.zone if event.zone is not None and event.zone.key in zones else None
    points = ical._points(event)
    if ical.timed(event):
        moments = [datetime.fromtimestamp(p.lo, UTC) for p in (points[0], points[-1])]
        local = [m.astimezone(zone) if zone is not None else m for m in moments]
        entry.add("dtstart", local[0])
        if len(points) > 1:
            entry.add("dtend", local[1])
    else:
        first = datetime.fromtimestamp(min(p.lo for p in points), UTC).date()
        last = datetime.fromtimestamp(max(p.hi for p in points) - 1, UTC).date()
        entry.add("dtstart", first)
        if last < date(9999, 12, 31):
            entry.add("dtend", last + timedelta(days=1))
        else:
            entry.add("duration", last - first + timedelta(days=1))
    entry.add("summary", event.title if ical.exact(event) else f"{event.title} ({when(event)})")
    entry.add("description", plain(view, event))
    if event.place:
        entry.add("location", event.place)
    entry.add("url", view.links.event(event.id))
    entry.add("status", ical.STATUS.get(event.status, "CONFIRMED"))
    entry.add("transp", "TRANSPARENT")
    if event.tags:
        tags = view.timeline.tags
        entry.add("categories", [tags[t].label if t in tags else t for t in event.tags])
    entry.add("x-timeline-edtf", icalendar.vText(edtf(event)))
    result: bytes = entry.to_ical()
    return result.decode()


def mini_with(text: str, written_date: str, zone: str, status: str) -> str:
    """mini.yaml with ``text`` in every text, and the first event dated ``written_date`` in ``zone``."""
    data = yaml.safe_load(with_text(text))
    data["events"][0].update(date=written_date, zone=zone, status=status)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(
    text=texts,
    written_date=date_texts(),
    zone=st.sampled_from(ZONES),
    status=st.sampled_from(sorted(ical.STATUS)),
)
def test_every_vevent_is_the_one_icalendar_builds(
    text: str, written_date: str, zone: str, status: str
) -> None:
    try:
        timeline = build(mini_with(text, written_date, zone, status).encode())
    except LoadError:
        assume(False)
        raise
    view = View(timeline, list(timeline.events), len(timeline.events), text, LINKS,
                datetime(2026, 11, 30, tzinfo=UTC))  # fmt: skip
    host = urlsplit(LINKS.home).hostname or "timeline"
    zones = {str(z["tzid"]) for z in ical.timezones(timeline.events)}
    for event in timeline.events:
        assert ical.vevent(view, event, host, zones) == built_by_icalendar(view, event, host, zones)

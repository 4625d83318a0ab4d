"""Any text in the data stays text in every format: each real client reads it back, nothing else."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import bibtexparser
import feedparser
import icalendar
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.formats.conftest import MINI, with_text
from timeline.formats import FORMATS, Links, View
from timeline.formats.text import xml_safe
from timeline.load import LoadError, build

LINKS = Links(
    event=lambda ident: f"https://timeline.example/events/{ident}",
    source=lambda ident: f"https://timeline.example/sources/{ident}",
    view="https://timeline.example/",
    home="https://timeline.example/",
    export=lambda name: f"https://timeline.example/export.{name}",
)
letters = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029")
texts = st.text(letters | st.sampled_from("\n\t"), min_size=1, max_size=60)


def mojibake(text: str) -> bool:
    """True for text feedparser deliberately rewrites in any feed: Latin-1 that is also UTF-8 ("Â¡")."""
    try:
        return text.encode("iso-8859-1").decode("utf-8") != text
    except UnicodeError:
        return False


def exported(text: str) -> dict[str, str]:
    """mini.yaml with ``text`` in every text field, in every format (texts the loader refuses: skipped)."""
    try:
        timeline = build(with_text(text).encode())
    except LoadError:
        assume(False)
        raise
    view = View(timeline, list(timeline.events), len(timeline.events), timeline.title, LINKS,
                datetime(2026, 11, 30, tzinfo=UTC), text)  # fmt: skip
    return {name: "".join(fmt.write(view)) for name, fmt in FORMATS.items()}


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(text=texts)
def test_any_text_reads_back_as_itself(text: str) -> None:
    files = exported(text)
    title = text  # the data file gives titles as written
    calendar = icalendar.Calendar.from_ical(files["ics"])
    summaries = {str(e["uid"]): str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert summaries["landing@timeline.example"] == title
    feed = feedparser.parse(files["atom"].encode())
    assert feed.bozo == 0, feed.get("bozo_exception")
    if not mojibake(title):
        assert feed.entries[0].title.strip() == xml_safe(title).strip()
    assert json.loads(files["json"])["items"][0]["title"] == title
    library = bibtexparser.parse_string(files["bib"])
    assert not library.failed_blocks
    assert len(library.entries) == 7


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    """A date as the data file may write it, from the year 1 to 9999, at any precision."""
    year = draw(st.sampled_from([1, 2, 1957, 1970, 2021, 2038, 9998, 9999]) | st.integers(1, 9999))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    day_text = f"{year:04d}-{month:02d}-{day:02d}"
    # a time of day on 1 Jan of the year 1 is refused at load (no zone could show it): the day after
    timed = f"{day_text if day_text != '0001-01-01' else '0001-01-02'}T{hour:02d}:{minute:02d}Z"
    point = draw(st.sampled_from([f"{year:04d}", day_text[:7], day_text, timed]))
    qualifier = "" if "T" in point else draw(st.sampled_from(["", "~", "?", "%"]))
    form = draw(st.sampled_from(["{}", "../{}", "{}/..", "/{}", "{}/"]))
    return form.format(point + qualifier)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(
    written=date_texts(), zone=st.sampled_from(["Europe/Moscow", "Asia/Almaty", "America/New_York", "UTC"])
)
def test_any_date_exports_in_every_format(written: str, zone: str) -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        "    date: 2021-10-17T04:35Z\n    zone: Asia/Almaty", f'    date: "{written}"\n    zone: {zone}'
    )
    timeline = build(text.encode())
    view = View(timeline, list(timeline.events), len(timeline.events), timeline.title, LINKS,
                datetime(2026, 11, 30, tzinfo=UTC))  # fmt: skip
    files = {name: "".join(fmt.write(view)) for name, fmt in FORMATS.items()}
    landing = {str(e["uid"]): e for e in icalendar.Calendar.from_ical(files["ics"]).walk("VEVENT")}
    assert landing["landing@timeline.example"].decoded("dtstart")
    assert feedparser.parse(files["atom"].encode()).bozo == 0
    assert json.loads(files["json"])["items"]
    assert not bibtexparser.parse_string(files["bib"]).failed_blocks

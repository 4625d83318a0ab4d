"""The TimelineJS exports as written: dates at their precision, our words where TimelineJS has none,
citations as links, and the sheet's columns. (TimelineJS itself reads them in tests/browser.)"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from tests.formats.views import DATA, export
from timeline.formats import timelinejs
from timeline.formats.timelinejs_csv import COLUMNS
from timeline.load import load


@pytest.fixture(scope="module")
def slides() -> dict[str, dict[str, Any]]:
    """The JSON export of the export fixture, by unique_id."""
    document = json.loads(export(DATA / "exports.yaml", "timelinejs.json"))
    assert document["title"]["unique_id"] == timelinejs.TITLE_ID
    return {slide["unique_id"]: slide for slide in document["events"]}


@pytest.mark.parametrize(
    ("ident", "start", "end", "display"),
    [
        ("year", {"year": 1957}, None, None),
        ("sixties", {"year": 1960}, None, "1960s"),
        ("month-unknown", {"year": 2021}, None, "2021 (month unknown)"),
        ("approximate", {"year": 2021, "month": 12}, None, "c. Dec 2021"),
        ("uncertain", {"year": 2021, "month": 10, "day": 16}, None, "16 Oct 2021?"),
        ("span", {"year": 2004, "month": 6}, {"year": 2006, "month": 8}, None),
        ("before", {"year": 2021, "month": 6, "day": 1}, None, "before 1 Jun 2021"),
        ("after", {"year": 2021, "month": 6}, None, "after Jun 2021"),
        ("with-end", {"year": 2021, "month": 10, "day": 5}, {"year": 2021, "month": 10, "day": 17}, None),
        (
            "launch",
            {"year": 2021, "month": 10, "day": 5, "hour": 8, "minute": 55, "second": 2},
            None,
            "5 Oct 2021, 08:55 UTC (13:55 Baikonur time)",
        ),
    ],
)
def test_dates_at_their_precision_and_our_words_where_timelinejs_would_say_more(
    slides: dict[str, dict[str, Any]],
    ident: str,
    start: dict[str, int],
    end: dict[str, int] | None,
    display: str | None,
) -> None:
    slide = slides[ident]
    assert slide["start_date"] == start
    assert slide.get("end_date") == end
    assert slide.get("display_date") == display


def test_the_text_is_html_with_every_citation_as_a_link(slides: dict[str, dict[str, Any]]) -> None:
    text = slides["launch"]["text"]["text"]
    assert text.startswith("<p>A Soyuz launches with an actress aboard.</p>")
    assert "<p>&quot;=1+1&quot; is not" not in text  # quotes need no escaping in text
    assert '"=1+1" is not a formula here; &lt;b&gt;nor&lt;/b&gt; is this markup &amp; that.' in text
    assert text.count("<li>") == 3
    assert (
        '<a href="https://example.org/report?a=1&amp;b=2">Space Agency: <cite>Agency report</cite></a>'
        in text
    )
    assert '<a href="https://timeline.example/sources/paper">@paper:' in text  # no URL: our page about it
    assert "“The rocket lifted off at 08:55 UTC.”" in text
    assert "<em>Note on the record: @editor: it was Tuesday 5 October.</em>" in text
    assert '<a href="https://timeline.example/events/launch">This event on the timeline</a>' in text
    assert text.count("More media:") == 3  # TimelineJS shows one medium; the others are links


def test_status_group_and_media(slides: dict[str, dict[str, Any]]) -> None:
    assert (
        "<strong>Planned</strong> — announced, but not what happened."
        in slides["approximate"]["text"]["text"]
    )
    assert "<strong>Cancelled</strong>" in slides["month-unknown"]["text"]["text"]
    assert slides["launch"]["group"] == "Launch"
    assert slides["span"]["group"] == "Era"
    assert "group" not in slides["year"]
    assert slides["launch"]["media"] == {
        "url": "https://upload.wikimedia.org/wikipedia/commons/a/a1/Soyuz_MS-19.jpg",
        "caption": "The Soyuz on the pad",
        "credit": "NASA/Bill Ingalls",
        "alt": "A Soyuz rocket standing on its launch pad at dawn",
    }


def test_the_sheet_has_the_template_columns_a_title_row_and_a_row_per_event() -> None:
    rows = list(csv.reader(io.StringIO(export(DATA / "exports.yaml", "timelinejs.csv"), newline="")))
    assert rows[0][:18] == [
        "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
        "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
        "Background",
    ]  # fmt: skip
    assert rows[0] == list(COLUMNS)
    assert rows[1][COLUMNS.index("Type")] == "title"
    assert len(rows) == 2 + len(load(DATA / "exports.yaml").events)
    launch = next(
        dict(zip(COLUMNS, r, strict=True))
        for r in rows
        if r[COLUMNS.index("Headline")].startswith("The crew")
    )
    assert [launch[c] for c in ("Year", "Month", "Day", "Time")] == ["2021", "10", "5", "08:55:02"]
    assert launch["Alt Text"] == "A Soyuz rocket standing on its launch pad at dawn"
    assert launch["Media Credit"] == "NASA/Bill Ingalls"

"""The overview axis: buckets, counts, compressed gaps, zoom and highlighting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask

from timeline import overview
from timeline.model import Timeline
from timeline.overview import Bar, Gap, Overview, Run
from timeline.query import Query, apply


def snapshot(app: Flask) -> Timeline:
    """The app's current timeline, reloaded from its file."""
    store = app.extensions["timeline.store"]
    store.check()
    timeline: Timeline = store.snapshot
    return timeline


def bars(view: Overview) -> list[Bar]:
    """Every bar, left to right."""
    return [bar for part in view.parts if isinstance(part, Run) for bar in part.bars]


def shape(view: Overview) -> list[str]:
    """The axis in words: bucket labels, and gaps as "~first-last"."""
    return [
        f"~{part.first}-{part.last}" if isinstance(part, Gap) else bar.bucket.label
        for part in view.parts
        for bar in (part.bars if isinstance(part, Run) else (None,))
    ]


def build(app: Flask, query: Query | None = None) -> Overview:
    """The overview of the app's timeline for ``query``."""
    view = overview.build(snapshot(app), query or Query())
    assert view is not None
    return view


def test_years_with_the_long_empty_stretch_compressed(app: Flask) -> None:
    view = build(app)
    assert view.unit == "year"
    assert view.heading == "Events per year"
    assert shape(view) == ["1957", "~1958-2020", "2021"]
    assert [(b.bucket.total, b.link_name) for b in bars(view)] == [
        (2, "1957: 2 events"),
        (3, "2021: 3 events"),
    ]
    gap = next(p for p in view.parts if isinstance(p, Gap))
    assert (gap.empty, gap.label, gap.name) == (63, "63 yrs", "No events from 1958 to 2020")


def test_short_empty_stretches_stay_on_the_axis(app: Flask, data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8")
    data_file.write_text(text.replace("date: 1957-11-03", "date: 2019-11-03").replace('"1957"', '"2023"'))
    view = build(app)
    assert shape(view) == ["2019", "2020", "2021", "2022", "2023"]
    assert [b.bucket.total for b in bars(view)] == [1, 0, 3, 0, 1]


def test_too_many_years_are_counted_by_decade(
    app: Flask, data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = data_file.read_text(encoding="utf-8")
    data_file.write_text(text.replace("date: 1957-11-03", "date: 2019-11-03").replace('"1957"', '"2023"'))
    monkeypatch.setattr(overview, "MAX_SLOTS", 3)
    view = build(app)
    assert view.unit == "decade"
    assert [(b.bucket.label, b.bucket.start, b.bucket.end, b.bucket.total) for b in bars(view)] == [
        ("2010s", "2010", "2019", 1),
        ("2020s", "2020", "2029", 4),
    ]


def test_filters_highlight_their_events_and_name_the_count_a_bar_leads_to(app: Flask) -> None:
    view = build(app, Query(actor=("yulia-peresild",)))
    assert view.filtered
    assert not view.ranged
    assert [(b.bucket.total, b.bucket.count, b.link_name) for b in bars(view)] == [
        (2, 0, "1957: 0 events"),
        (3, 2, "2021: 2 events"),
    ]
    assert all(b.highlighted for b in bars(view))


@pytest.mark.parametrize(
    "query",
    [
        Query(),
        Query(tag=("launch",)),
        Query(country=("SU", "KZ")),
        Query(q="capsule"),
        Query(start="1957-11"),
    ],
)
def test_each_bar_counts_what_its_link_shows(app: Flask, query: Query) -> None:
    timeline = snapshot(app)
    view = overview.build(timeline, query)
    assert view is not None
    for bar in bars(view):
        shown = apply(timeline, replace(query, start=bar.bucket.start, end=bar.bucket.end)).total
        assert bar.bucket.count == shown, bar.link_name


def test_an_event_dated_only_to_the_year_counts_in_each_of_its_months(app: Flask) -> None:
    view = build(app, Query(start="1957", end="1957"))
    assert [b.bucket.count for b in bars(view)] == [1] * 10 + [2, 1]  # "1957", and Laika in November


def test_a_date_range_marks_the_years_inside_it(app: Flask) -> None:
    view = build(app, Query(start="1950", end="1960"))
    assert view.unit == "year"
    assert view.ranged
    assert [(b.bucket.label, b.bucket.selected, b.highlighted) for b in bars(view)] == [
        ("1957", True, True),
        ("2021", False, False),
    ]
    gap = next(p for p in view.parts if isinstance(p, Gap))
    assert gap.selected


def test_dates_within_one_year_zoom_to_months(app: Flask) -> None:
    view = build(app, Query(start="2021-10", end="2021-10"))
    assert view.zoomed
    assert view.heading == "Events per month in 2021"
    months = bars(view)
    assert [b.bucket.label for b in months][:3] == ["Jan", "Feb", "Mar"]
    assert len(months) == 12
    october = months[9]
    assert (october.bucket.start, october.bucket.end, october.link_name) == (
        "2021-10",
        "2021-10",
        "Oct 2021: 3 events",
    )
    assert [b.bucket.label for b in months if b.bucket.selected] == ["Oct"]
    assert not any(isinstance(p, Gap) for p in view.parts)


def test_a_whole_year_chosen_highlights_all_its_months(app: Flask) -> None:
    view = build(app, Query(start="2021", end="2021"))
    assert view.zoomed
    assert not view.ranged  # every month is inside: nothing to set apart
    assert all(b.highlighted for b in bars(view))


def test_runs_are_split_so_the_strip_wraps_on_small_screens(app: Flask) -> None:
    view = build(app, Query(start="2021", end="2021"))
    runs = [p for p in view.parts if isinstance(p, Run)]
    assert [len(r.bars) for r in runs] == [overview.CHUNK, 12 - overview.CHUNK]
    assert max(r.width for r in runs) <= 320 - 24 - 26  # 320 px less the page margins and the box


def test_bars_grow_with_their_counts_and_one_event_stays_visible(app: Flask) -> None:
    view = build(app)
    one_year, busy_year = bars(build(app, Query(tag=("first",))))[0], bars(view)[1]
    assert 3 <= one_year.count_height < busy_year.count_height == overview.BAR_HEIGHT


def test_an_empty_timeline_has_no_overview(app: Flask) -> None:
    timeline = snapshot(app)
    empty = replace(timeline, index=replace(timeline.index, anchors=()))
    assert overview.build(empty, Query()) is None

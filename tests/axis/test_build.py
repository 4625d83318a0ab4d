"""The whole axis on the bundled story: the filming as a bar, lanes, three steps to a day, proportional x."""

from __future__ import annotations

import calendar as cal

import pytest

from tests.axis.conftest import build, timeline_of
from timeline.axis.lanes import TOP
from timeline.axis.window import Step
from timeline.model import Timeline


def ts(year: int, month: int = 1, day: int = 1) -> int:
    return cal.timegm((year, month, day, 0, 0, 0))


def test_the_filming_is_a_twelve_day_bar(story: Timeline, story_app: object) -> None:
    wide = build(story, from_="2021-10", to="2021-10").layouts[0]
    position = story.positions["filming-aboard-iss"]
    bar = next(m for lane in wide.lanes for m in lane.marks if m.position == position and not m.cluster)
    assert bar.row > 0
    per_day = wide.scale.x(ts(2021, 10, 2)) - wide.scale.x(ts(2021, 10, 1))
    core = next(p for p in bar.pieces if p.kind == "core")
    # From the 5th to the 17th: certainly under way from the end of the first day to the start of the
    # last (11 days), possibly from the start of the 5th to the end of the 17th (13 days).
    assert (core.x1 - core.x0) / per_day == pytest.approx(11)
    assert (bar.x1 - bar.x0) / per_day == pytest.approx(13)
    assert ((bar.x0 + core.x0) / 2, (core.x1 + bar.x1) / 2) == pytest.approx(
        (wide.scale.x(ts(2021, 10, 5) + 43_200), wide.scale.x(ts(2021, 10, 17) + 43_200))
    )  # middle of the first day to middle of the last: twelve days


def test_lanes_by_country_set_the_soviet_and_russian_efforts_apart_from_the_american(
    story: Timeline, story_app: object
) -> None:
    built = build(story, lanes="country")
    lanes = built.layouts[0].lanes
    labels = [lane.spec.label for lane in lanes]
    assert labels[:4] == ["Russia", "Kazakhstan", "United States", "Soviet Union"]
    assert len(lanes) <= TOP + 1
    for lane in lanes:
        code = lane.spec.value
        for mark in lane.marks:
            if not mark.cluster:
                assert code in story.events[mark.position].countries
    narrow = built.layouts[1].lanes
    assert [lane.spec.label for lane in narrow][:3] == labels[:3]
    assert narrow[-1].spec.other  # the rest share one lane on a phone
    assert narrow[-1].spec.size == len(
        {p for p in range(len(story.events)) if not {"RU", "KZ", "US"} & set(story.events[p].countries)}
    )


def test_other_collects_what_the_top_lanes_leave(story_app: object) -> None:
    countries = ["RU", "US", "KZ", "SU", "JP", "FR", "DE", "CN", "IN", "GB"]
    events = [{"date": f"2021-{k + 1:02d}-01", "countries": f"[{code}]"} for k, code in enumerate(countries)]
    lanes = (
        build(timeline_of(*events, {"date": "2021-12-01", "countries": "[RU]"}), lanes="country")
        .layouts[0]
        .lanes
    )
    assert len(lanes) == TOP + 1
    assert lanes[0].spec.label == "Russia"  # two events
    assert lanes[-1].spec.other
    assert lanes[-1].spec.size == 2


def test_three_zoom_steps_lead_from_all_time_to_the_day_of_the_launch(
    story: Timeline, story_app: object
) -> None:
    steps, params = [], {}
    for _ in range(3):
        step = build(story, **params).zoom_in
        assert step is not None
        steps.append(step)
        params = {"from_": step.start or "", "to": step.end or ""}
    assert steps == [Step("2021", "2021"), Step("2021-10", "2021-10"), Step("2021-10-05", "2021-10-05")]


def test_every_instant_is_drawn_where_its_time_falls_in_its_segment(
    story: Timeline, story_app: object
) -> None:
    for params in (
        {},
        {"from_": "2021", "to": "2021"},
        {"from_": "2021-10", "to": "2021-10"},
        {"lanes": "actor"},
    ):
        checked = 0
        for layout in build(story, **params).layouts:
            singles = [m for lane in layout.lanes for m in lane.marks if not m.cluster and not m.row]
            for mark in singles:
                event = story.events[mark.position]
                point = event.date.start
                if point is not None and point.instant and event.end is None:
                    segment = next(s for s in layout.scale.segments if s.lo <= point.lo < s.hi)
                    share = (point.lo - segment.lo) / (segment.hi - segment.lo)
                    assert (mark.x - segment.x0) / (segment.x1 - segment.x0) == pytest.approx(share, abs=1e-4)
                    checked += 1
        assert checked >= 2, params


def test_the_list_page_is_marked_on_the_axis_when_the_results_run_on(
    story: Timeline, story_app: object
) -> None:
    paged = build(story, per_page="10")
    listed = [m for lane in paged.layouts[0].lanes for m in lane.marks if m.listed]
    first_ten = set(range(10))
    assert listed
    assert all(m.position in first_ten for m in listed if not m.cluster)
    assert paged.layouts[0].listed is not None
    assert build(story).layouts[0].listed is None  # one page: everything is listed, nothing to mark

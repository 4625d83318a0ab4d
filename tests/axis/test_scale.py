"""Segments and breaks: long empty stretches are cut out, and x is proportional to time in each segment."""

from __future__ import annotations

import calendar as cal

import pytest

from tests.axis.conftest import build, timeline_of
from timeline.axis.build import TARGET, WIDE
from timeline.axis.scale import WIDTH, Scale, layout
from timeline.axis.window import Window
from timeline.model import Timeline


def ts(year: int, month: int = 1, day: int = 1) -> int:
    return cal.timegm((year, month, day, 0, 0, 0))


def wide(timeline: Timeline, **params: str) -> Scale:
    return build(timeline, **params).layouts[0].scale


def test_a_long_empty_stretch_becomes_a_break(story_app: object) -> None:
    scale = wide(timeline_of("1957-10-04", "1957-11-03", "2021-10-05", "2021-10-17"))
    assert len(scale.breaks) == 1
    gap = scale.breaks[0]
    assert ts(1957, 11, 4) < gap.lo < ts(1959)
    assert ts(2020) < gap.hi < ts(2021, 10, 5)
    assert scale.segments[0].hi == gap.lo
    assert scale.segments[1].lo == gap.hi
    assert scale.x((gap.lo + gap.hi) // 2) == gap.middle  # a time in the break is drawn at its middle
    assert gap.x1 - gap.x0 < 0.1 * WIDTH  # 63 empty years take a sliver


def test_short_empty_stretches_stay_on_the_axis(story_app: object) -> None:
    quarterly = [f"{2019 + q // 4}-{3 * (q % 4) + 1:02d}-15" for q in range(16)]
    scale = wide(timeline_of(*quarterly))
    assert scale.breaks == ()  # no stretch is a tenth of the window
    assert len(scale.segments) == 1


def test_a_year_month_or_day_is_shown_whole(story_app: object) -> None:
    sparse = timeline_of("2021-01-02", "2021-12-30", "2021-10-01T01:00Z", "2021-10-31T23:00Z")
    assert wide(sparse, from_="2021", to="2021").breaks == ()
    assert wide(sparse, from_="2021-10", to="2021-10").breaks == ()
    assert len(wide(sparse, from_="2021-01-02", to="2021-12-30").breaks) == 3  # not a unit: cut


def test_an_event_that_spans_the_stretch_keeps_it_on_the_axis(story_app: object) -> None:
    spanning = {"date": "1960", "end": "2021-01"}
    assert wide(timeline_of("1957-10-04", spanning, "2021-10-05")).breaks == ()
    assert len(wide(timeline_of("1957-10-04", "1960", "2021-10-05")).breaks) == 1


def test_the_edges_of_a_chosen_window_are_never_cut(story_app: object) -> None:
    scale = wide(timeline_of("1957-10-04", "2021-10-05"), from_="1900", to="2100")
    assert scale.segments[0].lo == ts(1900)
    assert scale.segments[-1].hi == ts(2101)
    assert len(scale.breaks) == 1  # only the stretch between the two events


def test_x_is_proportional_to_time_within_each_segment(story: Timeline, story_app: object) -> None:
    scale = wide(story)
    assert len(scale.segments) > 2
    for segment in scale.segments:
        times = [segment.lo + (segment.hi - 1 - segment.lo) * k // 7 for k in range(8)]
        xs = [scale.x(t) for t in times]
        slopes = {round((xs[i + 1] - xs[i]) / (times[i + 1] - times[i]) * 1e12) for i in range(7)}
        assert len(slopes) == 1, segment
        assert xs[0] == pytest.approx(segment.x0)
        assert xs[-1] == pytest.approx(segment.x1, abs=1e-3)
    widths = [s.x1 - s.x0 for s in scale.segments] + [b.x1 - b.x0 for b in scale.breaks]
    assert sum(widths) == pytest.approx(WIDTH)


def test_segments_share_one_scale_unless_too_short_for_a_mark() -> None:
    window = Window(ts(2000), ts(2100), True, "century")
    least = WIDTH * TARGET / WIDE.px
    scale = layout(window, [(ts(2000, 2), ts(2050)), (ts(2050, 1, 5), ts(2099))], 40.0, least)
    first, short, last = scale.segments
    assert short.x1 - short.x0 == pytest.approx(least)  # four days, widened to one slot
    rate = (first.x1 - first.x0) / (first.hi - first.lo)
    assert (last.x1 - last.x0) / (last.hi - last.lo) == pytest.approx(rate)


def test_too_many_breaks_for_the_width_are_dropped_shortest_first() -> None:
    window = Window(ts(2000), ts(2100), True, "century")
    gaps = [(ts(2000 + 10 * k, 2), ts(2010 + 10 * k)) for k in range(9)]
    scale = layout(window, gaps, 40.0, 150.0)  # room for six segments of 150 units at most
    assert len(scale.segments) * 150 <= WIDTH
    assert len(scale.breaks) == len(scale.segments) - 1 < 9

"""Ticks adapt from centuries to minutes; each label zooms to its unit; a second row names the larger unit."""

from __future__ import annotations

import calendar as cal

import pytest

from tests.axis.conftest import build
from timeline.axis.build import WIDE
from timeline.axis.scale import Scale, layout
from timeline.axis.ticks import Ruler, ruler
from timeline.axis.window import Step, Window
from timeline.model import Timeline

PX, EDGE = WIDE.px, WIDE.edge_px  # the wide layout at its narrowest, and how far its text may reach out


def ts(year: int, month: int = 1, day: int = 1, hour: int = 0) -> int:
    return cal.timegm((year, month, day, hour, 0, 0))


def scale_of(lo: int, hi: int) -> Scale:
    return layout(Window(lo, hi, True, None), [], 40.0, 44.0)


def ruler_of(lo: int, hi: int) -> Ruler:
    return ruler(scale_of(lo, hi), PX, edge=EDGE)


@pytest.mark.parametrize(
    ("lo", "hi", "labels", "first"),
    [
        (ts(1001), ts(2001), ["1100", "1200", "1300"], ("Zoom to 1100–1199", Step("1100", "1199"))),
        (ts(1950), ts(2030), ["1950s", "1960s", "1970s"], ("Zoom to 1950–1959", Step("1950", "1959"))),
        (ts(2015), ts(2025), ["2015", "2016", "2017"], ("Zoom to 2015", Step("2015", "2015"))),
        (ts(2021), ts(2022), ["Jan", "Feb", "Mar"], ("Zoom to Jan 2021", Step("2021-01", "2021-01"))),
        (
            ts(2021, 10, 5),
            ts(2021, 10, 19),
            ["5", "6", "7"],
            ("Zoom to 5 Oct 2021", Step("2021-10-05", "2021-10-05")),
        ),
        (
            ts(2021, 10, 5),
            ts(2021, 10, 6),
            ["00:00", "02:00", "04:00"],
            ("Zoom to 5 Oct 2021, 00:00–00:59 UTC", Step("2021-10-05T00Z", "2021-10-05T00Z")),
        ),
        (ts(2021, 10, 5, 8), ts(2021, 10, 5, 9), ["08:00", "08:05", "08:10"], None),
    ],
    ids=["centuries", "decades", "years", "months", "days", "hours", "minutes"],
)
def test_the_step_adapts_to_the_window_and_each_label_zooms_to_its_unit(
    story_app: object, lo: int, hi: int, labels: list[str], first: tuple[str, Step] | None
) -> None:
    shown = ruler_of(lo, hi)
    assert [t.label for t in shown.ticks][:3] == labels
    tick = shown.ticks[0]
    assert (tick.name, tick.step) == first if first else tick.step is None  # no zooming to a minute


@pytest.mark.parametrize(
    ("lo", "hi", "context"),
    [
        (ts(2020, 9), ts(2021, 5), ["2020", "2021"]),
        (ts(2021, 9, 25), ts(2021, 10, 8), ["Sept 2021", "Oct 2021"]),
        (ts(2021, 10, 4, 18), ts(2021, 10, 5, 6), ["4 Oct 2021", "5 Oct 2021"]),
    ],
)
def test_a_second_row_names_the_larger_unit_where_it_starts(
    story_app: object, lo: int, hi: int, context: list[str]
) -> None:
    assert [c.text for c in ruler_of(lo, hi).context] == context


@pytest.mark.parametrize("length", [3600, 86_400, 31 * 86_400, 366 * 86_400, 80 * 365 * 86_400])
def test_ticks_sit_at_their_time_and_keep_apart(story_app: object, length: int) -> None:
    scale = scale_of(ts(1990), ts(1990) + length)
    shown = ruler(scale, PX, edge=EDGE)
    assert len(shown.ticks) >= 3
    for tick in shown.ticks:
        assert tick.x == pytest.approx(scale.x(tick.at))
    gaps = [b.x - a.x for a, b in zip(shown.ticks, shown.ticks[1:], strict=False)]
    assert min(gaps) >= shown.room - 1e-6  # room: a label's width, at least a 28 px target


def test_where_the_axis_is_wider_more_labels_show_between(story_app: object) -> None:
    scale = scale_of(ts(2000), ts(2020))
    coarse, fine = ruler(scale, PX, edge=EDGE), ruler(scale, PX, PX * 1.5, EDGE)
    assert [t.label for t in coarse.ticks][:3] == ["2000", "2002", "2004"]
    assert [t.label for t in fine.ticks if not t.minor] == [t.label for t in coarse.ticks]
    assert [t.label for t in fine.ticks if t.minor][:3] == ["2001", "2003", "2005"]
    assert fine.room < coarse.room  # their targets are narrower, shown only where they fit
    five_years = scale_of(ts(2000), ts(2030))  # 2-year ticks would not include 2005: none added
    assert not any(t.minor for t in ruler(five_years, PX, PX * 1.5, EDGE).ticks)


def test_a_short_stretch_between_breaks_is_named_at_its_middle(story: Timeline, story_app: object) -> None:
    layout = build(story).layouts[0]
    floating = [t for t in layout.ruler.ticks if not t.line]
    assert floating
    for tick in floating:
        segment = next(s for s in layout.scale.segments if s.x0 <= tick.x <= s.x1)
        assert tick.x == pytest.approx((segment.x0 + segment.x1) / 2)
        assert tick.step == Step(tick.label, tick.label)  # its year
        assert ts(int(tick.label)) < segment.hi
        assert segment.lo < ts(int(tick.label) + 1)

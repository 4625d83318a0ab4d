"""Marks: events at their time, clusters where they would overlap, bars with honest ends."""

from __future__ import annotations

import calendar as cal
import itertools

import pytest

from tests.axis.conftest import build, timeline_of
from timeline.axis.build import Axis, Layout
from timeline.axis.marks import Mark
from timeline.model import Timeline


def ts(year: int, month: int = 1, day: int = 1, hour: int = 0) -> int:
    return cal.timegm((year, month, day, hour, 0, 0))


def marks(layout: Layout) -> list[Mark]:
    return [m for lane in layout.lanes for m in lane.marks]


def drawn(built: Axis, layout: int = 0) -> int:
    """How many events the marks of a layout stand for."""
    return sum(m.size for m in marks(built.layouts[layout]))


def by_event(timeline: Timeline, layout: Layout, ident: str) -> Mark:
    position = timeline.positions[ident]
    return next(m for m in marks(layout) if not m.cluster and m.position == position)


def test_an_event_alone_is_drawn_at_its_own_time(story_app: object) -> None:
    timeline = timeline_of("2021-10-05T08:55Z", "2021-10-13T14:49Z", "2021-10-17T04:35Z")
    wide = build(timeline, from_="2021-10", to="2021-10").layouts[0]
    for event in timeline.events:
        mark = by_event(timeline, wide, event.id)
        assert mark.x == pytest.approx(wide.scale.x(event.date.anchor), abs=0.01)
        assert [p.kind for p in mark.pieces] == ["dot"]
        assert mark.x0 <= mark.x <= mark.x1  # its target is its slot, around it
        assert mark.x1 - mark.x0 >= 1000 * 24 / 540 - 1e-6  # 24 px at the narrowest


def test_events_that_would_overlap_become_a_cluster_that_counts_them(story_app: object) -> None:
    timeline = timeline_of(*[f"2021-10-05T{h:02d}:00Z" for h in range(8, 13)], "2021-10-20")
    wide = build(timeline, from_="2021-10", to="2021-10").layouts[0]
    clusters = [m for m in marks(wide) if m.cluster]
    assert len(clusters) == 1
    cluster = clusters[0]
    assert cluster.size == 5
    assert (cluster.start, cluster.end) == (ts(2021, 10, 5, 8), ts(2021, 10, 5, 12) + 60)
    assert cluster.middle == ts(2021, 10, 5, 10)  # "zoom in" centres on its middle event
    assert by_event(timeline, wide, "e5").size == 1


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"from_": "2021", "to": "2021"},
        {"from_": "2021-10", "to": "2021-10"},
        {"from_": "2021-10-05", "to": "2021-10-05"},
        {"lanes": "country"},
        {"lanes": "country", "from_": "2020", "to": "2022"},
        {"country": "US"},
    ],
)
def test_every_event_in_the_window_is_drawn_once(
    story: Timeline, story_app: object, params: dict[str, str]
) -> None:
    built = build(story, **params)
    for layout in (0, 1):
        if "lanes" in params:  # an event of two countries is in both lanes: count each lane
            for lane in built.layouts[layout].lanes:
                assert sum(m.size for m in lane.marks) == lane.spec.size
        else:
            assert drawn(built, layout) == built.total


def test_many_overlapping_spans_fill_their_rows_and_the_rest_are_counted(story_app: object) -> None:
    spans = [{"date": f"2021-{m:02d}-01", "end": f"2021-{m + 2:02d}-28"} for m in range(1, 10)]
    built = build(timeline_of(*spans, "2021-06-15"), from_="2021", to="2021")
    wide = built.layouts[0]
    bars = [m for m in marks(wide) if m.row]
    assert {m.row for m in bars} == {1, 2}  # one lane: two rows of bars
    for row in (1, 2):
        ordered = sorted((m for m in bars if m.row == row), key=lambda m: m.x0)
        assert all(a.x1 < b.x0 for a, b in itertools.pairwise(ordered))  # never overlapping
    assert drawn(built) == 10


def test_a_span_is_a_bar_whose_uncertain_ends_are_drawn_apart(story: Timeline, story_app: object) -> None:
    wide = build(story, from_="2021-10", to="2021-10").layouts[0]
    filming = by_event(story, wide, "filming-aboard-iss")  # 5–17 Oct 2021, days
    x = wide.scale.x
    kinds = {p.kind: (p.x0, p.x1) for p in filming.pieces}
    assert kinds["core"] == pytest.approx((x(ts(2021, 10, 6)), x(ts(2021, 10, 17))))  # surely under way
    caps = sorted(p.x0 for p in filming.pieces if p.kind == "cap")
    assert caps == pytest.approx([x(ts(2021, 10, 5)), x(ts(2021, 10, 17))])  # the first and last day
    assert (filming.x0, filming.x1) == pytest.approx((x(ts(2021, 10, 5)), x(ts(2021, 10, 18))))
    assert filming.row > 0  # a bar, in a row of bars


@pytest.mark.parametrize(
    ("date", "params", "kinds", "bounds"),
    [
        ("2021-12~", {"from_": "2021", "to": "2021"}, ["band"], (ts(2021, 12), ts(2022))),
        ("196X", {"from_": "1950", "to": "1979"}, ["band"], (ts(1960), ts(1970))),
        ("../2021-06-01", {"from_": "2021", "to": "2021"}, ["open-start", "cap"], (ts(2021), ts(2021, 6, 2))),
        ("2021-06/..", {"from_": "2021", "to": "2021"}, ["cap", "open-end"], (ts(2021, 6), ts(2022))),
        (
            "2021-10-16?",
            {"from_": "2021-10", "to": "2021-10"},
            ["band"],
            (ts(2021, 10, 16), ts(2021, 10, 17)),
        ),
        ("2021-10-16?", {"from_": "2020", "to": "2029"}, ["dot"], None),
    ],
)
def test_vague_dates_are_drawn_across_what_they_may_denote(
    story_app: object, date: str, params: dict[str, str], kinds: list[str], bounds: tuple[int, int] | None
) -> None:
    timeline = timeline_of(date, "2021-03-01", "2021-09-01" if kinds != ["dot"] else "2028-09-30")
    layout = build(timeline, **params).layouts[0]
    mark = by_event(timeline, layout, "e0")
    assert [p.kind for p in mark.pieces] == kinds
    if bounds is not None:
        assert (min(p.x0 for p in mark.pieces), max(p.x1 for p in mark.pieces)) == pytest.approx(
            (layout.scale.x(bounds[0]), layout.scale.x(bounds[1]))
        )


def test_a_bar_cut_by_the_window_says_so(story: Timeline, story_app: object) -> None:
    day = build(story, from_="2021-10-05", to="2021-10-05").layouts[0]
    filming = by_event(story, day, "filming-aboard-iss")
    assert (filming.before, filming.after) == (False, True)  # it began that day and runs on
    assert [p.kind for p in filming.pieces] == ["band"]  # within the day, its start is only known to the day


def test_neighbours_that_would_touch_merge_into_one_cluster(story_app: object) -> None:
    # Two events a minute apart, on either side of a slot's edge: drawn apart they would overlap.
    built = build(
        timeline_of("2021-10-09T23:59Z", "2021-10-10T00:00Z", "2021-10-25"), from_="2021-10", to="2021-10"
    )
    narrow = built.layouts[1]
    points = [m for m in marks(narrow) if not m.row]
    assert [m.size for m in points] == [2, 1]
    assert all(a.x1 <= b.x0 + 1e-6 for a, b in itertools.pairwise(points))  # targets never overlap


def test_bits_answer_range_questions_as_a_scan_would() -> None:
    from timeline.axis.bits import Bits

    positions = [3, 5, 511, 512, 513, 1024, 1500, 1501, 4000]
    bits = Bits(sum(1 << p for p in positions))
    for start, stop in [(0, 4001), (4, 1500), (511, 513), (600, 1000), (1501, 1502)]:
        inside = [p for p in positions if start <= p < stop]
        assert bits.count(start, stop) == len(inside)
        assert bits.positions(start, stop, 100) == inside
        assert bits.first(start, stop) == (inside[0] if inside else None)
        assert bits.last(start, stop) == (inside[-1] if inside else None)
        assert [bits.nth(start, stop, n) for n in range(len(inside) + 1)] == [*inside, None]

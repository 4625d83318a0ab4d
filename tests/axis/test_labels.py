"""No two words of the ruler overlap, in either layout, at any width; and none is misread.

Label widths are estimated here on their own terms: characters × the width of a digit of DejaVu
Sans at the ruler's 11 px (7.0 px; 7.7 px in the semibold of the second row), the widest font the
stylesheet can fall back to and the one Chromium uses on this machine (the browser test measures
the real boxes). Tick labels are centred on their tick (moved by ``dx`` px), dates are written
from their x, breaks' lengths are centred on the break.
"""

from __future__ import annotations

import calendar as cal
import math
from collections.abc import Iterator
from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.axis.conftest import build
from timeline.axis.build import NARROW, TARGET, WIDE, Spec
from timeline.axis.calendar import Unit, floor, moment
from timeline.axis.scale import WIDTH, Scale, layout
from timeline.axis.ticks import CONTEXT, Ruler, ruler
from timeline.axis.window import Window
from timeline.i18n import speaking
from timeline.i18n.dates import day_month_text, day_text, month_name, month_text
from timeline.model import Timeline

REGULAR, SEMIBOLD = 7.0, 7.7  # px per character at 11 px
Extent = tuple[float, float, str]


def ts(year: int, month: int = 1, day: int = 1, hour: int = 0) -> int:
    return cal.timegm((year, month, day, hour, 0, 0))


def tick_row(shown: Ruler, px: float, minor: bool) -> list[Extent]:
    """Where the tick labels are at ``px`` wide (the minor ones too, when they show)."""
    return [
        (x - size / 2, x + size / 2, t.label)
        for t in shown.ticks
        if t.label and (minor or not t.minor)
        for x, size in [(t.x * px / WIDTH + t.dx, len(t.label) * REGULAR)]
    ]


def second_row(shown: Ruler, scale: Scale, px: float) -> list[Extent]:
    """Where the dates and the breaks' lengths are at ``px`` wide."""
    dates = [(c.x * px / WIDTH, c.x * px / WIDTH + len(c.text) * SEMIBOLD, c.text) for c in shown.context]
    gaps = [
        (
            b.middle * px / WIDTH - len(text) * REGULAR / 2,
            b.middle * px / WIDTH + len(text) * REGULAR / 2,
            text,
        )
        for b, text in zip(scale.breaks, shown.gaps, strict=True)
        if text
    ]
    return dates + gaps


def assert_apart(row: list[Extent], px: float, edge: float) -> None:
    ordered = sorted(row)
    for (_, end, left), (start, _, right) in pairwise(ordered):
        assert end <= start, f"{left!r} runs into {right!r} at {px:.0f} px"
    for start, end, text in ordered:
        assert -edge - 1e-6 <= start, f"{text!r} runs off the left end at {px:.0f} px"
        assert end <= px + edge + 1e-6, f"{text!r} runs off the right end at {px:.0f} px"


def widths(spec: Spec) -> Iterator[tuple[float, bool]]:
    """Widths a layout is drawn at, from its narrowest, and whether the minor labels show."""
    wider = spec.px * 1.5 if spec is WIDE else math.inf
    for px in (spec.px, spec.px * 1.2, wider, spec.px * 2.5):
        if px != math.inf:
            yield px, px >= wider


def assert_clear(shown: Ruler, scale: Scale, spec: Spec) -> None:
    """Nothing on either row of the ruler runs into anything else, or off the axis."""
    for px, minor in widths(spec):
        assert_apart(tick_row(shown, px, minor), px, spec.edge_px)
        assert_apart(second_row(shown, scale, px), px, spec.edge_px)


def names(at: int, unit: Unit) -> tuple[str, str]:
    """A date naming the ``unit`` that holds ``at``: in full, and with its year left out."""
    m = moment(at)
    if unit == "year":
        return str(m.year), ""
    if unit == "month":
        return month_text(m.year, m.month), month_name(m.month)
    day = date(m.year, m.month, m.day)
    return day_text(day), day_month_text(day)


def time_at(scale: Scale, x: float) -> int:
    """The time at ``x`` on the axis (a second later: x is rounded, and a date starts no later than
    its unit's first tick, a minute in at least)."""
    segment = next(s for s in scale.segments if s.x0 - 1e-6 <= x <= s.x1 + 1e-6)
    return segment.time(min(max(x, segment.x0), segment.x1)) + 1


def assert_read_right(shown: Ruler, scale: Scale) -> None:
    """Every tick label is read with the right larger unit: the date written last before it (on
    the second row, or by the tick row itself) names the unit the tick is in, and a date without
    its year follows one that says it."""
    above = CONTEXT.get(shown.unit)
    if above is None:
        return
    # A date at a tick comes before it (x less a hair: positions are floats that went through px).
    said = [(c.x - 1e-6, 0, c.text, time_at(scale, c.x)) for c in shown.context]
    said += [(t.x - 1e-6, 0, t.label, t.at) for t in shown.ticks if t.label and t.label in names(t.at, above)]
    ticks = [(t.x, 1, t.label, t.at) for t in shown.ticks if t.label and t.label not in names(t.at, above)]
    year, unit = 0, None
    for x, is_tick, text, at in sorted(said + ticks):
        if not is_tick:
            full, short = names(at, above)
            assert text in (full, short), f"{text!r} at {x:.0f} names no unit at its place"
            assert text == full or year == moment(at).year, f"{text!r} at {x:.0f}: which year?"
            year, unit = moment(at).year, floor(at, above)
        else:
            assert unit is not None, f"{text!r} at {x:.0f} comes before any date"
            assert floor(at, above) == unit, f"{text!r} at {x:.0f} is read in the wrong {above}"


def ruler_for(scale: Scale, spec: Spec) -> Ruler:
    return ruler(scale, spec.px, spec.px * 1.5 if spec is WIDE else None, spec.edge_px)


def scale_for(spec: Spec, lo: int, hi: int, cuts: list[tuple[float, float]]) -> Scale:
    """A layout's scale over ``[lo, hi)`` with breaks at the given shares of the window."""
    gaps, last = [], lo
    for start, length in sorted(cuts):
        a = lo + int((hi - lo) * start)
        b = a + int((hi - lo) * length)
        if a > last and b < hi:
            gaps.append((a, b))
            last = b
    window = Window(lo, hi, True, None)
    units = WIDTH / spec.px
    return layout(window, gaps[: spec.breaks], spec.break_px * units, TARGET * units)


@settings(deadline=None)  # a first window of a kind fills the caches of words: slow once, on a busy machine
@given(
    language=st.sampled_from(["en", "ru"]),
    spec=st.sampled_from([WIDE, NARROW]),
    year=st.integers(1, 9000),
    offset=st.integers(0, 365 * 86_400),
    length=st.floats(math.log10(1_800), math.log10(3_000 * 365 * 86_400)),
    cuts=st.lists(st.tuples(st.floats(0.01, 0.95), st.floats(0.01, 0.6)), max_size=6),
)
def test_no_label_runs_into_another_in_any_window(
    story_app: object, language: str, spec: Spec, year: int, offset: int, length: float,
    cuts: list[tuple[float, float]],
) -> None:  # fmt: skip
    lo = ts(year) + offset
    hi = min(lo + int(10**length), ts(9999, 12, 31))
    scale = scale_for(spec, lo, hi, cuts)
    with speaking(language):
        shown = ruler_for(scale, spec)
        assert_clear(shown, scale, spec)
        assert_read_right(shown, scale)


WINDOWS = [  # hours and days before and after breaks: where dates crowd each other
    (ts(2021, 10, 4), ts(2021, 10, 18), [(0.08, 0.3), (0.5, 0.35)]),
    (ts(2021, 10, 4), ts(2021, 10, 18), [(0.1, 0.4), (0.55, 0.41)]),
    (ts(2021, 12, 30), ts(2022, 1, 3), [(0.3, 0.3), (0.65, 0.3)]),
    (ts(2021, 12, 31, 18), ts(2022, 1, 1, 6), []),
    (ts(2021, 1, 1), ts(2021, 1, 7, 6), []),
    (ts(2020, 11, 20), ts(2021, 2, 10), [(0.2, 0.5)]),
    (ts(1957, 10, 4), ts(1961, 4, 12), [(0.05, 0.8)]),
]


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("spec", [WIDE, NARROW], ids=["wide", "narrow"])
@pytest.mark.parametrize(("lo", "hi", "cuts"), WINDOWS)
def test_crowded_dates_are_shortened_moved_or_said_by_the_ticks(
    story_app: object, language: str, spec: Spec, lo: int, hi: int, cuts: list[tuple[float, float]]
) -> None:
    scale = scale_for(spec, lo, hi, cuts)
    with speaking(language):
        shown = ruler_for(scale, spec)
        assert_clear(shown, scale, spec)
        assert_read_right(shown, scale)


VIEWS = [
    {},
    {"from_": "2021", "to": "2021"},
    {"from_": "2021-10", "to": "2021-10"},
    {"from_": "2021-10-05", "to": "2021-10-05"},
    {"from_": "2021-10-05T08Z", "to": "2021-10-05T08Z"},
    {"actor": "yulia-peresild", "country": "KZ"},
    {"actor": "yulia-peresild"},
    {"lanes": "country"},
    {"tag": "launch"},
    {"from_": "1957", "to": "1969"},
    {"from_": "2021-09", "to": "2021-11"},
]


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("params", VIEWS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()) or "all")
def test_the_story_s_rulers_keep_their_words_apart(
    story: Timeline, story_app: object, language: str, params: dict[str, str]
) -> None:
    with speaking(language):
        for drawn in build(story, **params).layouts:
            assert_clear(drawn.ruler, drawn.scale, drawn.spec)
            assert_read_right(drawn.ruler, drawn.scale)


def test_the_kazakh_landing_s_dates_no_longer_collide(story: Timeline, story_app: object) -> None:
    wide, narrow = build(story, actor="yulia-peresild", country="KZ").layouts
    assert [c.text for c in wide.ruler.context] == ["4 Oct 2021", "5 Oct", "17 Oct"]  # the year said once
    assert wide.ruler.gaps == ("5 h", "12 d")
    # At 320 px the launch day is too narrow for a date of its own: its tick says it.
    assert [c.text for c in narrow.ruler.context] == ["4 Oct 2021"]
    assert [t.label for t in narrow.ruler.ticks if t.label][-1] == "5 Oct"
    assert narrow.ruler.gaps == ("5 h", "12 d")

    with speaking("ru"):  # the same in Russian, whose dates are longer
        wide = build(story, actor="yulia-peresild", country="KZ").layouts[0]
    assert [c.text for c in wide.ruler.context] == ["4 окт. 2021\u202fг.", "17 окт."]  # (a narrow space)
    assert [t.label for t in wide.ruler.ticks if t.label][-2:] == ["5 окт.", "06:00"]

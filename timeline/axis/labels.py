"""The ruler's words kept apart: no label runs into another, in either layout, at any width.

The ruler has two rows of text. The first holds the tick labels, each centred on its tick. The
second holds the larger unit the ticks belong to ("Oct 2021" under the days of October), written
from where that unit starts, and the length of each break ("12 d"), centred on it.

Positions are axis units, drawn as percentages, while text keeps its size in px: two labels are
closest at the narrowest width a layout is drawn at, so they are kept apart there, with widths
estimated generously from their number of characters. A larger unit that has no room of its own
is first shortened ("17 Oct" when the year is already said), then said by the tick row itself
(the tick under it becomes "17 Oct"); where neither fits, its ticks lose their labels rather than
be read as belonging to the unit before. A break's length gives way to the dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from timeline.axis.scale import WIDTH, Break
from timeline.axis.window import Step

CHARACTER = 7.0  # px per character of an 11 px label: a digit of DejaVu Sans, the widest fallback font
BOLD = 7.7  # the same for the second row's dates, in semibold
GAP = 4.0  # px between two labels at least


def width(text: str, *, bold: bool = False) -> float:
    """The px a label needs, estimated generously."""
    return len(text) * (BOLD if bold else CHARACTER)


class Label(NamedTuple):
    """A tick's label as drawn: its text, zoom link and shift (px) away from the axis's ends."""

    x: float
    text: str
    name: str
    step: Step | None
    minor: bool
    dx: float = 0.0


class Context(NamedTuple):
    """A label on the second row: the larger unit the ticks after it belong to, written from ``x``."""

    x: float
    text: str


class Wanted(NamedTuple):
    """A larger unit the ticks ``first``…``stop - 1`` belong to, to be said on the second row."""

    lo: float  # where the unit starts (in its segment): the label starts here at the earliest
    x: float  # its first tick: the label starts here at the latest
    text: str  # "17 Oct 2021"
    short: str  # "17 Oct" (said when the year is already said), or "" when there is none
    year: int
    start: int  # the unit's start (UTC seconds)
    first: int
    stop: int


class Placed(NamedTuple):
    """The ruler's words once kept apart."""

    labels: tuple[Label, ...]
    context: tuple[Context, ...]
    gaps: tuple[str, ...]  # each break's length ("" where it gives way)
    named: dict[int, Wanted]  # the labels that name a larger unit instead of their tick (to link to it)


class Row:
    """The extents (px) taken on one row of text."""

    def __init__(self, low: float, high: float) -> None:
        self.low, self.high = low, high  # how far labels may reach: the ends of the axis and its margin
        self.taken: list[tuple[float, float]] = []

    def free(self, lo: float, hi: float) -> bool:
        """Whether ``[lo, hi]`` stays within the row and clear of every label on it."""
        if lo < self.low - 1e-6 or hi > self.high + 1e-6:
            return False
        return all(hi + GAP <= a + 1e-6 or lo >= b + GAP - 1e-6 for a, b in self.taken)

    def first_free(self, lo: float, latest: float, size: float, end: float) -> float | None:
        """The earliest start in ``[lo, latest]`` of a free label ``size`` wide that ends by ``end``."""
        start = lo
        for _, b in sorted(self.taken):  # only a label's right end can be a better start
            if self.free(start, start + size) or start > latest:
                break
            start = max(start, b + GAP)
        if start <= latest + 1e-6 and start + size <= end + 1e-6 and self.free(start, start + size):
            return start
        return None

    def take(self, lo: float, hi: float) -> None:
        self.taken.append((lo, hi))


def centred(x: float, size: float, row: Row) -> tuple[float, float, float]:
    """A label centred at ``x`` px, moved inwards where it would reach past the row: (lo, hi, shift)."""
    lo = x - size / 2
    shift = max(0.0, row.low - lo) or min(0.0, row.high - (lo + size))
    return lo + shift, lo + size + shift, shift


def place(
    labels: Sequence[Label], wanted: Sequence[Wanted], breaks: Sequence[Break], gaps: Sequence[str],
    px: float, wider: float | None, edge: float,
) -> Placed:  # fmt: skip
    """The labels, dates and break lengths of a ruler drawn ``px`` wide at least, none running into
    another (the minor labels, shown from ``wider`` px, also there); ``edge``: the px labels may
    reach past the axis's ends."""
    scale = px / WIDTH
    second, first = Row(-edge, px + edge), Row(-edge, px + edge)
    shown = _gaps(breaks, gaps, scale, second)
    drawn = list(labels)
    context, named = _context(wanted, drawn, scale, first, second, shown)
    _ticks(drawn, scale, first, [i for i, label in enumerate(drawn) if not label.minor and i not in named])
    if wider is not None:  # minor labels show where the axis is this wide: kept clear of all the others
        row = Row(-edge, wider + edge)
        for label in drawn:
            if label.text and not label.minor:
                x, size = label.x * wider / WIDTH + label.dx, width(label.text)
                row.take(x - size / 2, x + size / 2)
        _ticks(drawn, wider / WIDTH, row, [i for i, label in enumerate(drawn) if label.minor])
    texts = tuple(gaps[i] if i in shown else "" for i in range(len(gaps)))
    return Placed(tuple(drawn), tuple(context), texts, named)


def _gaps(
    breaks: Sequence[Break], gaps: Sequence[str], scale: float, row: Row
) -> dict[int, tuple[float, float]]:
    """The breaks whose length fits, left to right, and where it is written."""
    shown: dict[int, tuple[float, float]] = {}
    for i, (gap, text) in enumerate(zip(breaks, gaps, strict=True)):
        size, x = width(text), gap.middle * scale
        if row.free(x - size / 2, x + size / 2):
            row.take(x - size / 2, x + size / 2)
            shown[i] = (x - size / 2, x + size / 2)
    return shown


class _Dates:
    """The second row as dates are written on it, and the breaks' lengths still shown there."""

    def __init__(self, row: Row, shown: dict[int, tuple[float, float]]) -> None:
        self.row, self.shown = row, shown  # the row holds both
        self.dates = Row(row.low, row.high)  # the dates alone

    def spot(
        self, unit: Wanted, forms: list[str], scale: float, end: float, *, over: bool
    ) -> tuple[float, str] | None:
        """Where a unit's date starts, and in which form: clear of the breaks' lengths, or ``over`` them."""
        row = self.dates if over else self.row
        for text in forms:
            start = row.first_free(unit.lo * scale, unit.x * scale, width(text, bold=True), end)
            if start is not None:
                return start, text
        return None

    def take(self, start: float, text: str) -> None:
        """Write a date, and take away the breaks' lengths it runs into."""
        end = start + width(text, bold=True)
        self.dates.take(start, end)
        for index, (a, b) in list(self.shown.items()):
            if not (b + GAP <= start or a >= end + GAP):
                del self.shown[index]
                self.row.taken.remove((a, b))
        self.row.take(start, end)


def _context(
    wanted: Sequence[Wanted], labels: list[Label], scale: float, first: Row, second: Row,
    shown: dict[int, tuple[float, float]],
) -> tuple[list[Context], dict[int, Wanted]]:  # fmt: skip
    """The second row's dates, left to right. A unit with no room there, clear of the breaks'
    lengths, is said on the tick row; else over the breaks' lengths; else its ticks lose their
    labels. The labels that say a unit are returned too."""
    dates = _Dates(second, shown)
    context: list[Context] = []
    named: dict[int, Wanted] = {}
    said = 0  # the year the last date said
    for i, unit in enumerate(wanted):
        forms = [unit.text] + ([unit.short] if unit.short and unit.year == said else [])
        end = _end(wanted, i, scale, second)
        spot, at = dates.spot(unit, forms, scale, end, over=False), None
        if spot is None:
            at = _name_on_ticks(unit, forms[-1], labels, scale, first)
            if at is None:
                spot = dates.spot(unit, forms, scale, end, over=True)
        if spot is not None:
            dates.take(*spot)
            context.append(Context(spot[0] / scale, spot[1]))
        elif at is not None:
            named[at] = unit
        else:
            _unlabel(labels, range(unit.first, unit.stop))
            continue
        said = unit.year
    return context, named


def _end(wanted: Sequence[Wanted], i: int, scale: float, row: Row) -> float:
    """Where the ``i``-th unit's date must end: in time for the next one to start by its first tick."""
    if i + 1 == len(wanted):
        return row.high
    after = wanted[i + 1]
    least = width(after.short if after.short and after.year == wanted[i].year else after.text, bold=True)
    return min(after.x * scale, row.high - least) - GAP


def _name_on_ticks(unit: Wanted, text: str, labels: list[Label], scale: float, row: Row) -> int | None:
    """Say a unit on the tick row, on its first tick (whose label it replaces), and take the labels of
    its other ticks away; the index of that label, or None where it does not fit."""
    run = range(unit.first, unit.stop)
    at = next((i for i in run if not labels[i].minor), None)
    if at is None:
        return None
    lo, hi, shift = centred(labels[at].x * scale, width(text), row)
    if not row.free(lo, hi):
        return None
    row.take(lo, hi)
    _unlabel(labels, run)
    labels[at] = labels[at]._replace(text=text, dx=shift)  # its link: see Placed.named
    return at


def _unlabel(labels: list[Label], indices: Iterable[int]) -> None:
    """Take these ticks' labels (and links) away."""
    for i in indices:
        labels[i] = labels[i]._replace(text="", name="", step=None, dx=0.0)


def _ticks(labels: list[Label], scale: float, row: Row, chosen: Iterable[int]) -> None:
    """Keep the ``chosen`` labels that fit on ``row`` (moved in at the axis's ends), left to right."""
    for i in chosen:
        label = labels[i]
        if not label.text:
            continue
        lo, hi, shift = centred(label.x * scale, width(label.text), row)
        if row.free(lo, hi):
            row.take(lo, hi)
            if shift:
                labels[i] = label._replace(dx=shift)
        else:
            _unlabel(labels, (i,))

"""The axis as templates draw it: every mark with its accessible name, link and place in the SVG.

Flask-free: URLs are joined from prefixes the web layer passes in (:class:`Links`), so a thousand
marks cost string joins, not a thousand ``url_for`` calls. Heights are px; x positions are axis
units (0–1000), written as percentages so one SVG fits any width.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple
from urllib.parse import quote, urlencode

from timeline.axis import words
from timeline.axis.build import Axis, LaneMarks, Layout
from timeline.axis.calendar import window_params
from timeline.axis.labels import Context
from timeline.axis.marks import Mark, Piece
from timeline.axis.scale import Break
from timeline.axis.ticks import Tick, spoken
from timeline.axis.window import Step
from timeline.i18n import _, content, lazy_gettext, ngettext
from timeline.i18n.words import number
from timeline.model import Event, Timeline
from timeline.query import FACETS, Query

LABEL = 16  # px: a lane's label row
ROW = 28  # px: one row of marks (hit areas are 24 px high, so rows never overlap)
RULER = 42  # px: tick labels, then the context row
TOP = 4
GAP = 4  # px between lanes


class Links(NamedTuple):
    """Where links go: the timeline page, and the prefix of event pages (``/events/``)."""

    home: str
    event: str


class Hrefs:
    """The links of one view: the same filters with other dates, and event pages that read on in it."""

    def __init__(self, links: Links, query: Query) -> None:
        self.links, self.query = links, query
        self.locale = words.locale()
        self._head = urlencode([(name, v) for name in FACETS for v in getattr(query, name)])
        self._tail = urlencode([(k, v) for k, v in (("q", query.q), ("lanes", query.lanes)) if v])
        view = query.view_params()
        self.view = "?" + urlencode(view) if view else ""  # what event pages are opened with

    def dates(self, step: Step | None) -> str:
        """The timeline with these filters and the dates of ``step`` ("" when there is no step)."""
        if step is None:
            return ""
        # from/to values are digits, "-", "T", "Z" and ":" (the one to escape): no urlencode needed
        dates = "&".join(
            f"{k}={v.replace(':', '%3A')}" for k, v in (("from", step.start), ("to", step.end)) if v
        )
        joined = "&".join(part for part in (self._head, dates, self._tail) if part)
        return self.links.home + ("?" + joined if joined else "")

    def event(self, ident: str) -> str:
        """An event's page, opened from this view."""
        return self.links.event + quote(ident) + self.view

    def lanes(self, lanes: str | None) -> str:
        """This view with other lanes."""
        return Hrefs(self.links, replace(self.query, lanes=lanes)).dates(
            Step(self.query.start, self.query.end)
        )


class MarkView(NamedTuple):
    """One mark ready to draw."""

    cluster: bool
    href: str
    name: str  # the accessible name
    place: str  # for the tooltip
    time: int  # what "zoom in" on this mark centres on
    cls: str
    y: int  # the top of its row
    x: float  # the dot, the badge's middle, or the bar's start
    x0: float  # hit area
    x1: float
    badge: str  # a cluster's count, as shown
    pieces: tuple[Piece, ...]
    glyph: str  # "planned" / "cancelled": a shape that says so (not only a colour)
    place_lang: str = ""  # the place's language, when the file did not translate it into the page's


class LaneView(NamedTuple):
    """One lane: its label (and the label's language, when not the page's), where it sits, and its marks."""

    label: str
    y: int
    height: int
    marks: tuple[MarkView, ...]
    lang: str | None = None


class BreakView(NamedTuple):
    """A break: where, its short label ("21 yrs", "" where there is no room) and what it means in words."""

    x0: float
    x1: float
    middle: float
    label: str
    name: str


class LayoutView(NamedTuple):
    """One of the two layouts (wide, narrow)."""

    name: str
    height: int
    ruler_y: int
    lanes: tuple[LaneView, ...]
    ticks: tuple[Tick, ...]
    tick_links: tuple[str, ...]  # the href of each tick's label ("" for none)
    context: tuple[Context, ...]
    breaks: tuple[BreakView, ...]
    segments: str  # "lo hi x0 x1;…" for axis.js
    lines: tuple[tuple[float, float], ...]  # the axis line of each segment
    listed: tuple[float, float] | None
    room: float  # the width of a tick label's hit area, in units


class AxisView(NamedTuple):
    """Everything ``_axis.html`` draws."""

    title: str  # the window in words
    summary: str  # count and span, for everyone
    gaps: tuple[str, ...]  # the breaks in words
    layouts: tuple[LayoutView, LayoutView]
    lane_links: tuple[tuple[str, str, bool], ...]  # (label, href, chosen)
    zoom_in: str
    zoom_out: str
    earlier: str
    later: str
    base: str  # the view without dates, for axis.js
    lo: int
    hi: int
    zoom_unit: str
    centre: int
    keys: tuple[str, ...] = ()  # the kinds of mark drawn, in the key's order


KEYS = ("dot", "core", "band", "doubt", "planned", "cancelled", "cluster", "listed")
_PIECE_KEY = {
    "dot": "dot",
    "core": "core",
    "open-start": "core",
    "open-end": "core",
    "band": "band",
    "cap": "band",
}


def _mark_keys(mark: MarkView) -> set[str]:
    """The key entries that explain one mark."""
    if mark.cluster:
        return {"cluster"}
    kinds = {_PIECE_KEY[p.kind] for p in mark.pieces if not (p.kind == "dot" and mark.glyph)}
    return kinds | ({mark.glyph} - {""}) | ({"doubt"} if "is-doubt" in mark.cls.split() else set())


def drawn_keys(layouts: tuple[LayoutView, ...]) -> tuple[str, ...]:
    """The key entries for what the layouts draw (a key of kinds not on the axis only adds noise)."""
    found = {
        key for layout in layouts for lane in layout.lanes for mark in lane.marks for key in _mark_keys(mark)
    }
    if layouts[0].listed:
        found.add("listed")  # the stretch of the ruler the list below covers
    return tuple(key for key in KEYS if key in found)


def pct(x: float) -> str:
    """Axis units as an SVG percentage."""
    return f"{x / 10:.2f}%"


def span_text(lo: int, hi: int) -> str:
    """A stretch of time in words, at the precision its length deserves ("Apr 2021 – Dec 2021")."""
    return words.span(lo, hi, words.locale())


def event_name(timeline: Timeline, event: Event, language: str) -> str:
    """A mark's accessible name: "Soyuz MS-19 launches, 5 Oct 2021, 08:55 UTC" (and what did not happen),
    the title in the page's language where the file translates it."""
    said = words.messages(language)
    title = content.text(timeline, event, "title") or event.title
    return words.fill(
        said.get(event.status, said["happened"]), title, words.when(event.date, event.end, language)
    )


def _classes(mark: Mark, event: Event) -> str:
    """How a mark is drawn: on the list page or not, doubtful, planned or cancelled, cut at an edge."""
    doubt = any(p.approximate or p.uncertain for p in (event.date.start, event.date.end) if p is not None)
    flags = (
        (mark.listed, "is-listed"), (doubt, "is-doubt"), (event.status != "happened", f"is-{event.status}"),
        (mark.before, "is-before"), (mark.after, "is-after"),
    )  # fmt: skip
    return " ".join(["ax-m", *(name for on, name in flags if on)])


def _event_mark(mark: Mark, timeline: Timeline, hrefs: Hrefs, y: int) -> MarkView:
    event = timeline.events[mark.position]
    place = content.text(timeline, event, "place")
    return MarkView(
        cluster=False, href=hrefs.event(event.id), name=event_name(timeline, event, hrefs.locale),
        place=place or "", time=event.date.anchor, cls=_classes(mark, event), y=y, x=mark.x, x0=mark.x0,
        x1=mark.x1, badge="", pieces=mark.pieces, glyph=event.status if event.status != "happened" else "",
        place_lang=getattr(place, "lang", None) or "",
    )  # fmt: skip


def _cluster_mark(mark: Mark, hrefs: Hrefs, y: int) -> MarkView:
    name, badge = words.cluster(mark.size, hrefs.locale)
    return MarkView(
        cluster=True, href=hrefs.dates(Step(*window_params(mark.start, mark.end))),
        name=words.fill(name, words.span(mark.start, mark.end, hrefs.locale)), place="", time=mark.middle,
        cls="ax-c is-listed" if mark.listed else "ax-c", y=y, x=mark.x, x0=mark.x0, x1=mark.x1, badge=badge,
        pieces=(), glyph="",
    )  # fmt: skip


def _lane(lane: LaneMarks, y: int, labelled: bool, timeline: Timeline, hrefs: Hrefs) -> LaneView:
    """A lane's marks: bars in rows above the row of dots and clusters."""
    top = y + (LABEL if labelled else 0)
    points = top + ROW * lane.rows
    marks = tuple(
        _cluster_mark(m, hrefs, points)
        if m.cluster
        else _event_mark(m, timeline, hrefs, points - ROW * m.row if m.row else points)
        for m in lane.marks
    )
    spec, said = lane.spec, words.messages(hrefs.locale)
    label = words.fill(said["lane"], said["other"] if spec.other else spec.label, number(spec.size))
    lang = None if spec.other else getattr(spec.label, "lang", None)  # a name the file did not translate
    return LaneView(label if labelled else "", y, top - y + ROW * (1 + lane.rows), marks, lang)


def _layout(layout: Layout, timeline: Timeline, hrefs: Hrefs, labelled: bool) -> LayoutView:
    lanes, y = [], TOP
    for lane in layout.lanes:
        drawn = _lane(lane, y, labelled, timeline, hrefs)
        lanes.append(drawn)
        y += drawn.height + GAP
    scale, ticks = layout.scale, layout.ruler.ticks
    return LayoutView(
        name=layout.spec.name, height=y + RULER, ruler_y=y, lanes=tuple(lanes), ticks=ticks,
        tick_links=tuple(hrefs.dates(t.step) for t in ticks), context=layout.ruler.context,
        breaks=tuple(
            _break(b, timeline, pair, label)
            for b, pair, label in zip(scale.breaks, layout.around, layout.ruler.gaps, strict=True)
        ),
        segments=";".join(f"{s.lo} {s.hi} {s.x0:.2f} {s.x1:.2f}" for s in scale.segments),
        lines=tuple((s.x0, s.x1) for s in scale.segments), listed=layout.listed, room=layout.ruler.room,
    )  # fmt: skip


def _break(gap: Break, timeline: Timeline, around: tuple[int, int], label: str) -> BreakView:
    """A break, named by the events on either side ("No events between 3 Nov 1957 and c. Oct 2021")."""
    before, after = (timeline.events[p] for p in around)
    last = before.end or before.date
    final = (last.end or last.start) if last.interval else last.start
    assert final is not None
    language = words.locale()
    name = _(
        "No events between %(start)s and %(end)s",
        start=words.point(final, language),
        end=words.point(after.date.first, language),
    )
    return BreakView(gap.x0, gap.x1, gap.middle, label, name)


LANE_CHOICES = (
    (None, lazy_gettext("None")),
    ("country", lazy_gettext("Country")),
    ("actor", lazy_gettext("Actor")),
    ("tag", lazy_gettext("Tag")),
)


def present(axis: Axis, timeline: Timeline, query: Query, links: Links) -> AxisView:
    """The axis of ``query`` as ``_axis.html`` draws it."""
    hrefs = Hrefs(links, query)
    labelled = axis.facet is not None
    wide, narrow = (_layout(layout, timeline, hrefs, labelled) for layout in axis.layouts)
    window = axis.window
    if window.unit:
        title = spoken(window.lo, window.unit, hrefs.locale)
    else:
        title = span_text(*(axis.found or (window.lo, window.hi)))
    summary = ngettext(
        "%(count)s event, %(span)s. Times in UTC.", "%(count)s events, %(span)s. Times in UTC.",
        axis.total, count=number(axis.total), span=title,
    )  # fmt: skip
    lane_links = tuple((str(name), hrefs.lanes(value), query.lanes == value) for value, name in LANE_CHOICES)
    return AxisView(
        title=title, summary=summary, gaps=tuple(b.name for b in wide.breaks), layouts=(wide, narrow),
        lane_links=lane_links, zoom_in=hrefs.dates(axis.zoom_in), zoom_out=hrefs.dates(axis.zoom_out),
        earlier=hrefs.dates(axis.earlier), later=hrefs.dates(axis.later), base=hrefs.dates(Step(None, None)),
        lo=window.lo, hi=window.hi, zoom_unit=axis.zoom_unit or "", centre=axis.centre,
        keys=drawn_keys((wide, narrow)),
    )  # fmt: skip

"""Presentation helpers: what templates show, computed in Python (templates only present)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from timeline.i18n.dates import LocalDay, age_text, date_text, local_days, zone_label
from timeline.model import Event, Timeline
from timeline.query import FacetValue

GAP_YEARS = 2  # a jump of more than this many years between events is marked as a gap
OUTLETS = 3  # publishers named on a closed source list


@dataclass(frozen=True, slots=True)
class YearGroup:
    """Events of one year, and how many empty years came before it."""

    year: int
    events: list[Event]
    gap_before: int  # empty years between the previous group and this one (0 = none marked)
    continued: bool = False


def year_of(event: Event) -> int:
    """The year an event is filed under (the year of its sort anchor, UTC)."""
    return datetime.fromtimestamp(event.date.anchor, UTC).year


def group_by_year(events: list[Event], previous: Event | None = None) -> list[YearGroup]:
    """Consecutive events grouped by year, with gaps marked."""
    groups: list[YearGroup] = []
    last_year = year_of(previous) if previous is not None else None
    for event in events:
        year = year_of(event)
        if groups and groups[-1].year == year:
            groups[-1].events.append(event)
            continue
        gap = year - last_year - 1 if last_year is not None and year - last_year > GAP_YEARS else 0
        groups.append(YearGroup(year, [event], gap, continued=last_year == year))
        last_year = year
    return groups


def when(event: Event, *, seconds: bool = False) -> str:
    """The event's date as readers see it, honest to precision and zone."""
    return date_text(event.date, event.end, event.zone, event.zone_label, seconds=seconds)


def datetime_attr(event: Event) -> str:
    """A valid HTML ``<time datetime>`` value for the event's start."""
    point = event.date.first
    if point.utc is not None:
        return point.utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return point.bound_iso(last=False)


def ages(timeline: Timeline, event: Event) -> dict[str, str]:
    """Each actor's age at the event in words ("aged 37"), where their birth date is known."""
    result = {}
    for ident in event.actors:
        actor = timeline.actors.get(ident)
        if actor is not None and actor.born is not None and actor.kind == "person":
            age = age_text(actor.born, event.date)
            if age is not None:
                result[ident] = age
    return result


def day_differences(event: Event, reference: list[tuple[str, ZoneInfo]]) -> list[LocalDay] | None:
    """Local days and times when the calendar day of an instant differs by place, else None."""
    point = event.date.first
    if point.utc is None:
        return None
    places = list(reference)
    if event.zone is not None:
        places.insert(0, (zone_label(event.zone, event.zone_label), event.zone))
    rows = local_days(point, places)
    return rows if len({row.day for row in rows}) > 1 else None


def outlets(timeline: Timeline, event: Event) -> list[str]:
    """The distinct publishers an event cites, in citation order."""
    names = (timeline.sources[c.source].publisher for c in event.citations if c.source in timeline.sources)
    return list(dict.fromkeys(names))


def noted(event: Event) -> int:
    """How many of an event's citations carry a note on a source error."""
    return sum(1 for c in event.citations if c.note)


@dataclass(frozen=True, slots=True)
class FacetParts:
    """A facet's values split into those shown and those behind "more"."""

    shown: list[FacetValue]
    more: list[FacetValue]
    selected: int  # how many values are chosen
    open: bool  # a chosen value is among the hidden ones


def facet_parts(values: list[FacetValue], limit: int, most: int = 300) -> FacetParts:
    """Split facet values for display (at most ``most`` behind "more")."""
    shown, more = values[:limit], values[limit : limit + most]
    return FacetParts(shown, more, sum(v.selected for v in values), any(v.selected for v in more))

"""Times of day joined to their days.

A time joins the day written next to it ("10 a.m. ET on Jan. 9, 2023"); next to a day that could not
be read ("09:00 on Saturday" with no tense) it is left out. A time with its zone that opens a line
and is followed by a dash, a colon or nothing ("8:40 a.m. EST — Liftoff!", "09:15 GMT: …"), or that
stands on a line of its own before the entry, is the time stamp of a live-blog entry: it is on the
publication day (a stamp on a line of its own dates only an entry's first sentence that has no date
of its own). "Shortly before midnight" is the day before that midnight, not a minute. Any other time
with a zone takes the day named before it in the article (the entry's stamp included); a time with
no zone is left out, and a day written next to it is kept as a day, unless the article gives one
zone for all its times ("All times AEST.").
"""

from __future__ import annotations

import re
from datetime import date, timedelta, tzinfo
from typing import NamedTuple

from timeline.draft import clock
from timeline.draft.expressions import Mention
from timeline.draft.resolve import Item
from timeline.draft.when import Span, When

PLACED = "placed time"  # the kind of a time put on the day named before it: checked against the tense
_ADJACENT = re.compile(r"[\s,]*(?:(?:on|at)\b)?[\s,]*")
_STAMP_END = re.compile(r"\s*(?:[—–|:-]|$)")
_ROUGHLY = re.compile(  # "shortly before midnight": the day, not the minute
    r"(?i:\b(?:shortly|just|soon|minutes|moments|an\s+hour|hours|a\s+few\s+minutes)\s+(?P<side>before|after)\s+)$"
)


def _is_day(item: Item) -> bool:
    return not item.span.interval and item.span.start is not None and item.span.start.rank == 3


def _next_to(sentence: str, start: int, end: int, mention: Mention) -> bool:
    """True when only "on", "at", commas or spaces stand between a day (at ``start:end``) and a time."""
    if mention.end <= start:
        return bool(_ADJACENT.fullmatch(sentence[mention.end : start]))
    return end <= mention.start and bool(_ADJACENT.fullmatch(sentence[end : mention.start]))


def is_stamp(sentence: str, mention: Mention, heading: bool = False) -> bool:
    """True for a time that opens its sentence as a live-blog entry's stamp (the sentence must
    open a line too); ``heading`` when the stamp stood on a line of its own."""
    return not sentence[: mention.start].strip() and (
        heading or bool(_STAMP_END.match(sentence, mention.end))
    )


class Line(NamedTuple):
    """Where a sentence stands: the day of a time stamp opening it (the publication day, when the
    sentence opens a line), and whether that stamp stood on a line of its own."""

    stamp_day: date | None
    heading: bool = False


def join(
    sentence: str,
    items: list[Item],
    times: list[Mention],
    earlier: list[When],
    line: Line,
    zone: tzinfo | None = None,
    unread: tuple[Mention, ...] = (),
) -> list[Item]:
    """Join each time to its day (see the module rules); ``zone`` is the article's zone for times
    written without; a time next to a day that could not be read (``unread``: "09:00 on Saturday"
    with no tense) is left out, since its day is in doubt."""
    for mention in times:
        if any(_next_to(sentence, u.start, u.end, mention) for u in unread):
            continue
        next_to = [
            i
            for i, item in enumerate(items)
            if _is_day(item) and _next_to(sentence, item.start, item.end, mention)
        ]
        if next_to:
            items[next_to[0]] = joined = _with_time(sentence, items[next_to[0]], mention, zone)
            if joined.span.start is not None and joined.span.start.moment is not None:
                earlier.append(joined.span.start)
            continue
        stamp = line.stamp_day is not None and is_stamp(sentence, mention, line.heading)
        day, where = _day_of(earlier, line.stamp_day if stamp else None)
        when = clock.moment(mention, day, zone) if day is not None else None
        if when is not None:
            point = When(when.year, moment=when)
            earlier.append(point)
            span = _roughly(
                sentence, mention, Span(point, note=f'"{mention.text}": on {when:%-d %b %Y}, {where}')
            )
            items.append(
                Item(mention.start, mention.end, mention._replace(kind="time" if stamp else PLACED), span)
            )
    return sorted(items, key=lambda i: (i.start, i.end))


def _roughly(sentence: str, mention: Mention, span: Span) -> Span:
    """ "shortly before midnight": the day of the minutes before (or after) the time, not a minute."""
    side = _ROUGHLY.search(sentence, 0, mention.start)
    moment = span.start.moment if span.start is not None else None
    if side is None or moment is None:
        return span
    day = (moment - timedelta(minutes=1) if side["side"].lower() == "before" else moment).date()
    return Span(When.of(day), note=f"{span.note}; {side.group().strip()} it: the day, not the minute")


def _day_of(earlier: list[When], stamp_day: date | None) -> tuple[date | None, str]:
    """The day of a time written with no day next to it (``stamp_day`` for an entry's stamp), and
    how it was found."""
    if stamp_day is not None:
        return stamp_day, "the publication day (the time stamp of an entry)"
    days = [w.date for w in earlier if w.rank >= 3 and w.date is not None]
    return (days[-1] if days else None), "the day named before it in the article"


def _with_time(sentence: str, item: Item, mention: Mention, zone: tzinfo | None) -> Item:
    day = item.span.start.date if item.span.start else None
    assert day is not None
    start, end = min(item.start, mention.start), max(item.end, mention.end)
    when = clock.moment(mention, day, zone)
    if when is None:
        note = f'the time "{mention.text}" has no zone, so only the day is given'
        span = item.span._replace(note=f"{item.span.note}; {note}" if item.span.note else note)
    else:
        span = Span(When(when.year, moment=when), note=item.span.note)
    joined = Mention("time", start, end, sentence[start:end], item.mention.parts)
    return Item(start, end, joined, span)

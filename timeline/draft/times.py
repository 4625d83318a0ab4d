"""Times of day joined to their days.

A time joins the day written next to it ("10 a.m. ET on Jan. 9, 2023"). A time with its zone that
opens a line and is followed by a dash, a colon or nothing ("8:40 a.m. EST — Liftoff!", "09:15 GMT:
…") is the time stamp of a live-blog entry: it is on the publication day. Any other time with a
zone takes the day named before it in the article (the entry's stamp included); a time with no
zone is left out, and a day written next to it is kept as a day, unless the article gives one zone
for all its times ("All times AEST.").
"""

from __future__ import annotations

import re
from datetime import date, tzinfo

from timeline.draft import clock
from timeline.draft.expressions import Mention
from timeline.draft.resolve import Item
from timeline.draft.when import Span, When

PLACED = "placed time"  # the kind of a time put on the day named before it: checked against the tense
_ADJACENT = re.compile(r"[\s,]*(?:(?:on|at)\b)?[\s,]*")
_STAMP_END = re.compile(r"\s*(?:[—–|:-]|$)")


def _is_day(item: Item) -> bool:
    return not item.span.interval and item.span.start is not None and item.span.start.rank == 3


def _next_to(sentence: str, item: Item, mention: Mention) -> bool:
    """True when only "on", "at", commas or spaces stand between a day and a time."""
    if mention.end <= item.start:
        return bool(_ADJACENT.fullmatch(sentence[mention.end : item.start]))
    return item.end <= mention.start and bool(_ADJACENT.fullmatch(sentence[item.end : mention.start]))


def is_stamp(sentence: str, mention: Mention) -> bool:
    """True for a time that opens its sentence as a live-blog entry's stamp (the sentence must
    open a line too)."""
    return not sentence[: mention.start].strip() and bool(_STAMP_END.match(sentence, mention.end))


def join(
    sentence: str,
    items: list[Item],
    times: list[Mention],
    earlier: list[When],
    stamp_day: date | None,
    zone: tzinfo | None = None,
) -> list[Item]:
    """Join each time to its day (see the module rules); ``stamp_day`` is the publication day when
    the sentence opens a line, else None; ``zone`` the article's zone for times written without."""
    for mention in times:
        next_to = [i for i, item in enumerate(items) if _is_day(item) and _next_to(sentence, item, mention)]
        if next_to:
            items[next_to[0]] = joined = _with_time(sentence, items[next_to[0]], mention, zone)
            if joined.span.start is not None and joined.span.start.moment is not None:
                earlier.append(joined.span.start)
            continue
        day, where = _day_of(sentence, mention, earlier, stamp_day)
        when = clock.moment(mention, day, zone) if day is not None else None
        if when is not None:
            point = When(when.year, moment=when)
            note = f'"{mention.text}": on {when:%-d %b %Y}, {where}'
            placed = mention._replace(
                kind=PLACED if stamp_day is None or not is_stamp(sentence, mention) else "time"
            )
            items.append(Item(mention.start, mention.end, placed, Span(point, note=note)))
            earlier.append(point)
    return sorted(items, key=lambda i: (i.start, i.end))


def _day_of(
    sentence: str, mention: Mention, earlier: list[When], stamp_day: date | None
) -> tuple[date | None, str]:
    """The day of a time written with no day next to it, and how it was found."""
    if stamp_day is not None and is_stamp(sentence, mention):
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

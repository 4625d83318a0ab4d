"""Rules for periods ("last month", "later this year", "next week", "that day"), offsets ("two
weeks ago", "in 10 days", "six hours later", "the next day") and parts of a day ("by early
evening")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.draft.expressions import Mention
from timeline.draft.resolve import Context, number, shift_month
from timeline.draft.tense import Tense
from timeline.draft.when import Span, When

_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_PARTS_OF_DAY = ("day", "morning", "afternoon", "evening", "night")
_SHIFT = {"this": 0, "last": -1, "next": 1}
_EXACTLY = re.compile(r"(?i:\b(?:exactly|precisely)\s+)$")
_ANAPHORIC = {"that": 0, "the same": 0, "the previous": -1, "the following": 1, "the next": 1}


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _this_month_in_sentence(ctx: Context) -> When | None:
    """The month the sentence already named ("in October … at the start of the month")."""
    for when in reversed(ctx.here):
        if when.rank == 2:
            return when
    return None


def period_rule(mention: Mention, ctx: Context) -> Span | None:
    """This/last/next week, month, year or season; earlier/later this month; that day, that year."""
    unit = _words(mention.parts["unit"])
    relation = _words(mention.parts.get("prel", "this")).replace("this past", "last")  # "this past weekend"
    p = ctx.published
    if relation in _ANAPHORIC:
        return _anaphoric_period(mention, ctx, unit, _ANAPHORIC[relation])
    shift = _SHIFT[relation]
    if unit in _PARTS_OF_DAY:
        return Span(When.of(p + timedelta(days=shift)), note=ctx.relative(mention))
    if unit == "weekend":
        saturday = _weekend(p, relation if "prel" in mention.parts else "", ctx.tense)
        return Span(When.of(saturday), When.of(saturday + timedelta(days=1)), True, ctx.relative(mention))
    if unit == "week":
        if "pmod" in mention.parts and relation == "this":
            return None  # "later this week": which days of it, the text does not say
        monday = p - timedelta(days=p.weekday()) + timedelta(weeks=shift)
        return Span(When.of(monday), When.of(monday + timedelta(days=6)), True, ctx.relative(mention))
    if unit == "month":
        if "prel" not in mention.parts and (named := _this_month_in_sentence(ctx)) is not None:
            return Span(named, note=f'"{mention.text}": the month named before it in the sentence')
        year, month = shift_month(p.year, p.month, shift)
        return Span(When(year, month), note=ctx.relative(mention))
    if unit == "year":
        return Span(When(p.year + shift), note=ctx.relative(mention))
    season = _season(unit, p, relation)
    return None if season is None else season._replace(note=ctx.relative(mention, "the season, to the year"))


def _weekend(published: date, relation: str, mood: Tense | None) -> date:
    """The Saturday of this/last/next weekend, or of "the weekend" (the one before the publication
    day for past statements, the coming one for future statements)."""
    latest = published - timedelta(days=(published.weekday() - 5) % 7)  # last Saturday, or today
    within = published.weekday() >= 5
    coming = latest if within else latest + timedelta(days=7)
    if relation == "last":
        return latest - timedelta(days=7) if within else latest
    if relation == "next":
        return coming + timedelta(days=7) if within else coming
    if relation == "this":
        return coming
    return coming if mood is Tense.FUTURE else latest


def _season(season: str, published: date, relation: str) -> Span | None:
    """This/last/next spring, summer, autumn or winter (northern seasons): its year; a winter
    spans two years, so it is its three months. "Next summer" is the one after this summer, once
    this one has begun or is at most two months away; earlier in the year it may mean the coming
    one, so nothing is given."""
    start = _SEASON_START[season]
    latest = published.year if published.month >= start else published.year - 1  # last one begun
    months_since = (published.year - latest) * 12 + published.month - start
    ongoing = months_since < 3
    this = (latest if ongoing else latest + 1) if season == "winter" else published.year
    if relation == "last":
        year = latest - 1 if ongoing else latest
    elif relation == "next":
        if this > latest and 12 - months_since > 2:
            return None  # "next summer" in March: this coming one, or the one after?
        year = this + 1
    else:
        year = this
    if season == "winter":
        return Span(When(year, 12), When(year + 1, 2), True)
    return Span(When(year))


def _anaphoric_period(mention: Mention, ctx: Context, unit: str, shift: int) -> Span | None:
    """ "that day", "the following year", "the same month", "the following spring": from the date
    before it."""
    if unit in _SEASON_START:
        return _anaphoric_season(mention, ctx, unit, shift)
    rank = {"year": 1, "month": 2, "week": 3}.get(unit, 3)
    anchor = ctx.anchor(rank)
    if anchor is None or anchor.year is None:
        return None
    note = f'"{mention.text}": counted from {anchor.edtf()}, the date before it in the article'
    if rank == 1:
        return Span(When(anchor.year + shift), note=note)
    if rank == 2:
        assert anchor.month is not None
        year, month = shift_month(anchor.year, anchor.month, shift)
        return Span(When(year, month), note=note)
    day = anchor.date
    assert day is not None
    step = timedelta(weeks=shift) if unit == "week" else timedelta(days=shift)
    return Span(When.of(day + step), note=note)


def _anaphoric_season(mention: Mention, ctx: Context, season: str, shift: int) -> Span | None:
    """ "the following spring" after December 1976 is 1977, after January 1976 it is 1976; "that
    summer" is the anchor's year; "the previous winter" … (a season's year, to the year)."""
    anchor = ctx.anchor(1)
    if anchor is None or anchor.year is None or season == "winter":
        return None  # a winter spans two years: which one, the text does not say
    start = _SEASON_START[season]
    if shift == 0:
        year = anchor.year
    elif shift > 0:
        year = anchor.year if anchor.month is not None and anchor.month < start else anchor.year + 1
    else:
        year = anchor.year if anchor.month is not None and anchor.month > start + 2 else anchor.year - 1
    return Span(
        When(year), note=f'"{mention.text}": counted from {anchor.edtf()}, the date before it in the article'
    )


def offset_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "two weeks ago", "in 10 days", "six hours later", "the next day", "the day before"."""
    parts = mention.parts
    if "ref" in parts or "unit2" in parts:
        unit = _words(parts.get("unit") or parts["unit2"])
        step = (
            -1
            if _words(parts.get("ref") or parts.get("dir2", "")) in ("previous", "preceding", "before")
            else 1
        )
        return _from_anchor(mention, ctx, unit, step)
    count, unit = number(parts["n"]), _words(parts["unit"])
    direction = _words(parts.get("dir", "from now"))
    if direction in ("ago", "from now") or mention.text.lower().startswith("in "):
        step = -count if direction == "ago" else count
        return _counted(When.of(ctx.published), unit, step, ctx.relative(mention))
    step = -count if direction in ("earlier", "before") else count
    if _EXACTLY.search(ctx.before) and unit == "year":  # "on 1 May, exactly 150 years later": that day
        anchor = ctx.anchor(3)
        if anchor is not None and anchor.year is not None and anchor.moment is None:
            note = f'"{mention.text}": counted from {anchor.edtf()}, the date before it in the article'
            return Span(anchor._replace(year=anchor.year + step), note=note)
    return _from_anchor(mention, ctx, unit, step)


def _from_anchor(mention: Mention, ctx: Context, unit: str, step: int) -> Span | None:
    rank = {"year": 1, "month": 2, "hour": 4, "minute": 4}.get(unit, 3)
    anchor = ctx.anchor(rank)
    if anchor is None:
        return None
    previous = ctx.previous
    if previous is not None and previous.interval and previous.last == anchor and previous.start is not None:
        return _shifted(mention, previous, unit, step)
    note = f'"{mention.text}": counted from {anchor.edtf()}, the date before it in the article'
    return _counted(anchor, unit, step, note)


def _shifted(mention: Mention, interval: Span, unit: str, step: int) -> Span | None:
    """ "the 2021/22 season, … a year earlier": an interval moves whole (2020/2021)."""
    note = f'"{mention.text}": counted from {interval.edtf()}, the dates before it in the article'
    assert interval.start is not None
    assert interval.end is not None
    first, last = _counted(interval.start, unit, step, note), _counted(interval.end, unit, step, note)
    if first is None or last is None or first.start is None or last.start is None:
        return None
    return Span(first.start, last.start, True, note)


def _counted(start: When, unit: str, step: int, note: str) -> Span | None:
    """``start`` moved by ``step`` units, at the precision the unit allows."""
    if unit in ("hour", "minute"):
        if start.moment is None:
            return None
        if unit == "minute":  # "two minutes later": the minute
            moment = start.moment + timedelta(minutes=step)
            return Span(When(moment.year, moment=moment), note=note)
        return Span(When.of((start.moment + timedelta(hours=step)).date()), note=note)
    if unit == "year":
        return Span(When(start.year + step), note=note) if start.year is not None else None
    if unit == "month":
        if start.year is None or start.month is None:
            return None
        year, month = shift_month(start.year, start.month, step)
        return Span(When(year, month), note=note)
    day = start.date
    if day is None:
        return None
    days = step * {"day": 1, "week": 7, "fortnight": 14}[unit]
    return Span(When.of(day + timedelta(days=days)), note=note)


_DAY_PARTS = {"morning": (5.0, 12.0), "afternoon": (12.0, 18.0), "evening": (17.0, 23.0)}  # hours, roughly


def day_part_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "by early evening", "during the afternoon": the day of the time before it in the article
    (a live blog's stamp), when that time is before the part of the day for a future statement or
    after it for a past one; otherwise which day is in doubt, and nothing is given."""
    anchor = next((w.moment for w in reversed(ctx.earlier) if w.moment is not None), None)
    first, last = _DAY_PARTS[_words(mention.parts["dpart"])]
    third = (last - first) / 3  # "early", "mid", "late": a third of it
    shift = {"early": 0, "mid": 1, "late": 2}.get(_words(mention.parts.get("dmod", "")))
    if shift is not None:
        first, last = first + shift * third, first + (shift + 1) * third
    if anchor is None:
        return None
    ahead = ctx.tense is Tense.FUTURE and anchor.hour < first
    behind = ctx.tense is Tense.PAST and anchor.hour >= last
    if not (ahead or behind):
        return None
    note = f'"{mention.text}": the day of {anchor:%H:%M on %-d %b %Y}, the time before it in the article'
    return Span(When.of(anchor.date()), note=note)

"""One rule per kind of expression (see :mod:`timeline.draft.resolve` for what each does)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.draft.expressions import HOLIDAYS, ORDINALS, WEEKDAYS, Mention
from timeline.draft.resolve import (
    Context,
    Rule,
    day_without_year,
    month_number,
    month_without_year,
    tense_word,
    weekday_date,
)
from timeline.draft.when import Span, When

_ABOUT_YEAR = re.compile(r"(?i:(?:\bc\.|\bca\.|\bcirca|\babout|\baround|\bapproximately|\broughly)\s*)$")
_ABOUT_DAY = re.compile(r"(?i:\b(?:on\s+or\s+about|circa|c\.)\s*)$")
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_HALVES = {"the first half of": (1, 6), "the second half of": (7, 12)}
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _mod(mention: Mention) -> str:
    return " ".join(mention.parts.get("mod", "").lower().split())


def _year_of(mention: Mention, ctx: Context) -> tuple[int | None, str]:
    """The year written with a day or month ("2021", "this year"), and the note's detail."""
    if "y" in mention.parts:
        return int(mention.parts["y"]), ""
    shift = {"this": 0, "last": -1, "next": 1}.get(mention.parts.get("yrel", ""))
    if shift is not None:
        return ctx.published.year + shift, ""
    return None, ""


def day_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "October 5, 2021", "5 October", "Monday, April 17", "2021-10-05", "October 5-17, 2021"."""
    parts = mention.parts
    month = int(parts["m"]) if mention.kind == "iso" else month_number(parts["m"])
    day, year = int(parts["d"]), _year_of(mention, ctx)[0]
    note = None
    if year is None:
        weekday = WEEKDAYS.index(parts["wd"].lower()) if "wd" in parts else None
        found = day_without_year(month, day, ctx, weekday)
        if found is None:
            return None
        year = found.year
        note = ctx.relative(mention, f"{_tense(ctx)}: {found:%-d %B %Y}")
    elif "yrel" in parts:
        note = ctx.relative(mention)
    try:
        first = date(year, month, day)
        last = date(year, month, int(parts["d2"])) if "d2" in parts else None
    except ValueError:
        return None
    if last is not None:
        return Span(When.of(first), When.of(last), True, note) if last > first else None
    return Span(When.of(first)._replace(approximate=bool(_ABOUT_DAY.search(ctx.before))), note=note)


def _tense(ctx: Context) -> str:
    return tense_word(ctx.tense)


def numeric_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "25/12/2016", "12/25/2016"; "3/4/2016" could be either order, so only its year is given."""
    first, second, year = int(mention.parts["a"]), int(mention.parts["b"]), int(mention.parts["y"])
    if first == second or (first > 12) != (second > 12):
        day, month = (first, second) if first > 12 else (second, first)
        try:
            return Span(When.of(date(year, month, day)))
        except ValueError:
            return None
    if first > 12:
        return None
    return Span(
        When(year), note=f'"{mention.text}": day and month could be either way round, so only the year'
    )


def month_year_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "September 2020", "mid-March 2021"."""
    note = f'"{mention.text}": the month (the text gives no day)' if _mod(mention) else None
    return Span(When(int(mention.parts["y"]), month_number(mention.parts["m"])), note=note)


def month_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "in December", "last March", "mid-March": a month without a year; one used as an adjective
    ("set a January trial date") takes no tense from the verb (the nearest January)."""
    month = month_number(mention.parts["m"])
    cue = re.search(r"(\w+)[\s-]*$", ctx.before)
    word = cue.group(1).lower() if cue and not _mod(mention) else ""
    if word in ("a", "an"):
        ctx = ctx._replace(tense=None)
    if "yrel" in mention.parts:  # "in June last year"
        shift = {"this": 0, "last": -1, "next": 1}[mention.parts["yrel"]]
        return Span(When(ctx.published.year + shift, month), note=ctx.relative(mention))
    year = month_without_year(month, ctx, word if word in ("last", "next", "this") else "")
    if year is None:
        return None
    return Span(When(year, month), note=ctx.relative(mention, f"{_tense(ctx)}: {_month_name(month)} {year}"))


def _month_name(month: int) -> str:
    return date(2000, month, 1).strftime("%B")


def year_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "2017", "in late 2020", "the first half of 2021", "the spring of 2017"."""
    year, mod = int(mention.parts["y"]), _mod(mention)
    if mod in _HALVES:
        first, last = _HALVES[mod]
        return Span(When(year, first), When(year, last), True)
    note = f'"{mention.text}": the year (the text gives no month)' if mod else None
    return Span(When(year, approximate=not mod and bool(_ABOUT_YEAR.search(ctx.before))), note=note)


def year_range_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "1966-1969", "2015-16", "1966-69" (two digits: a later year in the same century, not one that
    could be a month unless it is the next year)."""
    first, second = int(mention.parts["y"]), mention.parts["y2"]
    last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if len(second) == 2 and last != first + 1 and (int(second) <= 12 or not first < last <= first + 30):
        return None  # "2001-09" may be September 2001
    return Span(When(first), When(last), True) if last > first else None


def decade_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "the 1970s" → 197X; "the '60s" → 196X."""
    if "dec3" in mention.parts:  # "the 1960s and 70s": the century of the decade before it
        century = next((w.pattern[:2] for w in reversed(ctx.here) if w.pattern and len(w.pattern) == 4), None)
        return None if century is None else Span(When(None, pattern=f"{century}{mention.parts['dec3']}X"))
    digits = mention.parts.get("dec") or f"19{mention.parts['dec2']}"
    return Span(When(None, pattern=f"{digits}X"))


def century_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "the 20th century", "the twentieth century" → 19XX."""
    parts = mention.parts
    number = int(parts["cen"]) if "cen" in parts else ORDINALS[parts["cenw"].lower()]
    return Span(When(None, pattern=f"{number - 1:02d}XX"))


def quarter_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "Q1 2022", "the third quarter of 2021": its three months."""
    quarter = int(mention.parts["q"]) if "q" in mention.parts else _QUARTERS[mention.parts["qn"].lower()]
    year = int(mention.parts["y"])
    return Span(When(year, quarter * 3 - 2), When(year, quarter * 3), True)


def weekday_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "On Tuesday", "last Friday", "Sunday morning"."""
    cue = mention.parts.get("wrel", "").lower()
    weekday = WEEKDAYS.index(mention.parts["wd"].lower())
    if "week" in mention.parts:  # "Friday week": a week after the coming Friday
        found = weekday_date(weekday, ctx, "next") + timedelta(weeks=1)
        return Span(
            When.of(found), note=ctx.relative(mention, f"a week after the coming one: {found:%a %-d %b %Y}")
        )
    if ctx.tense is None and cue not in ("last", "next", "this"):
        return None
    found = weekday_date(weekday, ctx, cue)
    return Span(When.of(found), note=ctx.relative(mention, f"{_tense(ctx)}: {found:%a %-d %b %Y}"))


def holiday_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "Christmas Eve 1976", "on Bonfire Night": a holiday on a fixed day, its year as for a day."""
    month, day = HOLIDAYS[" ".join(mention.parts["holiday"].lower().replace("’", "'").split())]
    if "y" in mention.parts:
        return Span(When.of(date(int(mention.parts["y"]), month, day)))
    found = day_without_year(month, day, ctx)
    if found is None:
        return None
    return Span(When.of(found), note=ctx.relative(mention, f"{_tense(ctx)}: {found:%-d %B %Y}"))


_RELDAYS = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}
_RELDAYS |= {"the day after tomorrow": 2}


def relday_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "today", "tonight", "yesterday", "tomorrow", "this morning"."""
    words = " ".join(mention.parts["rd"].lower().split())
    words = re.sub(r"['’]s$", "", words)
    found = ctx.published + timedelta(days=_RELDAYS.get(words, 0))
    return Span(When.of(found), note=ctx.relative(mention))


def _week(monday: date) -> Span:
    return Span(When.of(monday), When.of(monday + timedelta(days=6)), True)


RULES: dict[str, Rule] = {
    "iso": day_rule,
    "mdy": day_rule,
    "dmy": day_rule,
    "numeric": numeric_rule,
    "my": month_year_rule,
    "month": month_rule,
    "year": year_rule,
    "yrange": year_range_rule,
    "decade": decade_rule,
    "century": century_rule,
    "quarter": quarter_rule,
    "weekday": weekday_rule,
    "relday": relday_rule,
    "holiday": holiday_rule,
}

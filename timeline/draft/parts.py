"""Parts of a year: quarters, halves and the first or last months of a year, fiscal years, seasons
named without a year, and "the 5th of this month".

- "the third quarter", "third-quarter profit", "the July-September period" with no year: the last
  such months over for past statements, the next ones not yet over for future ones; nothing when
  that is in doubt (see :func:`_by_tense`); "of next year" gives it; an adjective quarter gives way
  to another date of its sentence ("will report fourth-quarter results on Feb. 4");
- "the first nine months of the year", "the second half of next year": those months;
- "fiscal 2020", "FY21": the twelve months that end in that year's fiscal year-end month, when the
  article says which month that is ("whose fiscal year ends on June 30": July 2019 to June 2020);
  otherwise nothing, since fiscal years end in different months;
- "in the autumn": the season's year, by tense as for quarters (a winter is its three months);
- "the 5th of this/last/next month": that day; "the first Tuesday of May": that day;
- "the first half" with no year, by tense as for quarters; "in '98": 1998.
"""

from __future__ import annotations

import calendar
from datetime import date

from timeline.draft.expressions import FISCAL_DEFINITION, NUMBERS, WEEKDAYS, Mention
from timeline.draft.resolve import Context, month_number, month_without_year, shift_month
from timeline.draft.tense import Tense
from timeline.draft.when import Span, When

_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SHIFT = {"this": 0, "the": 0, "last": -1, "next": 1}


def fiscal_year_end(text: str) -> int | None:
    """The month a fiscal year ends in, when the article says so (the first such statement)."""
    found = FISCAL_DEFINITION.search(text)
    return month_number(found["fm"]) if found else None


def _months(year: int, first: int, last: int) -> Span:
    return Span(When(year, first), When(year, last), True)


def quarter_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "the third quarter", "the first quarter of next year"."""
    quarter = _QUARTERS[mention.parts["qn"].lower()]
    first, last, p = quarter * 3 - 2, quarter * 3, ctx.published
    if "qrel" in mention.parts:
        return _months(p.year + _SHIFT[mention.parts["qrel"].lower()], first, last)
    year = _by_tense(first, last, p, ctx.tense)
    return None if year is None else _months(year, first, last)


def _by_tense(first: int, last: int, published: date, mood: Tense | None) -> int | None:
    """The year of a part of the year (months ``first`` to ``last``, within one year) named without
    one: for a past statement the last one over, for a future one the next one not over. Silent
    when that is in doubt: a past statement while the part is under way, a future one just after
    it ended ("will report results for the third quarter" in October), or no tense."""
    month, year = published.month, published.year
    if mood is Tense.PAST and not first <= month <= last:
        return year if month > last else year - 1
    if mood is Tense.FUTURE and not last < month <= last + 3:
        return year if month <= last else year + 1
    return None


def month_span_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "the July-September period": those months of one year, by tense as for quarters."""
    first, last = month_number(mention.parts["m"]), month_number(mention.parts["m2"])
    if first >= last:
        return None  # "November-February" spans two years: which, the text does not say
    year = _by_tense(first, last, ctx.published, ctx.tense)
    return None if year is None else _months(year, first, last)._replace(note=ctx.relative(mention))


def months_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "the first nine months of the year", "the last three months of 2020", "the second half of
    next year"."""
    parts = mention.parts
    year = int(parts["y"]) if "y" in parts else ctx.published.year + _SHIFT[parts["mrel"].lower()]
    if "half" in parts:
        return _months(year, 1, 6) if parts["half"].lower() == "first" else _months(year, 7, 12)
    count = parts["count"].lower()
    number = int(count) if count.isdigit() else NUMBERS[count]
    return _months(year, 1, number) if parts["edge"].lower() == "first" else _months(year, 13 - number, 12)


def half_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "in the first half" with no year: by tense, as for quarters."""
    first, last = (1, 6) if mention.parts["half"].lower() == "first" else (7, 12)
    year = _by_tense(first, last, ctx.published, ctx.tense)
    return None if year is None else _months(year, first, last)


def nth_weekday_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "the first Tuesday of May", "the last Friday in June 2024"."""
    parts = mention.parts
    month = month_number(parts["m"])
    year = int(parts["y"]) if "y" in parts else month_without_year(month, ctx)
    if year is None:
        return None
    weekday = WEEKDAYS.index(parts["wd"].lower())
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    nth = parts["nth"].lower()
    day = days[-1] if nth == "last" else days[_QUARTERS[nth] - 1]
    return Span(When.of(date(year, month, day)), note=ctx.relative(mention) if "y" not in parts else None)


def short_year_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "in '98": the year of that century that is not after the publication year."""
    digits, now = int(mention.parts["yy"]), ctx.published.year
    year = now - now % 100 + digits
    return Span(When(year if year <= now else year - 100), note=ctx.relative(mention))


def fiscal_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "fiscal 2020" when the article gives the fiscal year-end month."""
    if ctx.fiscal_end is None:
        return None
    digits = mention.parts["fy"]
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    note = f'"{mention.text}": the fiscal year that ends in {date(2000, ctx.fiscal_end, 1):%B} {year}'
    if ctx.fiscal_end == 12:
        return Span(When(year), note=note)
    start_year, start_month = shift_month(year, ctx.fiscal_end, -11)
    return Span(When(start_year, start_month), When(year, ctx.fiscal_end), True, note)


def season_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "in the autumn", "during the summer": by tense, as for quarters; a winter (December to
    February) is its three months."""
    start, p = _SEASON_START[mention.parts["season"].lower()], ctx.published
    note = ctx.relative(mention, "the season, to the year")
    if start < 12:
        year = _by_tense(start, start + 2, p, ctx.tense)
        return None if year is None else Span(When(year), note=note)
    shifted = date(p.year + 1, 1, 1) if p.month == 12 else p  # a winter counted in its January's year
    year = _by_tense(1, 2, shifted, ctx.tense)
    return None if year is None else Span(When(year - 1, 12), When(year, 2), True, note)


def nth_rule(mention: Mention, ctx: Context) -> Span | None:
    """ "the 5th of this month"."""
    year, month = shift_month(ctx.published.year, ctx.published.month, _SHIFT[mention.parts["nrel"].lower()])
    try:
        return Span(When.of(date(year, month, int(mention.parts["d"]))), note=ctx.relative(mention))
    except ValueError:
        return None

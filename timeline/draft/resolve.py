"""Resolution rules: one date expression + the publication date (+ tense, + the dates before it)
→ a :class:`~timeline.draft.when.Span`, with a note when the date was worked out rather than read.

The rules, each tested in ``tests/draft/test_resolve.py``:

- weekday names: the nearest such day on or before the publication day for past statements, on
  or after it for future ones ("last"/"next" Tuesday: strictly before/after);
- today, tonight, yesterday, tomorrow; this/last/next week (Monday to Sunday), month, year, and
  season (the season's year); "earlier"/"later" this month or year: that month or year;
- a month without a year: the next such month (this one included) for future statements, the last
  one for past statements (more than six months back, only when the story so far is not set in an
  earlier year); when the sentence has no tense, the one in a year written before it in the
  sentence ("until May 2025, with the final on May 24"), else the nearest one when it is at most
  four months away and no verb of the sentence may be past ("cut"); otherwise nothing; a day
  without a year likewise;
- "N days/weeks/months/years ago" and "in N …": counted from the publication date; "N … later",
  "the next day", "that year": counted from the date mentioned before it in the article;
- "early/mid/late 2020", "the spring of 2017": the year, since the text gives no month;
  "the first half of 2021", "Q1 2022": those months;
- the 1970s → ``197X``; the 20th century → ``19XX``.

Precision is what the text gives: a month is never made into a day, and a date the text leaves
in doubt is not given at all.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from timeline.draft.expressions import MONTHS, NUMBERS, Mention
from timeline.draft.tense import Tense
from timeline.draft.when import Span, When


class Item(NamedTuple):
    """A resolved expression of a sentence: where it is, what it said, what it denotes."""

    start: int
    end: int
    mention: Mention
    span: Span


class Context(NamedTuple):
    """What a rule may look at besides the expression itself."""

    published: date
    tense: Tense | None
    before: str  # the sentence's text before the expression
    earlier: tuple[When, ...]  # dates found before this one in the article, oldest first
    here: tuple[When, ...] = ()  # those of them in the same sentence
    previous: Span | None = None  # the last date before this one, whole (an interval stays one)
    written: frozenset[int] = frozenset()  # the years written out earlier in the same sentence
    fiscal_end: int | None = None  # the month the article's fiscal years end in, when it says
    frame: int | None = None  # the year of a date that opens the sentence ("In 2019, …", "Last year …")
    pictured: bool = False  # the sentence is a photo caption: what it shows has happened
    unsure: bool = False  # the sentence has a verb whose tense cannot be read ("cut", "put")

    def published_text(self) -> str:
        """ "Tue 5 Oct 2021"."""
        p = self.published
        return f"{calendar.day_abbr[p.weekday()]} {p.day} {calendar.month_abbr[p.month]} {p.year}"

    def relative(self, mention: Mention, detail: str = "") -> str:
        """The note of a date resolved against the publication date."""
        tail = f"; {detail}" if detail else ""
        return f'"{mention.text}" in an article published {self.published_text()}{tail}'

    def anchor(self, rank: int) -> When | None:
        """The last date before this one at least as precise as ``rank`` (see :attr:`When.rank`)."""
        return next((w for w in reversed(self.earlier) if w.rank >= rank), None)


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """(year, month) ``by`` months later (or earlier, when negative)."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def tense_word(tense: Tense | None) -> str:
    return {Tense.FUTURE: "a future statement", Tense.PAST: "a past statement", None: "no tense"}[tense]


_NEAR_MONTHS = 6  # a past month or day further back than this must agree with the story (_in_story)
_CLEAR_MONTHS = 4  # with no tense, the nearest month or day only when it is this near


def month_without_year(month: int, ctx: Context, cue: str = "") -> int | None:
    """The year of a month named without one (see the module rules), or None when in doubt."""
    p = ctx.published
    before = p.year if month <= p.month else p.year - 1
    after = p.year if month >= p.month else p.year + 1
    if cue == "last":
        return p.year - 1 if month >= p.month else p.year
    if cue == "next":
        return p.year + 1 if month <= p.month else p.year
    if cue == "this":
        return p.year
    if ctx.frame is not None and _agrees(ctx, _order((ctx.frame, month), (p.year, p.month))):
        return ctx.frame  # "Last year we had it drilled by the middle of October"
    back, ahead = (p.month - month) % 12, (month - p.month) % 12
    if ctx.tense is Tense.FUTURE:
        return after
    if ctx.tense is Tense.PAST:
        return before if back <= _NEAR_MONTHS or _in_story(ctx, before) else None
    named = sorted(ctx.written & {before, after})
    if len(named) == 1:
        return named[0]
    if ctx.unsure and back and ahead:
        return None  # "In January the firm cut 40 jobs": a past January as well as the next one
    if back <= _CLEAR_MONTHS or ahead <= _CLEAR_MONTHS:
        return before if back <= ahead else after
    return None  # as near one way as the other: the text does not say which


def day_without_year(month: int, day: int, ctx: Context, weekday: int | None = None) -> date | None:
    """The date of a day named without a year: the same rule as for months, by days; when the
    text also names its weekday ("Saturday 14 July"), the year nearest the publication in which
    that day is that weekday."""
    p = ctx.published
    candidates = [_valid(year, month, day) for year in (p.year - 1, p.year, p.year + 1)]
    if weekday is not None:
        matching = [c for c in candidates if c is not None and c.weekday() == weekday]
        if matching:
            return min(matching, key=lambda c: abs((c - p).days))
    framed = _valid(ctx.frame, month, day) if ctx.frame is not None else None
    if framed is not None and _agrees(ctx, _order(framed, p)):
        return framed
    past = [c for c in candidates if c is not None and c <= p]
    future = [c for c in candidates if c is not None and c >= p]
    if ctx.tense is Tense.FUTURE and future:
        return None if _a_year_off(future[0], past[-1:], p) else future[0]
    if ctx.tense is Tense.PAST and past:
        if _a_year_off(past[-1], future[:1], p) and not ctx.pictured:
            return None
        far = (p - past[-1]).days > _NEAR_MONTHS * 31
        return None if far and not _in_story(ctx, past[-1].year) else past[-1]
    near = list(past[-1:] + future[:1])
    named = [c for c in near if c.year in ctx.written]
    if len(named) == 1:  # "until May 2025, with the final on May 24"
        return named[0]
    nearest = min(near, key=lambda c: abs((c - p).days)) if near else None
    if nearest is None or abs((nearest - p).days) > _CLEAR_MONTHS * 31 or (ctx.unsure and nearest != p):
        return None
    return nearest


def _in_story(ctx: Context, year: int) -> bool:
    """True when a past date more than half a year back agrees with the story so far: the last date
    before it in the article is not in an earlier year. "The songs came in the summer of 2020 …
    By Christmas she had thirty" is Christmas 2020, but after "She moved to Nashville in 1995 …"
    "in March" may be March 1995 as well as last March: the text would have given the year, so
    nothing is given."""
    anchor = next((w.year for w in reversed(ctx.earlier) if w.year is not None), None)
    return anchor is None or anchor >= year


def _order(when: tuple[int, int] | date, published: tuple[int, int] | date) -> int:
    """-1, 0 or 1 as ``when`` is before, on or after ``published`` (both days or both months)."""
    first = when if isinstance(when, tuple) else (when.year, when.month, when.day)
    second = published if isinstance(published, tuple) else (published.year, published.month, published.day)
    return (first > second) - (first < second)


def _agrees(ctx: Context, order: int) -> bool:
    """A date before (-1), on (0) or after (1) the publication agrees with the tense: not after it
    for a past statement, not before it for a future one."""
    if ctx.tense is Tense.PAST:
        return order <= 0
    return ctx.tense is not Tense.FUTURE or order >= 0


def _a_year_off(chosen: date, other: list[date], published: date) -> bool:
    """True when the tense picks a day nearly a year away though the same day in the other
    direction is weeks away ("a strike called for Nov. 12-14" on 30 October): the text would have
    given the year, so the tense is in doubt."""
    return bool(other) and abs((chosen - published).days) > 300 and abs((other[0] - published).days) < 60


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_date(weekday: int, ctx: Context, cue: str) -> date:
    """The date of a weekday name (see the module rules)."""
    p = ctx.published
    back = (p.weekday() - weekday) % 7
    ahead = (weekday - p.weekday()) % 7
    if cue == "last":
        return p - timedelta(days=back or 7)
    if cue == "next":
        return p + timedelta(days=ahead or 7)
    if ctx.tense is Tense.FUTURE:
        return p + timedelta(days=ahead)
    return p - timedelta(days=back)


def month_number(name: str) -> int:
    """1–12 for a month name or abbreviation."""
    return MONTHS[name.rstrip(".").lower()]


def number(text: str) -> int:
    """An integer written in digits or words ("two", "a couple of")."""
    word = " ".join(text.lower().split())
    return int(word) if word.isdigit() else NUMBERS[word]


Rule = Callable[[Mention, Context], Span | None]

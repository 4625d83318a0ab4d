"""Dated statements of an article: every sentence's date expressions, resolved and combined.

Per sentence, left to right: each expression is resolved by its rule (:mod:`.rules`,
:mod:`.relative`, :mod:`.parts`) with the tense of its clause (:mod:`.tense`; in a photo caption a
statement with no tense is a past one: a photograph shows what has happened); a date counted from
another ("a week later", "in a week", "the following year") that falls on the wrong side of the
publication day for that tense is left out; times of day join their days (:mod:`.times`); then
ranges and open ends are formed (:mod:`.spans`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, tzinfo
from typing import NamedTuple

from timeline.dates import parse_date
from timeline.draft import clock, expressions, parts, spans, times
from timeline.draft.relative import day_part_rule, offset_rule, period_rule
from timeline.draft.resolve import Context, Item, Rule
from timeline.draft.rules import RULES
from timeline.draft.sentences import STAMP_LINE, Sentence, caption_paragraphs, split
from timeline.draft.tense import Tense, tense, unsure
from timeline.draft.when import Span, When

_RULES: dict[str, Rule] = {
    **RULES,
    "period": period_rule,
    "offset": offset_rule,
    "daypart": day_part_rule,
    "quarterof": parts.quarter_rule,
    "quarteradj": parts.quarter_rule,
    "months": parts.months_rule,
    "monthspan": parts.month_span_rule,
    "fiscal": parts.fiscal_rule,
    "season": parts.season_rule,
    "nth": parts.nth_rule,
    "half": parts.half_rule,
    "nthday": parts.nth_weekday_rule,
    "shortyear": parts.short_year_rule,
}
_OPENING = re.compile(r"[\s\"“‘'(]*(?:(?i:in|during)\s+)?")  # what may come before a framing year
_COUNTED = frozenset(["period", "offset", "daypart"])  # dates counted from another: checked against the tense
_DAYS = frozenset(["weekday", "mdy", "dmy", "relday", "holiday", "iso"])  # a time may stand next to these


class Found(NamedTuple):
    """One date stated in a sentence."""

    sentence: Sentence
    expression: str
    span: Span
    tense: Tense | None
    start: int  # offset of the expression in the sentence


class _Article(NamedTuple):
    """What every sentence of the article shares."""

    published: date
    fiscal_end: int | None
    zone: tzinfo | None  # "All times AEST."
    captions: frozenset[int]  # numbers of the paragraphs that carry a photo credit
    earlier: list[When]  # the dates found so far, in order (grows as the sentences are read)


def _mood(sentence: Sentence, mention: expressions.Mention, article: _Article) -> Tense | None:
    mood = tense(sentence.text, mention.start, mention.end)
    return Tense.PAST if mood is None and sentence.paragraph in article.captions else mood


class _Resolved(NamedTuple):
    items: list[Item]  # the expressions read, in order
    clocks: list[expressions.Mention]  # times of day, for :mod:`.times`
    unread: tuple[expressions.Mention, ...]  # days that could not be read ("on Saturday" with no tense)


def _resolve(sentence: Sentence, article: _Article) -> _Resolved:
    """Each expression through its rule, in order; times of day are kept aside for :mod:`.times`."""
    items: list[Item] = []
    clocks: list[expressions.Mention] = []
    unread: list[expressions.Mention] = []
    here: list[When] = []
    previous: list[Span] = []
    written: set[int] = set()
    frame: list[int] = []
    for mention in expressions.find(sentence.text, article.published.year + 30):
        if mention.kind == "time":
            clocks.append(mention)
            continue
        ctx = Context(
            article.published,
            _mood(sentence, mention, article),
            sentence.text[: mention.start],
            tuple(article.earlier),
            tuple(here),
            previous[-1] if previous else None,
            frozenset(written),
            article.fiscal_end,
            frame[0] if frame else None,
            sentence.paragraph in article.captions,
            unsure(sentence.text, mention.start, mention.end),
        )
        span = _RULES[mention.kind](mention, ctx)
        if "y" in mention.parts:
            written.add(int(mention.parts["y"]))
        if not frame and span is not None and _OPENING.fullmatch(sentence.text, 0, mention.start):
            frame.extend(_year(span))
        if span is None or (mention.kind in _COUNTED and _contradicts(span, ctx.tense, article.published)):
            unread.extend([mention] if mention.kind in _DAYS else [])
            continue
        items.append(Item(mention.start, mention.end, mention, span))
        if span.last is not None:
            article.earlier.append(span.last)
            here.append(span.last)
            previous.append(span)
    return _Resolved(items, clocks, tuple(unread))


def _year(span: Span) -> list[int]:
    """The year of a date that is a year and no more ("2019", "last year"), if it is one."""
    start = span.start
    return [start.year] if not span.interval and start is not None and start.rank == 1 and start.year else []


def _contradicts(span: Span, mood: Tense | None, published: date) -> bool:
    """A counted date on the wrong side of the publication day for its tense ("it sold out in a
    week" is no date a week after publication; "was held … 150 years later" is not in the future)."""
    value = parse_date(span.edtf())
    day_start = calendar.timegm(published.timetuple())
    if mood is Tense.PAST:
        return value.lo >= day_start + 86400
    return mood is Tense.FUTURE and value.hi <= day_start


def _sentence(sentence: Sentence, article: _Article, line: times.Line) -> list[Found]:
    resolved = _resolve(sentence, article)
    joined = times.join(
        sentence.text, resolved.items, resolved.clocks, article.earlier, line, article.zone, resolved.unread
    )
    if len(joined) > 1:  # "will report fourth-quarter results on Feb. 4": the day dates the statement
        joined = [item for item in joined if item.mention.kind != "quarteradj"]
    if line.heading and len(joined) > 1:  # a stamp heading an entry dates only a sentence with no date
        joined = [item for item in joined if item.start > 0]
    placed = [item for item in joined if item.mention.kind == times.PLACED]
    found: dict[str, Found] = {}
    for item in spans.open_ends(sentence.text, spans.ranges(sentence.text, joined)):
        mood = tense(sentence.text, item.start, item.end)
        if item.mention.kind == times.PLACED and _contradicts(item.span, mood, article.published):
            continue  # "will not be counted until after 8pm" is not on a day before publication
        if _carried(item, placed):
            continue  # "tomorrow's first sailing … at 06:00": the time on that day says it all
        key = item.span.edtf()
        if key in found:
            previous = found[key]
            found[key] = previous._replace(expression=f"{previous.expression}; {item.mention.text}")
            continue
        found[key] = Found(sentence, item.mention.text, item.span, mood, item.start)
    return list(found.values())


def _carried(item: Item, placed: list[Item]) -> bool:
    """True for a day named as a thing's ("tomorrow's first sailing") that a time of the same
    sentence was put on: the time dates the statement."""
    possessive = item.mention.text.endswith(("'s", "’s"))
    day = item.span.start.date if not item.span.interval and item.span.start is not None else None
    if not possessive or day is None or item.span.start is None or item.span.start.rank != 3:
        return False
    return any(p.span.start is not None and p.span.start.date == day for p in placed)


def _line(text: str, sentence: Sentence, published: date) -> times.Line:
    """Where the sentence stands: opening a line (its time stamp is on the publication day), and
    headed by a time stamp on a line of its own."""
    before = text[: sentence.start].rstrip(" \t")
    if before and not before.endswith("\n"):
        return times.Line(None)
    line_end = text.find("\n", sentence.start)
    first = text[sentence.start : line_end if line_end >= 0 else len(text)]
    return times.Line(published, bool(STAMP_LINE.fullmatch(first)))


def _entry(sentence: Sentence, found: list[Found]) -> Found | None:
    """The date that heads an entry of a list of key dates ("Early 2023: The contractor …")."""
    first = found[0] if found else None
    if first is None or first.start != 0 or not sentence.text.startswith(first.expression):
        return None
    if first.span.start is not None and first.span.start.moment is not None:
        return None  # a live blog's time stamp: the entry's other sentences are not all at that minute
    return first if sentence.text[len(first.expression) :].lstrip().startswith(":") else None


def extract(text: str, published: date) -> list[Found]:
    """Every dated statement of the article, in the order of the text. In a list of key dates, a
    sentence with no date of its own that follows an entry's date in its paragraph, and does not
    look ahead, takes that date."""
    zone = clock.article_zone(text)
    article = _Article(published, parts.fiscal_year_end(text), zone, caption_paragraphs(text), [])
    found: list[Found] = []
    entry: tuple[int, Found] | None = None
    for sentence in split(text):
        own = _sentence(sentence, article, _line(text, sentence, published))
        heading = _entry(sentence, own)
        if heading is not None:
            entry = (sentence.paragraph, heading)
        elif not own and entry is not None and entry[0] == sentence.paragraph:
            end = len(sentence.text)
            if tense(sentence.text, end, end) is not Tense.FUTURE:
                own = [entry[1]._replace(sentence=sentence, expression=f"({entry[1].expression})", start=0)]
        found.extend(own)
    return found

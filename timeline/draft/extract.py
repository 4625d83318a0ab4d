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
from timeline.draft.relative import offset_rule, period_rule
from timeline.draft.resolve import Context, Item, Rule
from timeline.draft.rules import RULES
from timeline.draft.sentences import Sentence, caption_paragraphs, split
from timeline.draft.tense import Tense, tense
from timeline.draft.when import Span, When

_RULES: dict[str, Rule] = {
    **RULES,
    "period": period_rule,
    "offset": offset_rule,
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
_COUNTED = frozenset(["period", "offset"])  # dates counted from another: checked against the tense


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


def _resolve(sentence: Sentence, article: _Article) -> tuple[list[Item], list[expressions.Mention]]:
    """Each expression through its rule, in order; times of day are kept aside for :mod:`.times`."""
    items: list[Item] = []
    clocks: list[expressions.Mention] = []
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
        )
        span = _RULES[mention.kind](mention, ctx)
        if "y" in mention.parts:
            written.add(int(mention.parts["y"]))
        if not frame and span is not None and _OPENING.fullmatch(sentence.text, 0, mention.start):
            frame.extend(_year(span))
        if span is None or (mention.kind in _COUNTED and _contradicts(span, ctx.tense, article.published)):
            continue
        items.append(Item(mention.start, mention.end, mention, span))
        if span.last is not None:
            article.earlier.append(span.last)
            here.append(span.last)
            previous.append(span)
    return items, clocks


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


def _sentence(sentence: Sentence, article: _Article, line_start: bool) -> list[Found]:
    items, clocks = _resolve(sentence, article)
    stamp_day = article.published if line_start else None
    joined = times.join(sentence.text, items, clocks, article.earlier, stamp_day, article.zone)
    if len(joined) > 1:  # "will report fourth-quarter results on Feb. 4": the day dates the statement
        joined = [item for item in joined if item.mention.kind != "quarteradj"]
    found: dict[str, Found] = {}
    for item in spans.open_ends(sentence.text, spans.ranges(sentence.text, joined)):
        mood = tense(sentence.text, item.start, item.end)
        if item.mention.kind == times.PLACED and _contradicts(item.span, mood, article.published):
            continue  # "will not be counted until after 8pm" is not on a day before publication
        key = item.span.edtf()
        if key in found:
            previous = found[key]
            found[key] = previous._replace(expression=f"{previous.expression}; {item.mention.text}")
            continue
        found[key] = Found(sentence, item.mention.text, item.span, mood, item.start)
    return list(found.values())


def _opens_line(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before.endswith("\n")


def extract(text: str, published: date) -> list[Found]:
    """Every dated statement of the article, in the order of the text."""
    zone = clock.article_zone(text)
    article = _Article(published, parts.fiscal_year_end(text), zone, caption_paragraphs(text), [])
    found: list[Found] = []
    for sentence in split(text):
        found.extend(_sentence(sentence, article, _opens_line(text, sentence.start)))
    return found

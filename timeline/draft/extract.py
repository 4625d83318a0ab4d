"""Dated statements of an article: every sentence's date expressions, resolved and combined.

Per sentence, left to right: each expression is resolved by its rule (:mod:`.rules`,
:mod:`.relative`); a time of day joins the day written next to it ("10 a.m. ET on Jan. 9, 2023"),
or, with its zone, the day named before it in the article; two dates joined by "-", "to",
"through" or "between … and" become an interval; "no later than", "by", "until", "through"
before a date make it ``../date`` ("did not … until" leaves it as it is); "no earlier than"
makes it ``date/..``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from timeline.draft import clock, expressions
from timeline.draft.relative import offset_rule, period_rule
from timeline.draft.resolve import Context, Rule
from timeline.draft.rules import RULES
from timeline.draft.sentences import Sentence, split
from timeline.draft.tense import Tense, tense
from timeline.draft.when import Span, When

_RULES: dict[str, Rule] = {**RULES, "period": period_rule, "offset": offset_rule}
_ADJACENT = re.compile(r"[\s,]*(?:(?:on|at)\b)?[\s,]*")
_RANGE = re.compile(r"\s*(?:[-–—]|(?i:to|until|till|through|and))\s*")
_RANGE_OPENERS = re.compile(r"(?i:\b(?:between|from)\s+(?:the\s+)?)$")
_BEFORE = re.compile(r"(?i:\b(?:(?:no|not)\s+later\s+than|by|until|till|through|up\s+to)\s+)$")
_AFTER = re.compile(r"(?i:\b(?:(?:no|not)\s+earlier\s+than|not\s+before)\s+)$")
_NEGATED = re.compile(r"(?i:\b(?:not|never)\b|n['’]t\b)")


class Found(NamedTuple):
    """One date stated in a sentence."""

    sentence: Sentence
    expression: str
    span: Span
    tense: Tense | None
    start: int  # offset of the expression in the sentence


class _Item(NamedTuple):
    start: int
    end: int
    mention: expressions.Mention
    span: Span


def _resolve(
    sentence: str, published: date, earlier: list[When]
) -> tuple[list[_Item], list[expressions.Mention]]:
    """Each expression through its rule, in order; times are kept aside for :func:`_times`."""
    items: list[_Item] = []
    times: list[expressions.Mention] = []
    here: list[When] = []
    for mention in expressions.find(sentence, published.year + 30):
        if mention.kind == "time":
            times.append(mention)
            continue
        ctx = Context(
            published,
            tense(sentence, mention.start, mention.end),
            sentence[: mention.start],
            tuple(earlier),
            tuple(here),
        )
        span = _RULES[mention.kind](mention, ctx)
        if span is None:
            continue
        items.append(_Item(mention.start, mention.end, mention, span))
        if span.last is not None:
            earlier.append(span.last)
            here.append(span.last)
    return items, times


def _is_day(item: _Item) -> bool:
    return not item.span.interval and item.span.start is not None and item.span.start.rank == 3


def _times(
    sentence: str, items: list[_Item], times: list[expressions.Mention], earlier: list[When]
) -> list[_Item]:
    """Join each time to its day: the one written next to it, else (with a zone) the last one named."""
    for mention in times:
        next_to = [
            i
            for i, item in enumerate(items)
            if _is_day(item)
            and (
                _ADJACENT.fullmatch(sentence[mention.end : item.start])
                or _ADJACENT.fullmatch(sentence[item.end : mention.start])
            )
        ]
        if next_to:
            items[next_to[0]] = joined = _with_time(sentence, items[next_to[0]], mention)
            if joined.span.start is not None and joined.span.start.moment is not None:
                earlier.append(joined.span.start)
            continue
        days = [w for w in earlier if w.rank >= 3 and w.date is not None]
        when = clock.moment(mention, days[-1].date) if days and days[-1].date else None
        if when is not None:
            note = f'"{mention.text}": on {when:%-d %b %Y}, the day named before it in the article'
            items.append(
                _Item(mention.start, mention.end, mention, Span(When(when.year, moment=when), note=note))
            )
            earlier.append(When(when.year, moment=when))
    return sorted(items, key=lambda i: (i.start, i.end))


def _with_time(sentence: str, item: _Item, mention: expressions.Mention) -> _Item:
    day = item.span.start.date if item.span.start else None
    assert day is not None
    start, end = min(item.start, mention.start), max(item.end, mention.end)
    when = clock.moment(mention, day)
    if when is None:
        note = f'the time "{mention.text}" has no zone, so only the day is given'
        span = item.span._replace(note=f"{item.span.note}; {note}" if item.span.note else note)
    else:
        span = Span(When(when.year, moment=when), note=item.span.note)
    joined = expressions.Mention("time", start, end, sentence[start:end], item.mention.parts)
    return _Item(start, end, joined, span)


def _ranges(sentence: str, items: list[_Item]) -> list[_Item]:
    """ "1998 to 2006", "between March and May 2021", "October 5–17": two points become one interval."""
    merged: list[_Item] = []
    for item in items:
        if merged and _joins(sentence, merged[-1], item):
            first = merged[-1]
            inferred = first.mention.kind == "month" or (
                first.mention.kind in ("mdy", "dmy") and "y" not in first.mention.parts
            )
            left = _same_year(first.span.start, item.span.start) if inferred else first.span.start
            if left is not None and item.span.start is not None and left.edtf() < item.span.start.edtf():
                note = first.span.note or item.span.note
                mention = first.mention._replace(end=item.end, text=sentence[first.start : item.end])
                merged[-1] = _Item(first.start, item.end, mention, Span(left, item.span.start, True, note))
                continue
        merged.append(item)
    return merged


def _joins(sentence: str, first: _Item, second: _Item) -> bool:
    if first.span.interval or second.span.interval or first.span.start is None or second.span.start is None:
        return False
    gap = sentence[first.end : second.start]
    if not _RANGE.fullmatch(gap):
        return False
    word = gap.strip().lower()
    opened = bool(_RANGE_OPENERS.search(sentence[: first.start]))
    both_years = first.span.start.rank == second.span.start.rank == 1
    if word in ("and", "until", "till"):
        return opened
    return opened or word != "to" or both_years


def _same_year(first: When | None, second: When | None) -> When | None:
    """The first end of "March to May 2021" takes the year written at the second end."""
    if first is None or second is None or first.moment is not None:
        return first
    if first.year is None or first.month is None or second.year is None or first.year == second.year:
        return first
    candidate = first._replace(year=second.year)
    return candidate if candidate.edtf() < second.edtf() else first._replace(year=second.year - 1)


def _open(sentence: str, items: list[_Item]) -> list[_Item]:
    """No later than June 1 → ../2021-06-01; no earlier than June 1 → 2021-06-01/..."""
    result: list[_Item] = []
    for item in items:
        before = sentence[: item.start]
        span = item.span
        point = span.end if span.interval else span.start
        if _BEFORE.search(before) and point is not None:
            word = _BEFORE.search(before).group().split()[0].lower()  # type: ignore[union-attr]
            if not (word in ("until", "till") and _NEGATED.search(before)):
                span = Span(None, point, True, span.note)
        elif _AFTER.search(before) and span.start is not None and not span.interval:
            span = Span(span.start, None, True, span.note)
        result.append(item._replace(span=span))
    return result


def _sentence(sentence: Sentence, published: date, earlier: list[When]) -> list[Found]:
    items, times = _resolve(sentence.text, published, earlier)
    items = _open(sentence.text, _ranges(sentence.text, _times(sentence.text, items, times, earlier)))
    found: dict[str, Found] = {}
    for item in items:
        key = item.span.edtf()
        if key in found:
            previous = found[key]
            found[key] = previous._replace(expression=f"{previous.expression}; {item.mention.text}")
            continue
        mood = tense(sentence.text, item.start, item.end)
        found[key] = Found(sentence, item.mention.text, item.span, mood, item.start)
    return list(found.values())


def extract(text: str, published: date) -> list[Found]:
    """Every dated statement of the article, in the order of the text."""
    earlier: list[When] = []
    found: list[Found] = []
    for sentence in split(text):
        found.extend(_sentence(sentence, published, earlier))
    return found

"""Dates of one sentence combined: ranges and open ends.

Two dates joined by "-", "to", "through" or "between … and" become an interval, and so do two
years or decades in a row joined by "and" ("in 1992 and 1993") and a start and an end told in a
clause ("from 2008 until she resigned in January 2018", "from 1990, when she joined, until 2001");
two weekdays that come out the wrong way round ("from Monday to Friday") are both left out; "no
later than", "by", "until (at least)", "through" before a date make it ``../date`` ("through the
1960s" is during them) ("did not … until" and "put off until"
leave it as it is: the event happens then); "no earlier than" and "not … before" make it
``date/..``; "the three months ended Dec. 31" is those months, "the week of February 10" that
Monday to Sunday.
"""

from __future__ import annotations

import re
from datetime import timedelta

from timeline.draft.expressions import NUMBERS
from timeline.draft.resolve import Item, shift_month
from timeline.draft.when import Span, When

_RANGE = re.compile(r"[\s,]*(?:[-–—]|(?i:to|until|till|through|and))\s*")
_RANGE_OPENERS = re.compile(r"(?i:\b(?:between|from)\s+(?:the\s+)?)$")
_BEFORE = re.compile(
    r"(?i:\b(?:(?:no|not)\s+later\s+than|by|until|till|through|up\s+to)\s+(?:at\s+(?:the\s+)?(?:least|latest)\s+)?)$"
)
# "from 2008 until she resigned in January 2018": the end of a span, told in a clause
_UNTIL_CLAUSE = re.compile(
    r"(?:,[^,;()]{1,60},)?\s+(?i:until|till|to)\s+(?:(?:[\w'’-]+\s+){1,5}?(?i:in|on)\s+)?"
)  # "from 1990, when she joined, until 2001", "from 1990 to her retirement in 2001"
_AFTER = re.compile(r"(?i:\b(?:(?:no|not)\s+earlier\s+than|not\s+before)\s+)$")
_NOT_BEFORE = re.compile(r"(?i:\b(?:not|never)\s+(?:\S+\s+){0,4}before\s+)$")  # "not expected to open before"
_POSTPONED = re.compile(r"(?i:\b(?:put\s+off|postponed|delayed|deferred|pushed\s+back|adjourned)\b)")
_MONTHS_TO = re.compile(
    r"(?i:\bthe\s+(?P<n>three|six|nine|twelve|\d{1,2})\s+months\s+(?:ended|ending|to|through)\s+)$"
)
_THROUGHOUT = re.compile(r"\W*Through\s+")  # "Through the '60s and '70s, …": during them
_WEEK_OF = re.compile(r"(?i:\bthe\s+week\s+(?:of|beginning|starting|commencing)\s+)$")
_NEGATED = re.compile(r"(?i:\b(?:not|never)\b|n['’]t\b)")


def ranges(sentence: str, items: list[Item]) -> list[Item]:
    """ "1998 to 2006", "between March and May 2021", "October 5–17": two points become one interval."""
    merged: list[Item] = []
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
                merged[-1] = Item(first.start, item.end, mention, Span(left, item.span.start, True, note))
                continue
            if "weekday" in (first.mention.kind, item.mention.kind):
                merged.pop()  # "rose from Monday to Friday" read the wrong way round: neither day is sure
                continue
        merged.append(item)
    return merged


def _joins(sentence: str, first: Item, second: Item) -> bool:
    one, two = first.span.start, second.span.start
    if first.span.interval or second.span.interval or one is None or two is None:
        return False
    gap = sentence[first.end : second.start]
    opened = bool(_RANGE_OPENERS.search(sentence[: first.start]))
    if opened and _UNTIL_CLAUSE.fullmatch(gap) and "from" in sentence[: first.start][-6:].lower():
        return True
    if not _RANGE.fullmatch(gap):
        return False
    word = gap.strip(" ,").lower()
    both_years = one.rank == two.rank == 1
    if word in ("and", "until", "till"):
        return opened or _next_decade(one, two) or (word == "and" and _next_year(one, two))
    return opened or word != "to" or both_years


def _next_decade(one: When, two: When) -> bool:
    """ "the 1930s and 1940s": two decades in a row are one period."""
    first, second = one.pattern or "", two.pattern or ""
    return len(first) == len(second) == 4 and first.endswith("X") and int(second[:3]) == int(first[:3]) + 1


def _next_year(one: When, two: When) -> bool:
    """ "in 1992 and 1993": two years in a row are one period."""
    return one.rank == two.rank == 1 and one.year is not None and two.year == one.year + 1


def _same_year(first: When | None, second: When | None) -> When | None:
    """The first end of "March to May 2021" takes the year written at the second end."""
    if first is None or second is None or first.moment is not None:
        return first
    if first.year is None or first.month is None or second.year is None or first.year == second.year:
        return first
    candidate = first._replace(year=second.year)
    return candidate if candidate.edtf() < second.edtf() else first._replace(year=second.year - 1)


def open_ends(sentence: str, items: list[Item]) -> list[Item]:
    """No later than June 1 → ../2021-06-01; no earlier than June 1 → 2021-06-01/..; the three
    months ended Dec. 31 → its three months; the week of February 10 → that Monday to Sunday."""
    return [item._replace(span=_opened(sentence[: item.start], item.span)) for item in items]


def _opened(before: str, span: Span) -> Span:
    point = span.end if span.interval else span.start
    if (months := _MONTHS_TO.search(before)) and not span.interval and span.start is not None:
        return _months_to(months["n"], span.start) or span
    if _WEEK_OF.search(before) and not span.interval and span.start is not None and span.start.date:
        monday = span.start.date - timedelta(days=span.start.date.weekday())
        return Span(When.of(monday), When.of(monday + timedelta(days=6)), True, span.note)
    if (found := _BEFORE.search(before)) and point is not None and not _THROUGHOUT.fullmatch(before):
        word = found.group().split()[0].lower()
        if word == "through" and point.pattern is not None:
            return span  # "she painted through the 1960s": during them
        if not (word in ("until", "till") and (_NEGATED.search(before) or _POSTPONED.search(before))):
            return Span(None, point, True, span.note)
    elif (
        (_AFTER.search(before) or _NOT_BEFORE.search(before)) and span.start is not None and not span.interval
    ):
        return Span(span.start, None, True, span.note)
    return span


def _months_to(count: str, last: When) -> Span | None:
    """The months that end with ``last``'s month ("the nine months to September 30": January to
    September)."""
    if last.year is None or last.month is None:
        return None
    number = int(count) if count.isdigit() else NUMBERS[count.lower()]
    year, month = shift_month(last.year, last.month, 1 - number)
    return Span(When(year, month), When(last.year, last.month), True)

"""iCalendar content lines written exactly as the ``icalendar`` library writes them, only faster.

For each property icalendar builds objects (a value type, its parameters, a content line) and
then folds the line a character at a time, encoding each one: for a calendar of 100,000 events
that is most of a minute. These functions write the same text directly. Each one is proven equal
to icalendar's own output for any input (``tests/formats/test_contentline.py``, Hypothesis), and
what is not worth rewriting (how a zone is named) is still asked of icalendar itself.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from zoneinfo import ZoneInfo

import icalendar

LIMIT = 74  # octets on a line before a fold: icalendar folds before a line would reach 75
_ESCAPED = ("\\", "^")  # icalendar keeps such a character with the one after it (icalendar #1501)


def text(value: str) -> str:
    """A TEXT value, escaped as icalendar's ``vText`` escapes it (RFC 5545 3.3.11).

    The order is icalendar's, including its quirk of reading a written ``\\N`` as a line break.
    """
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def day(value: date) -> str:
    """A DATE value: ``20211017``."""
    return f"{value.year:04}{value.month:02}{value.day:02}"


def wall(value: datetime) -> str:
    """A DATE-TIME's digits, as the datetime's own clock reads: ``20211017T103500``."""
    return f"{value.year:04}{value.month:02}{value.day:02}T{value.hour:02}{value.minute:02}{value.second:02}"


def utc(value: datetime) -> str:
    """A DATE-TIME in UTC: ``20211018T060000Z`` (DTSTAMP, CREATED, LAST-MODIFIED)."""
    return wall(value.astimezone(UTC)) + "Z"


@cache
def zone_form(key: str) -> tuple[str, str]:
    """How icalendar writes a time in zone ``key``: its parameters and suffix.

    ``(";TZID=Asia/Almaty", "")`` for most zones, ``("", "Z")`` for one icalendar takes for UTC.
    Asked of icalendar once per zone.
    """
    sample = icalendar.Event()
    sample.add("dtstart", datetime(2000, 1, 1, tzinfo=ZoneInfo(key)))
    head, _, value = str(sample.content_line("DTSTART", sample["DTSTART"])).partition(":")
    return head.removeprefix("DTSTART"), "Z" if value.endswith("Z") else ""


def moment(value: datetime, zone: ZoneInfo | None) -> str:
    """A DATE-TIME property's parameters and value, in ``zone`` (else UTC): ``;TZID=…:20211017T103500``."""
    if zone is None:
        return f":{utc(value)}"
    params, suffix = zone_form(zone.key)
    return f"{params}:{wall(value.astimezone(zone))}{suffix}"


def duration(days: int) -> str:
    """A DURATION of whole days, as icalendar writes it: ``P365D``."""
    return f"P{days}D"


def fold(line: str) -> str:
    """``line`` folded as icalendar folds it: at most 74 octets a line, never inside a character.

    A line is cut before the character that would make it 75 octets, except that a ``\\`` or ``^``
    ending a line (after something) moves to the next, so an escape stays whole.
    """
    if line.isascii():
        return line if len(line) <= LIMIT else _fold_ascii(line)
    data = line.encode()
    return line if len(data) <= LIMIT else _fold_bytes(data)


def _fold_ascii(line: str) -> str:
    """:func:`fold` of an ASCII line (a character is an octet)."""
    parts = []
    start, end = 0, len(line)
    while end - start > LIMIT:
        cut = start + LIMIT
        if line[cut - 1] in _ESCAPED and cut - 1 > start:
            cut -= 1
        parts.append(line[start:cut])
        start = cut
    parts.append(line[start:])
    return "\r\n ".join(parts)


def _fold_bytes(data: bytes) -> str:
    """:func:`fold` of a line with characters beyond ASCII, given as UTF-8."""
    parts = []
    start, end = 0, len(data)
    while end - start > LIMIT:
        cut = start + LIMIT
        while data[cut] & 0xC0 == 0x80:  # inside a character: cut before it
            cut -= 1
        if data[cut - 1] in b"\\^" and cut - 1 > start:
            cut -= 1
        parts.append(data[start:cut].decode())
        start = cut
    parts.append(data[start:].decode())
    return "\r\n ".join(parts)

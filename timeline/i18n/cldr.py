"""CLDR formatting through Babel, with what is pure worked out once.

Parsing a locale costs more than formatting a date with it, so each locale is parsed once
(:func:`locale`). And a date pattern such as ``d MMM y`` is, in Babel, its fields filled in one
by one, each from one part of the value (``MMM`` from the month alone): :func:`compose` keeps
the text of each field for each value of its part, so a day never seen before is written from
kept pieces (an export of 100,000 events meets tens of thousands of different days and times).
It fills Babel's own format string with Babel's own field texts, and only for patterns whose
every field reads one part of the value; for any other pattern it answers None and the caller
asks Babel. ``tests/i18n/test_kept.py`` proves the result equal to Babel's, in every locale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from functools import cache, lru_cache

import babel
from babel.dates import DateTimeFormat, match_skeleton, parse_pattern, tokenize_pattern

# The fields that read a single part of a date or time, and that part: Babel writes "y" from
# the year alone, "MMM" from the month, "HH" from the hour... (DateTimeFormat.__getitem__).
PARTS = {"y": "year", "M": "month", "L": "month", "d": "day", "H": "hour", "m": "minute", "s": "second"}
# A value whose part is ``n`` (and whose other parts do not matter to the field), to ask Babel.
_SAMPLES: dict[str, Callable[[int], date | time]] = {
    "year": lambda n: date(n, 1, 1),
    "month": lambda n: date(2000, n, 1),
    "day": lambda n: date(2000, 1, n),
    "hour": lambda n: time(n),
    "minute": lambda n: time(0, n),
    "second": lambda n: time(0, 0, n),
}


@cache
def locale(name: str) -> babel.Locale:
    """The CLDR locale ``name``, parsed once."""
    return babel.Locale.parse(name)


@cache
def skeleton_pattern(skeleton: str, locale_name: str) -> str:
    """The pattern Babel's ``format_skeleton`` writes ``skeleton`` with (``yMMMd``: ``d MMM y``)."""
    known = locale(locale_name).datetime_skeletons
    if skeleton not in known:
        skeleton = match_skeleton(skeleton, known) or skeleton
    pattern: str = known[skeleton].pattern
    return pattern


@cache
def plan(pattern: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """Babel's format string for ``pattern``, and each field with the part it reads.

    None when a field reads more than one part (a weekday reads the whole date).
    """
    fields = []
    for kind, token in tokenize_pattern(pattern):
        if kind == "field" and isinstance(token, tuple):
            char, width = token
            fields.append((char * width, PARTS.get(char, "")))
    if not all(part for _, part in fields):
        return None
    return str(parse_pattern(pattern).format), tuple(fields)


@lru_cache(maxsize=2048)
def field(name: str, part: str, value: int, locale_name: str) -> str:
    """Babel's text of field ``name`` (``MMM``, ``d``, ``HH``…) when its part is ``value``."""
    return DateTimeFormat(_SAMPLES[part](value), locale(locale_name))[name]


def compose(value: date | time, pattern: str, locale_name: str) -> str | None:
    """``value`` in ``pattern`` as Babel writes it, from kept field texts (None: ask Babel)."""
    found = plan(pattern)
    if found is None:
        return None
    template, fields = found
    if not all(hasattr(value, part) for _, part in fields):
        return None
    return template % {name: field(name, part, getattr(value, part), locale_name) for name, part in fields}

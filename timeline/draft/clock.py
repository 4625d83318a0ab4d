"""Times of day with their zones ("8:40 a.m. EST", "10:38 a.m. Moscow time", "0738 GMT")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from timeline.draft.expressions import ZONES, Mention

_OFFSETS = {
    "UTC": 0, "GMT": 0, "WET": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "BST": 1, "CET": 1, "WEST": 1,
    "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "JST": 9, "KST": 9, "AWST": 8, "ACST": 9.5,
    "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}  # fmt: skip
_PLACES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
    "eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver",
    "pacific": "America/Los_Angeles", "moscow": "Europe/Moscow", "kyiv": "Europe/Kyiv",
    "kiev": "Europe/Kyiv", "london": "Europe/London", "paris": "Europe/Paris", "berlin": "Europe/Berlin",
    "tokyo": "Asia/Tokyo", "beijing": "Asia/Shanghai",
}  # fmt: skip


_ALL_TIMES = re.compile(
    rf"\b[Aa]ll\s+times\s+(?:are\s+|in\s+)?(?P<zone>{ZONES}|Eastern|Central|Mountain|Pacific)\b"
)


def zone(name: str) -> tzinfo | None:
    """The zone of an abbreviation or a "… time" phrase; None for "local time" or unknown ones."""
    if name in _OFFSETS:
        hours = _OFFSETS[name]
        return UTC if hours == 0 else timezone(timedelta(hours=hours))
    key = name if name in _PLACES else name.split()[0].lower()
    return ZoneInfo(_PLACES[key]) if key in _PLACES else None


def clock(mention: Mention) -> time | None:
    """The time of day written in a time mention."""
    parts = mention.parts
    if "noon" in parts:
        return time(0) if parts["noon"].lower() == "midnight" else time(12)
    if "h24" in parts:
        return time(int(parts["h24"]), int(parts["m24"]))
    if "hm" in parts:
        return time(int(parts["hm"]), int(parts["mm"]))
    hour, minute = int(parts["h"]) % 12, int(parts.get("mi", "0"))
    if parts["ap"].lower().startswith("p"):
        hour += 12
    return time(hour, minute)


def has_zone(mention: Mention) -> bool:
    """True when the time is written with a zone this module knows."""
    return _zone_of(mention) is not None


def _zone_of(mention: Mention) -> tzinfo | None:
    if "zone" in mention.parts:
        return zone(" ".join(mention.parts["zone"].split()))
    return None


def article_zone(text: str) -> tzinfo | None:
    """The zone an article gives once for all its times ("All times AEST."), if any."""
    found = _ALL_TIMES.search(text)
    return zone(" ".join(found["zone"].split())) if found else None


def moment(mention: Mention, day: date, default: tzinfo | None = None) -> datetime | None:
    """The aware instant of a time mention on ``day`` (in ``default`` when it is written with no
    zone), or None when its zone is not known."""
    written, where = clock(mention), _zone_of(mention) or default
    if written is None or where is None:
        return None
    return datetime.combine(day, written).replace(tzinfo=where)

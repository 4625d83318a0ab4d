"""The date model: honest precision, EDTF level-1 qualifiers, time zones, bounds, ordering.

A curated date is parsed into a :class:`FlexDate`: one :class:`Point` or an interval of two
(either side may be open, ``..``, or unknown, empty).  Every point knows the span of time it
could denote as a half-open range of UTC seconds ``[lo, hi)``: ``1957`` covers the whole year,
``2021-10-05T08:55Z`` one minute.  Calendar dates without a time are read as UTC days.

Ordering rule (stable, documented in the README): events sort by the earliest instant their
date could denote (for an open start ``../X``, the start of ``X``); at a tie the less precise
date comes first (a "October 2021" heads its days), then by event id.

How a date reads in words is :mod:`timeline.i18n.dates`' business: nothing here speaks a language.

Human-written dates (``5 October 2021``, ``Oct 2021``) are parsed by python-dateutil with the
precision taken from what was written; all-numeric forms other than ISO 8601 (``05/10/2021``)
are ambiguous between day-first and month-first and are rejected.
"""

from __future__ import annotations

import calendar
import re
import warnings
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from enum import IntEnum
from functools import cache
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser

MIN_TS = -62135596800  # 0001-01-01T00:00:00Z
MAX_TS = 253402300800  # 10000-01-01T00:00:00Z (exclusive)


class DateError(ValueError):
    """A date that cannot be read; the message says what to write instead."""


class Precision(IntEnum):
    """How much of a date is known, coarsest first."""

    YEAR = 0
    MONTH = 1
    DAY = 2
    MINUTE = 3
    SECOND = 4

    @property
    def label(self) -> str:
        """Lower-case name used by the API."""
        return self.name.lower()


# Points and dates are NamedTuples, not frozen dataclasses: a snapshot of 100,000 events holds
# some 600,000 of these records, and NamedTuples unpickle about five times faster (measured in
# bench/), which keeps a warm start from the snapshot cache near a second.


class Point(NamedTuple):
    """One endpoint: a calendar date at some precision, or an instant in time."""

    lo: int  # inclusive, UTC seconds since the epoch
    hi: int  # exclusive
    precision: Precision
    year: int
    month: int | None = None
    day: int | None = None
    instant: bool = False  # True when a time of day is known (minute/second precision)
    approximate: bool = False
    uncertain: bool = False
    unspecified: str = ""  # the digits as written when some are X ("196X", "2021-XX")

    @property
    def is_instant(self) -> bool:
        """True when a time of day is known."""
        return self.instant

    @property
    def utc(self) -> datetime | None:
        """The instant as an aware UTC datetime (None for calendar dates)."""
        return datetime.fromtimestamp(self.lo, UTC) if self.instant else None

    def iso(self) -> str:
        """Normalised ISO 8601 / EDTF text (UTC for instants), qualifiers kept."""
        if self.unspecified:
            text = self.unspecified
        elif self.instant:
            fmt = "%Y-%m-%dT%H:%M:%SZ" if self.precision is Precision.SECOND else "%Y-%m-%dT%H:%MZ"
            text = datetime.fromtimestamp(self.lo, UTC).strftime(fmt)
        else:
            text = f"{self.year:04d}"
            if self.month is not None:
                text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text + _qualifier(self.approximate, self.uncertain)

    def bound_iso(self, *, last: bool) -> str:
        """ISO 8601 text of the first (or last) unit this point may denote, at its precision."""
        if self.utc is not None:
            return self.iso().rstrip("~?%")
        moment = datetime.fromtimestamp(self.hi - 1 if last else self.lo, UTC)
        if self.precision is Precision.YEAR:
            return f"{moment.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{moment.year:04d}-{moment.month:02d}"
        return moment.strftime("%Y-%m-%d")

    def moment_iso(self) -> str:
        """The first moment this point denotes, at its precision: ``YYYY-MM-DD`` or a UTC instant."""
        if self.instant:
            fmt = "%Y-%m-%dT%H:%M:%SZ" if self.precision is Precision.SECOND else "%Y-%m-%dT%H:%MZ"
            return datetime.fromtimestamp(self.lo, UTC).strftime(fmt)
        return datetime.fromtimestamp(self.lo, UTC).strftime("%Y-%m-%d")

    def last_iso(self) -> str:
        """The last moment this point denotes: its last day, or (for an instant) the instant itself."""
        if self.instant:
            return self.moment_iso()
        return datetime.fromtimestamp(self.hi - 1, UTC).strftime("%Y-%m-%d")


class FlexDate(NamedTuple):
    """A parsed curated date: a single point, or an interval whose sides may be open/unknown."""

    start: Point | None
    end: Point | None
    interval: bool = False
    open_start: bool = False  # ".." : before the end, with no known start
    open_end: bool = False  # ".." : after the start, with no known end

    @property
    def lo(self) -> int:
        """Earliest instant (UTC seconds) the date could denote."""
        return self.start.lo if self.start is not None else MIN_TS

    @property
    def hi(self) -> int:
        """Latest instant (exclusive) the date could denote."""
        if not self.interval:
            assert self.start is not None
            return self.start.hi
        return self.end.hi if self.end is not None else MAX_TS

    @property
    def anchor(self) -> int:
        """The instant the date is sorted by: its earliest known bound."""
        first = self.start or self.end
        assert first is not None
        return first.lo

    @property
    def precision(self) -> Precision:
        """The precision of the first known point."""
        first = self.start or self.end
        assert first is not None
        return first.precision

    @property
    def first(self) -> Point:
        """The first known point (there always is one)."""
        first = self.start or self.end
        assert first is not None
        return first

    def iso(self) -> str:
        """Normalised EDTF text of the whole date."""
        if not self.interval:
            assert self.start is not None
            return self.start.iso()
        left = self.start.iso() if self.start else (".." if self.open_start else "")
        right = self.end.iso() if self.end else (".." if self.open_end else "")
        return f"{left}/{right}"


class Bounds(NamedTuple):
    """The first and last moment a date can denote (None: an open or unknown end), and its doubts."""

    earliest: str | None
    latest: str | None
    uncertain: bool
    approximate: bool


def bounds(value: FlexDate, end: FlexDate | None = None) -> Bounds:
    """The bounds of an event's date (and optional separate end) as ISO text, for the API."""
    last = end if end is not None else value
    final = last.end if last.interval else last.start
    points = [p for p in (value.start, value.end, *((end.start, end.end) if end else ())) if p is not None]
    return Bounds(
        value.start.moment_iso() if value.start is not None else None,
        final.last_iso() if final is not None else None,
        any(p.uncertain for p in points),
        any(p.approximate for p in points),
    )


def _qualifier(approximate: bool, uncertain: bool) -> str:
    if approximate and uncertain:
        return "%"
    if approximate:
        return "~"
    return "?" if uncertain else ""


def _ts(moment: datetime) -> int:
    return calendar.timegm(moment.utctimetuple())


@cache
def _day_ts(year: int, month: int, day: int) -> int:
    return calendar.timegm((year, month, day, 0, 0, 0))


def _calendar_point(
    year: int, month: int | None, day: int | None, approximate: bool, uncertain: bool
) -> Point:
    if month is None:
        lo, hi, precision = _day_ts(year, 1, 1), _next_year(year), Precision.YEAR
    elif day is None:
        lo, precision = _day_ts(year, month, 1), Precision.MONTH
        hi = _next_year(year) if month == 12 else _day_ts(year, month + 1, 1)
    else:
        lo, precision = _day_ts(year, month, day), Precision.DAY
        hi = lo + 86400
    return Point(lo, hi, precision, year, month, day, False, approximate, uncertain)


def _next_year(year: int) -> int:
    return MAX_TS if year == 9999 else _day_ts(year + 1, 1, 1)


def _check_ymd(year: int, month: int | None, day: int | None, text: str) -> None:
    if year < 1:
        raise DateError(f"year {year} is out of range (1 to 9999) in {text!r}")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"month {month:02d} does not exist in {text!r}")
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(f"day {day:02d} does not exist in {calendar.month_name[month]} {year}")


_QUAL = r"(?P<q>[~?%])?"
_ISO_DATE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?" + _QUAL)
_UNSPECIFIED = re.compile(
    r"(?P<y>\d{2}XX|\d{3}X)(?P<q>[~?%])?"
    r"|(?P<y2>\d{4})-XX(?:-XX)?(?P<q2>[~?%])?"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-XX(?P<q3>[~?%])?"
)
_ISO_TIME = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?"
)
_NUMERIC_ONLY = re.compile(r"[\d\s./-]+")
_AMBIGUOUS = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}")


def parse_zone(name: str) -> ZoneInfo:
    """Return the IANA zone ``name`` or raise :class:`DateError`."""
    try:
        if not re.fullmatch(r"[A-Za-z0-9_+\-/]{1,64}", name) or ".." in name:
            raise ZoneInfoNotFoundError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise DateError(f"unknown time zone {name!r} (use an IANA name such as Asia/Almaty)") from None


def _offset(tz: str) -> timezone:
    if tz == "Z":
        return UTC
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        raise DateError(f"UTC offset {tz} is out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


# A moment is shown in its zone and in the reference zones (UTC-12 to UTC+14): one within a day
# of the calendar's ends could not be, so a time of day is refused there (a date alone is not).
_FIRST_MOMENT = MIN_TS + 86400  # 0001-01-02T00:00Z
_LAST_MOMENT = MAX_TS - 86400  # 9999-12-31T00:00Z (exclusive)


def _instant(moment: datetime, precision: Precision, approximate: bool, uncertain: bool) -> Point:
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not _FIRST_MOMENT <= _ts(utc) < _LAST_MOMENT:
        raise DateError(
            f"a time of day must fall between 0001-01-02 and 9999-12-30 (UTC), not {moment.isoformat()}:"
            " every time zone must be able to show it; give the date alone"
        )
    lo = _ts(utc)
    hi = lo + (60 if precision is Precision.MINUTE else 1)
    return Point(lo, hi, precision, utc.year, utc.month, utc.day, True, approximate, uncertain)


def _local(naive: datetime, zone: tzinfo | None, text: str) -> datetime:
    if zone is None:
        raise DateError(f"the time in {text!r} needs a UTC offset (such as Z or +06:00) or the event's zone")
    return naive.replace(tzinfo=zone)


def _parse_point(text: str, zone: tzinfo | None) -> Point:
    """Parse one endpoint (no ``/``)."""
    if m := _ISO_DATE.fullmatch(text):
        year, month, day = int(m["y"]), _int(m["m"]), _int(m["d"])
        _check_ymd(year, month, day, text)
        q = m["q"]
        return _calendar_point(year, month, day, q in ("~", "%"), q in ("?", "%"))
    if m := _UNSPECIFIED.fullmatch(text):
        return _unspecified(m)
    if m := _ISO_TIME.fullmatch(text):
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        _check_ymd(year, month, day, text)
        hour, minute, second = int(m["H"]), int(m["M"]), _int(m["S"])
        if hour > 23 or minute > 59 or (second or 0) > 59:
            raise DateError(f"time of day out of range in {text!r}")
        naive = datetime(year, month, day, hour, minute, second or 0)
        moment = naive.replace(tzinfo=_offset(m["tz"])) if m["tz"] else _local(naive, zone, text)
        precision = Precision.MINUTE if second is None else Precision.SECOND
        return _instant(moment, precision, False, False)
    return _parse_human(text, zone)


def _int(value: str | None) -> int | None:
    return None if value is None else int(value)


def _unspecified(m: re.Match[str]) -> Point:
    if m["y"]:
        digits = m["y"]
        low, high = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
        q = m["q"] or ""
        written = digits
        point = _calendar_point(max(low, 1), None, None, False, False)
        hi = _next_year(high)
    elif m["y2"]:
        year = int(m["y2"])
        q = m["q2"] or ""
        written = m.group(0).rstrip("~?%")
        point = _calendar_point(year, None, None, False, False)
        hi = point.hi
    else:
        year, month = int(m["y3"]), int(m["m3"])
        _check_ymd(year, month, None, m.group(0))
        q = m["q3"] or ""
        point = _calendar_point(year, month, None, q in ("~", "%"), q in ("?", "%"))
        return Point(
            point.lo,
            point.hi,
            Precision.MONTH,
            year,
            month,
            None,
            False,
            point.approximate,
            point.uncertain,
            m.group(0).rstrip("~?%"),
        )
    return Point(
        point.lo,
        hi,
        Precision.YEAR,
        point.year,
        None,
        None,
        False,
        q in ("~", "%"),
        q in ("?", "%"),
        written,
    )


_DEFAULTS = (datetime(2000, 1, 1, 0, 0, 0), datetime(2001, 2, 2, 1, 1, 1))


def _parse_human(text: str, zone: tzinfo | None) -> Point:
    """Parse ``5 October 2021``, ``Oct 2021``, ``October 5, 2021 10:35 UTC``; precision as written."""
    stripped = text.strip()
    if not stripped:
        raise DateError("empty date")
    if _NUMERIC_ONLY.fullmatch(stripped):
        raise DateError(
            f"ambiguous or unknown date {text!r}: write ISO 8601 (2021-10-05) or spell the month"
            " (5 October 2021)"
        )
    if not re.search(r"[A-Za-z]{3,}", stripped) or not re.search(r"\d{4}", stripped):
        raise DateError(f"cannot read date {text!r}: write e.g. 2021-10-05, 5 October 2021 or Oct 2021")
    q = stripped[-1] if stripped[-1] in "~?%" else ""
    body = stripped[:-1] if q else stripped
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", dateutil_parser.UnknownTimezoneWarning)
            first, second = (
                dateutil_parser.parse(body, default=d, dayfirst=True, tzinfos={"UTC": UTC}) for d in _DEFAULTS
            )
    except (ValueError, OverflowError, TypeError, dateutil_parser.UnknownTimezoneWarning):
        raise DateError(
            f"cannot read date {text!r}: write e.g. 2021-10-05, 5 October 2021 or Oct 2021"
        ) from None
    has = {
        f: getattr(first, f) == getattr(second, f)
        for f in ("year", "month", "day", "hour", "minute", "second")
    }
    if not has["year"]:
        raise DateError(f"the date {text!r} has no year")
    if has["day"] and not has["month"]:
        raise DateError(f"cannot read date {text!r}: a day without a month")
    approximate, uncertain = q in ("~", "%"), q in ("?", "%")
    if not (has["hour"] or has["minute"]):
        month = first.month if has["month"] else None
        day = first.day if has["day"] else None
        return _calendar_point(first.year, month, day, approximate, uncertain)
    naive = first.replace(tzinfo=None, second=first.second if has["second"] else 0)
    moment = first if first.tzinfo is not None else _local(naive, zone, text)
    precision = Precision.SECOND if has["second"] else Precision.MINUTE
    return _instant(moment, precision, approximate, uncertain)


def parse_date(text: str, zone: tzinfo | None = None) -> FlexDate:
    """Parse a curated date (ISO 8601, EDTF level 1 subset, or a human date) or raise DateError."""
    text = text.strip()
    if len(text) > 100:
        raise DateError("date is too long (at most 100 characters)")
    if _AMBIGUOUS.fullmatch(text):
        raise DateError(
            f"ambiguous date {text!r}: is it day/month or month/day? Write ISO 8601"
            " (2021-10-05) or spell the month (5 October 2021)"
        )
    if "/" not in text:
        return FlexDate(_parse_point(text, zone), None)
    left, _, right = text.partition("/")
    if "/" in right:
        raise DateError(f"an interval has exactly one '/' in {text!r}")
    start = None if left in ("", "..") else _parse_point(left, zone)
    end = None if right in ("", "..") else _parse_point(right, zone)
    if start is None and end is None:
        raise DateError(f"an interval needs at least one known end in {text!r}")
    if start is not None and end is not None and end.hi <= start.lo:
        raise DateError(f"the interval {text!r} ends before it starts")
    return FlexDate(start, end, True, left == "..", right == "..")


_FILTER_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2}))?Z)?)?)?")


def parse_filter_date(text: str) -> Point:
    """Parse a ``from``/``to`` filter value: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, or an hour or
    minute of a UTC day, ``YYYY-MM-DDTHHZ`` / ``YYYY-MM-DDTHH:MMZ``; the point spans that unit."""
    m = _FILTER_DATE.fullmatch(text)
    if not m:
        raise DateError(f"{text!r} is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MMZ")
    year, month, day = int(m[1]), _int(m[2]), _int(m[3])
    _check_ymd(year, month, day, text)
    if m[4] is None:
        return _calendar_point(year, month, day, False, False)
    hour, minute = int(m[4]), _int(m[5])
    if hour > 23 or (minute or 0) > 59:
        raise DateError(f"time of day out of range in {text!r}")
    assert month is not None
    assert day is not None
    lo = _day_ts(year, month, day) + hour * 3600 + (minute or 0) * 60
    return Point(lo, lo + (3600 if minute is None else 60), Precision.MINUTE, year, month, day, True)


def age_range(born: date, value: FlexDate) -> tuple[int, int] | None:
    """Age at the event: the youngest and oldest the person could have been (a span may straddle
    a birthday); None when the date is open at the start or before the birth."""
    if value.start is None:
        return None
    first = value.start
    low = datetime.fromtimestamp(first.lo, UTC).date()
    high = datetime.fromtimestamp(first.hi - 1, UTC).date()
    if low < born:
        return None
    return _age(born, low), _age(born, high)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def sort_key(value: FlexDate, ident: str) -> tuple[int, int, str]:
    """The documented ordering: earliest bound, coarser precision first, then id."""
    return (value.anchor, int(value.precision), ident)

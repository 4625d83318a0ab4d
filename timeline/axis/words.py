"""The axis's words in the reader's language, looked up once per language and then joined.

Babel and the catalogs cost tens of microseconds a call, and an axis names hundreds of marks and
ticks: each message is fetched once per language with stand-ins for its parts (filled in by
:func:`fill`), and dates and counts are remembered. Every message still goes through the
catalogs (:mod:`timeline.i18n`), so a translation changes them all.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from timeline.axis.calendar import YEAR, Unit, grain, moment
from timeline.dates import FlexDate, Point
from timeline.i18n import _, format_locale, ngettext
from timeline.i18n.dates import date_text, day_month_text, day_text, month_name, month_text, point_text
from timeline.i18n.words import number

A, B = "\x00", "\x01"  # stand-ins for the parts of a message


def locale() -> str:
    """The locale of the current request (read once per axis, not once per word)."""
    return format_locale()


def fill(template: str, first: str, second: str = "") -> str:
    """A message with its stand-ins replaced."""
    return template.replace(A, first).replace(B, second)


@lru_cache(maxsize=64)
def messages(language: str) -> dict[str, str]:
    """The axis's messages in one language, with stand-ins for their parts."""
    return {
        "range": _("%(start)s – %(end)s", start=A, end=B),
        "happened": _("%(title)s, %(date)s", title=A, date=B),
        "planned": _("%(title)s, %(date)s (planned, did not happen)", title=A, date=B),
        "cancelled": _("%(title)s, %(date)s (cancelled)", title=A, date=B),
        "zoom": _("Zoom to %(span)s", span=A),
        "decade": _("%(start)ss", start=A),
        "hour": _("%(day)s, %(start)s–%(end)s UTC", day=A, start=B, end="\x02"),
        "lane": _("%(lane)s · %(count)s", lane=A, count=B),
        "other": _("Other"),
    }


@lru_cache(maxsize=4096)
def cluster(size: int, language: str) -> tuple[str, str]:
    """A cluster's name (a stand-in for its span) and its count, in one language."""
    count = number(size)
    name = ngettext(
        "%(count)s event, %(span)s: zoom in", "%(count)s events, %(span)s: zoom in", size, count=count, span=A
    )
    return name, count


@lru_cache(maxsize=64)
def month_short(month: int, language: str) -> str:
    """A month's short name ("Oct")."""
    return month_name(month)


@lru_cache(maxsize=4096)
def month(year: int, number_: int, language: str) -> str:
    """A month of a year ("Oct 2021")."""
    return month_text(year, number_)


@lru_cache(maxsize=16384)
def day(year: int, month_: int, day_: int, language: str) -> str:
    """A day ("5 Oct 2021")."""
    return day_text(date(year, month_, day_))


@lru_cache(maxsize=4096)
def day_short(month_: int, day_: int, language: str) -> str:
    """A day whose year is said nearby ("5 Oct")."""
    return day_month_text(date(2000, month_, day_))  # a leap year: 29 Feb exists


@lru_cache(maxsize=16384)
def when(value: FlexDate, end: FlexDate | None, language: str) -> str:
    """An event's date ("5 Oct 2021, 08:55 UTC"), in UTC."""
    return date_text(value, end)


@lru_cache(maxsize=4096)
def point(value: Point, language: str) -> str:
    """One end of a date ("3 Nov 1957")."""
    return point_text(value)


def span(lo: int, hi: int, language: str) -> str:
    """A stretch of time at the precision its length deserves ("1957 – 2023", "Apr 2021 – Dec 2021")."""
    unit: Unit = grain(hi - lo)
    a, b = moment(lo), moment(max(lo, hi - 1))
    if unit == "year":
        return str(a.year) if a.year == b.year else f"{a.year} – {b.year}"
    if unit == "month":
        first, last = month(a.year, a.month, language), month(b.year, b.month, language)
    else:
        first, last = day(a.year, a.month, a.day, language), day(b.year, b.month, b.day, language)
    return first if first == last else fill(messages(language)["range"], first, last)


def gap(lo: int, hi: int) -> str:
    """A break's length, short: "21 yrs", "4 mo.", "12 d", "5 h"."""
    length = hi - lo
    if length >= YEAR:
        n = round(length / YEAR)
        return ngettext("%(count)s yr", "%(count)s yrs", n, count=number(n))
    if length >= YEAR // 12:
        n = round(length / (YEAR // 12))
        return ngettext("%(count)s mo.", "%(count)s mo.", n, count=number(n))
    if length >= 86_400:
        n = round(length / 86_400)
        return ngettext("%(count)s d", "%(count)s d", n, count=number(n))
    n = max(1, round(length / 3600))
    return ngettext("%(count)s h", "%(count)s h", n, count=number(n))


CACHES = (messages, cluster, month_short, month, day, day_short, when, point)

"""Counts and numbers in the reader's language: CLDR plural rules through the catalogs, Babel numbers.

Every counted noun the reader sees is one entry of :data:`NOUNS`, so a translation gives it
all its plural forms (Russian has three: 1 событие, 2 события, 5 событий).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from babel.numbers import format_decimal

from timeline.i18n import format_locale, language, ngettext


def number(value: int) -> str:
    """``value`` with the language's digit grouping ("12,345"; "12 345" in Russian)."""
    return _number(value, format_locale())


@lru_cache(maxsize=4096)
def _number(value: int, locale: str) -> str:
    """Babel parses the locale and its pattern on every call: counts repeat, so keep them."""
    return format_decimal(value, locale=locale)


# Each noun as ngettext sees it: the literal strings are what the catalogs translate.
NOUNS: dict[str, Callable[[int], str]] = {
    "event": lambda n: ngettext("%(count)s event", "%(count)s events", n, count=number(n)),
    "source": lambda n: ngettext("%(count)s source", "%(count)s sources", n, count=number(n)),
    "note": lambda n: ngettext(
        "%(count)s note on the record", "%(count)s notes on the record", n, count=number(n)
    ),
    "year": lambda n: ngettext("%(count)s year", "%(count)s years", n, count=number(n)),
    "more": lambda n: ngettext("%(count)s more", "%(count)s more", n, count=number(n)),
    "chosen": lambda n: ngettext("%(count)s chosen", "%(count)s chosen", n, count=number(n)),
    "active": lambda n: ngettext("%(count)s active", "%(count)s active", n, count=number(n)),
    "quiet_years": lambda n: ngettext(
        "%(count)s year with no events", "%(count)s years with no events", n, count=number(n)
    ),
    "events_match": lambda n: ngettext(
        "%(count)s event matches.", "%(count)s events match.", n, count=number(n)
    ),
    "events_match_filters": lambda n: ngettext(
        "%(count)s event matches the filters.", "%(count)s events match the filters.", n, count=number(n)
    ),
    "cited_by": lambda n: ngettext(
        "Cited by %(count)s event", "Cited by %(count)s events", n, count=number(n)
    ),
}


def counted(noun: str, n: int) -> str:
    """``n`` and the noun in the right plural form ("1 event", "21 событие", "22 события")."""
    return _counted(noun, n, language())


@lru_cache(maxsize=8192)
def _counted(noun: str, n: int, lang: str) -> str:  # the catalogs do not change while serving
    return NOUNS[noun](n)

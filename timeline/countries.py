"""Country names from ISO 3166 (pycountry), including withdrawn codes such as SU."""

from __future__ import annotations

from functools import cache

import babel
import pycountry

# Short names readers expect, where ISO's official name is long or formal.
_COMMON = {
    "SU": "Soviet Union",
    "RU": "Russia",
    "US": "United States",
    "GB": "United Kingdom",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "SY": "Syria",
    "VN": "Vietnam",
    "TW": "Taiwan",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "LA": "Laos",
}


@cache
def country_name(code: str) -> str | None:
    """The English name of an ISO 3166-1 alpha-2 code (current or withdrawn), or None."""
    if len(code) != 2 or not code.isascii() or not code.isupper():
        return None
    if code in _COMMON:
        return _COMMON[code]
    current = pycountry.countries.get(alpha_2=code)
    if current is not None:
        return str(getattr(current, "common_name", None) or current.name)
    historic = pycountry.historic_countries.get(alpha_2=code)
    if historic is not None:
        return str(historic.name)
    return None


@cache
def local_country_name(code: str, language: str) -> str | None:
    """A country's name in another language, as CLDR writes it ("Казахстан"), or None."""
    try:
        name = babel.Locale.parse(language).territories.get(code)
    except (ValueError, babel.UnknownLocaleError):
        return None
    return str(name) if name else None

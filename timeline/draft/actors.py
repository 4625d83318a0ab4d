"""Who and where: actors of an events file named in a sentence, and countries by place name.

Actors match by name, native name and alias, as whole words and case-sensitively (so the alias
"Cruise" is not found in "a cruise"); a longer name wins over a shorter one inside it. Countries
come from the matched actors and from country names in the sentence (pycountry's names, common
names and a few usual short forms such as "U.S."), again as whole words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import pycountry

from timeline.countries import country_name
from timeline.model import Actor

_EXTRA = {
    "U.S.": "US", "US": "US", "USA": "US", "U.S.A.": "US", "America": "US", "United States": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "England": "GB",
    "Scotland": "GB", "Wales": "GB", "USSR": "SU", "Soviet Union": "SU", "Russia": "RU",
    "South Korea": "KR", "North Korea": "KP", "Czech Republic": "CZ", "Ivory Coast": "CI",
}  # fmt: skip
# Country names that are more often something else in English news (a first name, a US state),
# and continents that contain a country's short name.
_AMBIGUOUS = ("Chad", "Jordan", "Georgia", "Guinea", "Niger")
_NOT_COUNTRIES = ("South America", "North America", "Latin America", "Central America", "New Guinea")


def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")


@cache
def _countries() -> tuple[re.Pattern[str], dict[str, str | None]]:
    table: dict[str, str | None] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name and name not in _AMBIGUOUS:
                table[str(name)] = str(country.alpha_2)
    for code in ("RU", "US", "GB", "IR", "SY", "VN", "TW", "BO", "VE", "TZ", "MD", "LA"):
        name = country_name(code)
        if name:
            table[name] = code
    table |= _EXTRA
    table |= dict.fromkeys(_NOT_COUNTRIES)
    pattern = _pattern(table)
    assert pattern is not None
    return pattern, table


def place_countries(text: str) -> list[str]:
    """ISO codes of the countries named in ``text``, in order of appearance."""
    pattern, table = _countries()
    codes = (table[m.group()] for m in pattern.finditer(text))
    return list(dict.fromkeys(c for c in codes if c))


class ActorMatcher:
    """Finds the actors of an events file in sentences."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.names: dict[str, str] = {}
        self.countries: dict[str, tuple[str, ...]] = {}
        for actor in actors:
            self.countries[actor.id] = actor.countries
            for name in (actor.name, actor.native_name, *actor.aliases):
                if name:
                    self.names.setdefault(name, actor.id)
        self.pattern = _pattern(self.names)

    def actors(self, text: str) -> list[str]:
        """Ids of the actors named in ``text``, in order of first appearance."""
        if self.pattern is None:
            return []
        return list(dict.fromkeys(self.names[m.group()] for m in self.pattern.finditer(text)))

    def countries_of(self, actor_ids: Iterable[str]) -> list[str]:
        """The countries of these actors, in order."""
        return list(dict.fromkeys(code for a in actor_ids for code in self.countries.get(a, ())))

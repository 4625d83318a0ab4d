"""The actor matcher (name, native name, alias; whole words; longest first) and place countries."""

from __future__ import annotations

from timeline.draft.actors import ActorMatcher, place_countries
from timeline.model import Actor

ACTORS = [
    Actor(
        "yulia-peresild",
        "Yulia Peresild",
        "person",
        "Юлия Пересильд",
        countries=("RU",),
        aliases=("Peresild",),
    ),
    Actor("tom-cruise", "Tom Cruise", "person", countries=("US",), aliases=("Cruise",)),
    Actor("iss", "International Space Station", "spacecraft", aliases=("ISS",)),
    Actor("soyuz-ms-19", "Soyuz MS-19", "spacecraft", countries=("RU",)),
    Actor("soyuz", "Soyuz", "spacecraft", countries=("RU",)),
]
MATCHER = ActorMatcher(ACTORS)


def test_actors_are_found_by_name_native_name_and_alias() -> None:
    assert MATCHER.actors("Yulia Peresild met Tom Cruise.") == ["yulia-peresild", "tom-cruise"]
    assert MATCHER.actors("Юлия Пересильд улетела.") == ["yulia-peresild"]
    assert MATCHER.actors("Peresild boarded the ISS.") == ["yulia-peresild", "iss"]


def test_names_match_whole_words_and_case() -> None:
    assert MATCHER.actors("They went on a cruise and read Peresilda.") == []
    assert MATCHER.actors("The MISSION was long.") == []


def test_the_longest_name_wins() -> None:
    assert MATCHER.actors("The Soyuz MS-19 spacecraft docked.") == ["soyuz-ms-19"]
    assert MATCHER.actors("A Soyuz rocket launched.") == ["soyuz"]


def test_countries_of_matched_actors() -> None:
    assert MATCHER.countries_of(MATCHER.actors("Peresild and Cruise")) == ["RU", "US"]


def test_countries_by_place_name() -> None:
    text = "The launch at the Baikonur Cosmodrome, Kazakhstan, beat the U.S. and Russia; Tokyo, Japan."
    assert place_countries(text) == ["KZ", "US", "RU", "JP"]
    assert place_countries("A tour of South America with Chad Smith.") == []
    assert place_countries("The Soviet Union and the United Kingdom") == ["SU", "GB"]

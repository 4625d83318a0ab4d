"""Reading event by event: the previous and next event of the view an event was opened from."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from tests.support import ROOT
from timeline.load.cache import load_cached
from timeline.query import Query, parse_query
from timeline.reading import reading

STORY = load_cached(ROOT / "events.yaml", None)


def read(ident: str, **params: str) -> tuple[str | None, str | None, int, int, int]:
    query = parse_query(MultiDict([(k.rstrip("_"), v) for k, v in params.items()]), STORY)
    found = reading(STORY, query, STORY.events[STORY.positions[ident]])
    ids = (found.previous.id if found.previous else None, found.next.id if found.next else None)
    return (*ids, found.rank, found.total, found.page)


def test_neighbours_within_a_view() -> None:
    assert read("soyuz-ms-19-launch", actor="yulia-peresild") == (
        "filming-aboard-iss", "soyuz-ms-19-docking", 5, 10, 1,
    )  # fmt: skip


def test_the_first_and_last_of_a_view_have_one_neighbour() -> None:
    first = read("sputnik-1")
    assert first[:3] == (None, "sputnik-2-laika", 1)
    last = read("challenge-theatrical-release")
    assert (last[1], last[2], last[3]) == (None, 36, 36)


def test_the_list_page_that_holds_the_event() -> None:
    assert read("soyuz-ms-18-landing", per_page="10")[2:] == (30, 36, 3)


def test_an_event_outside_its_view_reads_on_in_the_whole_timeline() -> None:
    position = STORY.positions["sputnik-1"]
    found = reading(STORY, Query(actor=("yulia-peresild",)), STORY.events[position])
    assert found.query == Query()
    assert (found.rank, found.total) == (1, 36)

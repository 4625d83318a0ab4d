"""Query semantics: OR within a facet, AND across facets, dates by overlap, text search, pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from timeline.index import each, positions
from timeline.load import load
from timeline.model import Timeline
from timeline.query import LIST_PAGE, Query, QueryError, apply, parse_query

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def mini() -> Timeline:
    """The mini timeline."""
    return load(DATA / "mini.yaml")


def ids(timeline: Timeline, **params: str | list[str]) -> list[str]:
    """Event ids matching the parameters, in order."""
    args: MultiDict[str, str] = MultiDict()
    for key, value in params.items():
        for v in value if isinstance(value, list) else [value]:
            args.add(key.rstrip("_"), v)
    return [e.id for e in apply(timeline, parse_query(args, timeline)).events]


def test_no_filter_gives_everything_in_order(mini: Timeline) -> None:
    assert ids(mini) == ["sputnik-year", "laika", "cruise-flight", "launch", "landing"]


def test_facets_or_within_and_across(mini: Timeline) -> None:
    assert ids(mini, actor="yulia-peresild") == ["launch", "landing"]
    assert ids(mini, actor=["yulia-peresild", "laika"]) == ["laika", "launch", "landing"]
    assert ids(mini, actor=["yulia-peresild", "laika"], country="SU") == ["laika"]
    assert ids(mini, country=["SU", "US"]) == ["sputnik-year", "laika", "cruise-flight"]
    assert ids(mini, tag="film", country="US") == ["cruise-flight"]


def test_dates_are_inclusive_by_overlap(mini: Timeline) -> None:
    assert ids(mini, from_="1957", to="1957") == ["sputnik-year", "laika"]
    assert ids(mini, from_="1957-11-03", to="1957-11-03") == ["sputnik-year", "laika"]
    assert ids(mini, from_="1957-12") == [
        "sputnik-year",
        "cruise-flight",
        "launch",
        "landing",
    ]  # all of 1957 overlaps
    # "c. October 2021" overlaps a filter on its first days; the landing does not.
    assert ids(mini, from_="2021-10-01", to="2021-10-05") == ["cruise-flight", "launch"]
    assert ids(mini, to="1956") == []


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("PERESILD", ["launch", "landing"]),  # actor name, any case
        ("юлия", ["launch", "landing"]),  # native name, Cyrillic, lower case
        ("Юлия Пересильд", ["launch", "landing"]),
        ("julia", ["launch", "landing"]),  # an alias
        ("steppe", ["landing"]),  # summary
        ("lifted off", ["launch"]),  # quote
        ("zhezkazgan", ["landing"]),  # place
        ("baikonur", ["launch"]),  # title and place
        ("лайка", ["laika"]),  # Cyrillic native name of an animal
        ("приземляется", ["landing"]),  # a Russian translation of the title
        ("степи", ["landing"]),  # of the summary
        ("близ джезказгана", ["landing"]),  # of the place
        ("том круз", ["cruise-flight"]),  # of an actor's name
    ],
)
def test_text_search_is_case_and_accent_insensitive_over_many_fields(
    mini: Timeline, q: str, found: list[str]
) -> None:
    assert ids(mini, q=q) == found


def test_text_search_finds_nothing_for_nonsense(mini: Timeline) -> None:
    assert ids(mini, q="qwertyuiop") == []


STORY = Path(__file__).parent.parent / "events.yaml"
KOROLEV = """title: T
sources: [{id: s, title: S, publisher: P}]
actors:
  - {id: korolev, name: Sergei Korolev, native_name: Сергей Павлович Королёв, kind: person}
events:
  - {id: sputnik, title: Sputnik 1 reaches orbit, date: 1957-10-04, actors: [korolev],
     citations: [{source: s, quote: "Королёв watched the launch from the bunker."}]}
  - {id: vostok, title: Vostok 1 lifts off from Baikonur, date: 1961-04-12,
     citations: [{source: s, quote: The first man in space.}]}
"""


@pytest.fixture(scope="module")
def story() -> Timeline:
    """The bundled timeline."""
    return load(STORY)


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("Korolev", ["sputnik"]),  # the Latin spelling finds the Cyrillic native name and quote
        ("Королев", ["sputnik"]),  # е for ё, as Russian readers type it
        ("КОРОЛЁВ", ["sputnik"]),
        ("Байконур", ["vostok"]),  # Cyrillic finds the Latin "Baikonur"
        ("orbit Sputnik", ["sputnik"]),  # every word, in any order
        ("sputnik vostok", []),  # every word must occur in the same event
        ('"reaches orbit"', ["sputnik"]),  # a quoted phrase
        ('"orbit reaches"', []),
        ("“lifts off”", ["vostok"]),  # typographic quotes
        ("Baikonur,", ["vostok"]),  # punctuation around a word is ignored
    ],
)
def test_search_finds_every_word_in_any_script(tmp_path: Path, q: str, found: list[str]) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(KOROLEV, encoding="utf-8")
    assert ids(load(path), q=q) == found


@pytest.mark.parametrize(
    ("q", "event"),
    [
        ("Байконур", "soyuz-ms-19-launch"),
        ("Peresild Shipenko", "peresild-shipenko-selected"),
        ("Shipenko Peresild", "peresild-shipenko-selected"),
        ("Gagarin", "vostok-1-gagarin"),
        ("Гагарин", "vostok-1-gagarin"),
        ("Пётр Дубров", "soyuz-ms-18-launch"),
        ("Petr Dubrov", "soyuz-ms-18-launch"),
    ],
)
def test_searches_readers_tried_on_the_story_find_its_events(story: Timeline, q: str, event: str) -> None:
    assert event in ids(story, q=q, per_page="100")


def test_facet_counts_reflect_the_other_filters(mini: Timeline) -> None:
    result = apply(mini, parse_query(MultiDict([("country", "KZ")]), mini))
    actors = {f.value: f.count for f in result.facets["actor"]}
    # Values that would give nothing are listed too, with 0 (the page greys them).
    assert actors == {"yulia-peresild": 2, "laika": 0, "tom-cruise": 0}
    countries = {f.value: (f.count, f.selected) for f in result.facets["country"]}
    # Counts of a facet ignore its own selection, so alternatives stay visible.
    assert countries["KZ"] == (2, True)
    assert countries["SU"] == (2, False)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ([("actor", "nobody")], "unknown actor 'nobody'"),
        ([("country", "XX")], "unknown country 'XX'"),
        ([("tag", "nope")], "unknown tag 'nope'"),
        ([("from", "2021-13")], "'from' must be a date"),
        ([("from", "2022"), ("to", "2021")], "'from' (2022) is after 'to' (2021)"),
        ([("q", "a"), ("q", "b")], "'q' may be given only once"),
        ([("page", "0")], "'page' must be a whole number"),
        ([("q", "x" * 201)], "longer than 200"),
        ([("actor", f"a{i}") for i in range(21)], "at most 20 values"),
    ],
)
def test_invalid_parameters_say_what_is_wrong(
    mini: Timeline, params: list[tuple[str, str]], message: str
) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(MultiDict(params), mini)
    assert any(message in m for m in caught.value.messages)


@pytest.mark.parametrize(
    "params",
    [[], [("country", "KZ")], [("actor", "laika")], [("tag", "film"), ("q", "cruise")], [("from", "2021")]],
)
def test_facet_values_keep_one_order_whatever_the_filter(
    mini: Timeline, params: list[tuple[str, str]]
) -> None:
    result = apply(mini, parse_query(MultiDict(params), mini))
    # Most events in the whole timeline first, then by name: a ticked value never moves.
    assert [f.value for f in result.facets["actor"]] == ["yulia-peresild", "laika", "tom-cruise"]
    assert [f.value for f in result.facets["country"]] == ["KZ", "RU", "SU", "US"]  # 2, 2, 2, 1


def test_invalid_parameters_name_the_fields_at_fault(mini: Timeline) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(MultiDict([("from", "2021-13"), ("actor", "laika"), ("q", "x" * 201)]), mini)
    assert caught.value.fields == ("from", "q")
    with pytest.raises(QueryError) as caught:
        parse_query(MultiDict([("from", "2022"), ("to", "2021")]), mini)
    assert caught.value.fields == ("from", "to")
    assert caught.value.messages == ["'from' (2022) is after 'to' (2021)"]


def test_pages_show_several_pages_at_once(mini: Timeline) -> None:
    both = apply(mini, parse_query(MultiDict([("per_page", "2"), ("pages", "2")]), mini))
    assert [e.id for e in both.events] == ids(mini)[:4]
    assert (both.first, both.last, both.has_more) == (1, 4, True)
    later = apply(mini, parse_query(MultiDict([("per_page", "2"), ("page", "2"), ("pages", "2")]), mini))
    assert [e.id for e in later.events] == ids(mini)[2:]
    assert (later.first, later.last, later.has_more) == (3, 5, False)
    with pytest.raises(QueryError):
        parse_query(MultiDict([("pages", "41")]), mini)


def test_pages_split_the_results(mini: Timeline) -> None:
    first = apply(mini, Query(per_page=2))
    second = apply(mini, Query(per_page=2, page=2))
    third = apply(mini, Query(per_page=2, page=3))
    assert [e.id for e in first.events + second.events + third.events] == ids(mini)
    assert first.has_more
    assert second.has_more
    assert not third.has_more
    assert first.total == 5


def test_query_urls_round_trip() -> None:
    query = Query(actor=("a", "b"), country=("KZ",), start="2021", q="x")
    assert query.params() == [("actor", "a"), ("actor", "b"), ("country", "KZ"), ("from", "2021"), ("q", "x")]
    assert query.without("actor", "a").actor == ("b",)
    assert query.without("from").start is None
    assert query.with_value("tag", "launch").tag == ("launch",)


@settings(max_examples=200, database=None)
@given(bits=st.integers(min_value=0, max_value=2**2000))
def test_each_finds_the_same_events_as_paging_does(bits: int) -> None:
    everything = positions(bits, 0, bits.bit_count())
    assert list(each(bits)) == everything
    assert list(each(bits, reverse=True)) == everything[::-1]


def test_a_view_carries_its_filters_lanes_and_a_page_size_other_than_the_lists() -> None:
    view = Query(actor=("laika",), start="1957", lanes="country", page=3, per_page=LIST_PAGE)
    assert view.view_params() == [("actor", "laika"), ("from", "1957"), ("lanes", "country")]  # never a page
    assert Query(per_page=5).view_params() == [("per_page", "5")]
    assert Query(per_page=LIST_PAGE).view_params() == []

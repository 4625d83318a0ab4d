"""Presentation helpers (timeline.present): marked search terms, languages, sources, examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from timeline.index import terms
from timeline.load import load
from timeline.model import Timeline
from timeline.present import active_filters, cited, facet_parts, quoted, search_examples, self_quoted, shown
from timeline.query import FacetValue, Query

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def story() -> Timeline:
    """The bundled timeline."""
    return load(ROOT / "events.yaml")


@pytest.fixture(scope="module")
def mini() -> Timeline:
    """The mini timeline."""
    return load(ROOT / "tests" / "data" / "mini.yaml")


@pytest.mark.parametrize(
    ("text", "q", "html"),
    [
        ("Yuri Gagarin flew", "gagarin", "Yuri <mark>Gagarin</mark> flew"),
        ("Юрий Гагарин", "Gagarin", '<span lang="ru">Юрий <mark>Гагарин</mark></span>'),
        ("Peresild and Shipenko", "shipenko peresild", "<mark>Peresild</mark> and <mark>Shipenko</mark>"),
        ("Kazakhstan’s steppe", "kazakhstans", "<mark>Kazakhstan’s</mark> steppe"),
        ("a <b> & soyuz", "soyuz", "a &lt;b&gt; &amp; <mark>soyuz</mark>"),  # the text is escaped
        ("Soyuz, soyuz", '"soyuz, soyuz"', "<mark>Soyuz, soyuz</mark>"),
        ("nothing here", "gagarin", "nothing here"),
    ],
)
def test_search_terms_are_marked_in_the_text_as_written(text: str, q: str, html: str) -> None:
    result = shown(text, terms(q))
    assert isinstance(result, Markup)
    assert str(result) == html


def test_cyrillic_is_marked_russian_for_screen_readers() -> None:
    assert (
        str(shown("The Challenge (Вызов) premieres"))
        == 'The Challenge (<span lang="ru">Вызов</span>) premieres'
    )
    assert str(shown("Госкорпорация «Роскосмос», Первый канал")) == (
        '<span lang="ru">Госкорпорация «Роскосмос», Первый канал</span>'
    )
    assert str(shown("Plain English <3")) == "Plain English &lt;3"


@pytest.mark.parametrize(
    ("quote", "marked"),
    [
        ("“Filming will take place at the station,” Roscosmos said.", True),
        ('"It seemed impossible."', True),
        ("«Вызов» начинается", True),
        ("The rocket lifted off.", False),
    ],
)
def test_a_quote_that_opens_with_its_own_mark_gets_no_second_one(quote: str, marked: bool) -> None:
    assert self_quoted(quote) is marked


def test_sources_are_counted_once_with_all_their_quotes_oldest_first(story: Timeline) -> None:
    event = story.event("soyuz-ms-19-launch")
    assert event is not None
    sources = cited(story, event)
    assert len(sources) == len({c.source for c in event.citations}) < len(event.citations)
    assert sum(len(s.citations) for s in sources) == len(event.citations)
    dated = [s.source.published.anchor for s in sources if s.source.published]
    assert dated == sorted(dated)
    trt = [s for s in sources if s.source.publisher == "TRT World"]
    assert len(trt) == 1
    assert len(trt[0].citations) > 1  # one article quoted several times appears once


def test_quoted_says_when_a_term_is_only_in_a_quote(mini: Timeline) -> None:
    launch = mini.event("launch")
    assert launch is not None
    assert quoted(launch, terms("lifted"))
    assert not quoted(launch, terms("baikonur"))  # in the title and place, not the quote
    assert not quoted(launch, ())


def test_active_filters_counts_each_value_date_and_search() -> None:
    assert active_filters(Query()) == 0
    assert active_filters(Query(actor=("a", "b"), tag=("t",), start="2021", q="x")) == 5


@pytest.mark.parametrize("path", ["events.yaml", "tests/data/mini.yaml"])
def test_search_examples_come_from_the_data(path: str) -> None:
    timeline = load(ROOT / path)
    examples = search_examples(timeline)
    assert len(examples.words) == 3
    assert examples.across is not None
    assert not examples.across[0].isascii()
    assert examples.across[0] in examples.words


def test_facet_parts_keep_every_chosen_value_in_the_form() -> None:
    values = [FacetValue(f"v{i}", f"V{i}", 400 - i, i in (3, 350)) for i in range(400)]
    parts = facet_parts(values, 12, most=300)
    assert [v.value for v in parts.shown] == [f"v{i}" for i in range(12)]
    assert len(parts.more) == 301
    assert parts.more[-1].value == "v350"  # ranked beyond the list, ticked: still there
    assert (parts.selected, parts.open) == (2, True)

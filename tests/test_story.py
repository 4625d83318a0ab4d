"""The bundled story (events.yaml): the editor's required events, verified dates, noted errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.support import parse
from timeline import create_app
from timeline.load import load
from timeline.model import Timeline

ROOT = Path(__file__).parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
REQUIRED = [
    "sputnik-1",
    "sputnik-2-laika",
    "vostok-1-gagarin",
    "vostok-6-tereshkova",
    "soyuz-t13-launch",
    "salyut-7-film-release",
    "crew-dragon-demo-2",
    "cruise-nasa-film-announced",
    "cruise-october-2021-flight-reported",
    "challenge-project-announced",
    "challenge-casting-opens",
    "peresild-shipenko-selected",
    "maezawa-flight-announced",
    "doge-1-announced",
    "challenge-training-begins",
    "bezos-new-shepard",
    "inspiration4-launch",
    "soyuz-ms-19-launch",
    "soyuz-ms-19-docking",
    "shatner-new-shepard",
    "soyuz-ms-18-landing",
    "soyuz-ms-20-maezawa-launch",
    "soyuz-ms-20-maezawa-landing",
    "challenge-premiere",
]


@pytest.fixture(scope="module")
def story() -> Timeline:
    """The bundled timeline."""
    return load(ROOT / "events.yaml")


@pytest.fixture(scope="module")
def story_client() -> FlaskClient:
    """A client of the app on the bundled file."""
    return create_app({"TESTING": True, "TIMELINE_CACHE_DIR": ""}).test_client()


def test_every_required_event_exists_and_is_dated_by_a_reference(story: Timeline) -> None:
    assert len(story.events) >= 30
    for ident in REQUIRED:
        event = story.event(ident)
        assert event is not None, ident
        references = [
            c for c in event.citations if story.sources[c.source].url and not story.sources[c.source].archive
        ]
        assert references, f"{ident} has no reference source with a URL"


@pytest.mark.parametrize(
    ("ident", "date"),
    [
        ("sputnik-1", "1957-10-04T19:28Z"),
        ("vostok-1-gagarin", "1961-04-12T06:07Z"),
        ("soyuz-ms-19-launch", "2021-10-05T08:55:02Z"),
        ("soyuz-ms-18-landing", "2021-10-17T04:35Z"),
        ("soyuz-ms-20-maezawa-launch", "2021-12-08T07:38Z"),
    ],
)
def test_key_times_are_right_to_the_minute(story: Timeline, ident: str, date: str) -> None:
    event = story.event(ident)
    assert event is not None
    assert event.date.iso() == date


def test_planned_cruise_flight_is_marked_and_points_to_what_happened(story: Timeline) -> None:
    event = story.event("cruise-october-2021-flight-reported")
    assert event is not None
    assert event.status == "planned"
    assert event.outcome


@pytest.mark.parametrize(
    ("ident", "archive", "words"),
    [
        ("soyuz-ms-18-landing", "001_b25d8b9e867eeac6.txt", "17"),
        ("soyuz-t13-launch", "003_207b384debb55c77.txt", "Dzhanibekov"),
        ("peresild-shipenko-selected", "003_207b384debb55c77.txt", "1984"),
        ("peresild-shipenko-selected", "001_b25d8b9e867eeac6.txt", "1984"),
        ("sputnik-1", "004_0e04ef983639a30e.txt", "1992"),
    ],
)
def test_known_article_errors_carry_a_note(story: Timeline, ident: str, archive: str, words: str) -> None:
    event = story.event(ident)
    assert event is not None
    notes = [c.note for c in event.citations if story.sources[c.source].archive == archive and c.note]
    assert any(words in note for note in notes), (ident, archive, notes)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside the repository")
def test_every_quote_occurs_in_its_archived_article() -> None:
    timeline = load(ROOT / "events.yaml", archive_dir=SEEDS)
    assert sum(1 for s in timeline.sources.values() if s.archive) == 5


def test_peresild_filter_tells_her_story_from_selection_to_landing(story_client: FlaskClient) -> None:
    body = story_client.get("/api/events?actor=yulia-peresild").json
    assert body is not None
    ids = [e["id"] for e in body["events"]]
    for step in (
        "peresild-shipenko-selected",
        "challenge-training-begins",
        "soyuz-ms-19-launch",
        "soyuz-ms-19-docking",
        "soyuz-ms-18-landing",
    ):
        assert step in ids
    assert (
        ids.index("peresild-shipenko-selected")
        < ids.index("soyuz-ms-19-launch")
        < ids.index("soyuz-ms-18-landing")
    )


def test_soviet_union_filter_gives_the_soviet_firsts(story_client: FlaskClient) -> None:
    body = story_client.get("/api/events?country=SU").json
    assert body is not None
    ids = [e["id"] for e in body["events"]]
    assert ids[:4] == ["sputnik-1", "sputnik-2-laika", "vostok-1-gagarin", "vostok-6-tereshkova"]
    assert "soyuz-ms-19-launch" not in ids


def test_kazakhstan_and_misspellings_find_the_right_events(story_client: FlaskClient) -> None:
    kz = story_client.get("/api/events?country=KZ").json
    assert kz is not None
    assert "soyuz-ms-18-landing" in [e["id"] for e in kz["events"]]
    for q in ("Пересильд", "peresild", "Roscomos"):
        found = story_client.get("/api/events", query_string={"q": q}).json
        assert found is not None
        assert found["total"] > 0, q


def test_every_source_links_over_https(story: Timeline) -> None:
    plain = [s.url for s in story.sources.values() if s.url and not s.url.startswith("https://")]
    assert plain == []


def test_source_counts_count_sources_and_source_pages_count_events(story_client: FlaskClient) -> None:
    doc = parse(story_client.get("/?per_page=100").data)  # every event of the story on one page
    story = load(ROOT / "events.yaml")
    cards = doc.find("li", "event")
    assert len(cards) == len(story.events)
    for card in cards:
        event = story.event(card.attrs["id"].removeprefix("event-"))
        assert event is not None
        distinct = len({c.source for c in event.citations})
        assert card.one("span", "sources-count").text == f"{distinct} source{'s' if distinct > 1 else ''}"
        assert len(card.find("li", "citation")) == distinct  # each source once, its quotes under it
        assert len(card.find("blockquote")) == len(event.citations)  # and no quote lost
    for ident in story.sources:
        page = parse(story_client.get(f"/sources/{ident}").data)
        items = [li for li in page.one("ol", "citing").children if li.tag == "li"]
        events = len(items)
        heading = next(h for h in page.find("h2") if h.text.startswith("Cited by"))
        assert heading.text == f"Cited by {events} event{'s' if events > 1 else ''}", ident
        assert len({li.one("h3").text for li in items}) == events  # each event once


def test_russian_words_find_events_by_their_russian_or_english_text(story_client: FlaskClient) -> None:
    def found(q: str) -> set[str]:
        body = story_client.get("/api/events", query_string={"q": q, "per_page": 100}).json
        assert body is not None
        return {e["id"] for e in body["events"]}

    launches = {"sputnik-1", "soyuz-t13-launch", "soyuz-ms-18-launch", "soyuz-ms-19-launch"}
    assert launches | {"soyuz-ms-20-maezawa-launch", "crew-dragon-demo-2"} <= found("запуск")
    body = story_client.get("/api/events?actor=yulia-peresild").json
    assert body is not None
    hers = {e["id"] for e in body["events"]}
    assert hers <= found("Пересильд") <= found("Peresild")  # English quotes name her too
    assert found("приземляется") == {"soyuz-ms-18-landing", "soyuz-ms-20-maezawa-landing"}

    def filtered(name: str, value: str) -> set[str]:
        body = story_client.get("/api/events", query_string={name: value, "per_page": 100}).json
        assert body is not None
        return {e["id"] for e in body["events"]}

    assert filtered("tag", "landing") <= found("посадка")  # the tag's Russian label
    assert filtered("tag", "docking") <= found("стыковка")
    assert filtered("country", "RU") <= found("Россия")  # CLDR's Russian name of the country
    assert filtered("country", "KZ") <= found("Казахстан")

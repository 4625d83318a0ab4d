"""Loading: a valid file becomes a snapshot; a broken one yields every problem with its place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.support import DATA, ROOT
from timeline.dates import FlexDate, Precision
from timeline.load import LoadError, build, check_url, load, normalise_quote, snapshot
from timeline.load.cache import load_cached
from timeline.model import Citation, Event, as_mapping, texts_in


def problems_of(text: str) -> list[str]:
    """The problems of a file's text, as LINE:COL: message strings."""
    with pytest.raises(LoadError) as caught:
        build(text.encode())
    return [f"{p.line}:{p.col}: {p.message}" for p in caught.value.problems]


def test_mini_file_loads_in_chronological_order() -> None:
    timeline = load(DATA / "mini.yaml")
    assert [e.id for e in timeline.events] == ["sputnik-year", "laika", "cruise-flight", "launch", "landing"]
    assert timeline.actors["yulia-peresild"].native_name == "Юлия Пересильд"
    assert timeline.countries["SU"] == "Soviet Union"
    assert timeline.event("cruise-flight") is not None
    assert timeline.event("cruise-flight").status == "planned"  # type: ignore[union-attr]


def test_bundled_events_file_is_valid() -> None:
    timeline = load(ROOT / "events.yaml")
    assert len(timeline.events) >= 30
    assert all(e.citations for e in timeline.events)


MINIMAL = """title: T
sources:
  - id: s
    title: S
    publisher: P
actors: []
events:
  - id: e
    title: E
    date: {date}
    countries: [{country}]
    citations:
      - source: s
        quote: q
"""


def test_yaml_11_traps_stay_text() -> None:
    timeline = build(MINIMAL.format(date="1957-10-04", country="NO").encode())
    event = timeline.events[0]
    assert event.countries == ("NO",)  # Norway, not False
    assert timeline.countries["NO"] == "Norway"
    assert event.date.iso() == "1957-10-04"


def test_every_problem_is_reported_sorted_with_positions() -> None:
    text = MINIMAL.format(date="05/10/2021", country="XX").replace("source: s", "source: nope")
    assert problems_of(text) == [
        "10:11: bad date: ambiguous date '05/10/2021': is it day/month or month/day? Write ISO 8601"
        " (2021-10-05) or spell the month (5 October 2021)",
        "11:17: unknown country code 'XX' (ISO 3166-1 alpha-2; SU is the Soviet Union)",
        "13:17: unknown source 'nope'",
    ]


def test_schema_and_meaning_problems_come_together() -> None:
    text = MINIMAL.format(date="2021", country="RU").replace("    publisher: P\n", "") + "    extra: 1\n"
    found = problems_of(text)
    assert any(p.startswith("3:5: sources.0: 'publisher' is a required property") for p in found)
    assert any(p.startswith("14:5: unknown key 'extra'") for p in found)


def test_duplicate_keys_name_both_lines() -> None:
    text = MINIMAL.format(date="2021", country="RU").replace("    title: E\n", "    title: E\n    title: F\n")
    assert "10:5: duplicate key 'title' (first defined on line 9)" in problems_of(text)


def test_duplicate_ids_name_the_first() -> None:
    text = MINIMAL.format(date="2021", country="RU")
    text = text.replace(
        "actors: []", "actors:\n  - {id: a, name: A, kind: person}\n  - {id: a, name: B, kind: person}"
    )
    assert "8:10: duplicate actor id 'a' (first on line 7)" in problems_of(text)


STAMPED = MINIMAL.replace("    countries: [{country}]\n", "    countries: [{country}]\n{stamps}")


@pytest.mark.parametrize(
    ("stamps", "problem"),
    [
        ("    added: 2026-11-30\n    updated: 2026-12-01T09:15+01:00\n", None),
        ("    updated: 2026-12-01T09:15\n", "12:14: bad date: the time in '2026-12-01T09:15' needs a UTC"),
        ("    added: 2026-11\n", "12:12: added must be a day (2026-11-30) or a moment (2026-11-30T09:15Z)"),
        ("    updated: 2026-11-30?\n", "12:14: updated must be a day (2026-11-30) or a moment"),
        ("    updated: 2026-11/2026-12\n", "12:14: updated must be a day (2026-11-30) or a moment"),
        ("    added: 2026-12-02\n    updated: 2026-12-01\n", "13:14: updated '2026-12-01' is before added"),
    ],
)
def test_added_and_updated_are_exact_days_or_moments(stamps: str, problem: str | None) -> None:
    text = STAMPED.format(date="1957-10-04", country="SU", stamps=stamps)
    if problem is None:
        event = build(text.encode()).events[0]
        assert (event.added and event.added.iso(), event.updated and event.updated.iso()) == (
            "2026-11-30",
            "2026-12-01T08:15Z",
        )
        return
    found = problems_of(text)
    assert len(found) == 1
    assert found[0].startswith(problem), found


def test_end_before_start_is_an_error() -> None:
    text = MINIMAL.format(date="2021-10-05", country="RU").replace(
        "    countries", "    end: 2021-10-01\n    countries"
    )
    assert problems_of(text) == ["11:10: end '2021-10-01' is before the start '2021-10-05'"]


def test_yaml_syntax_error_has_its_position() -> None:
    [problem] = problems_of("title: [unclosed\nsources: []\n")
    assert problem.startswith("2:8: YAML syntax error: did not find expected ','")


def test_anchors_and_aliases_are_rejected() -> None:
    found = problems_of("title: &t T\nsources: []\nactors: []\nevents: []\ndescription: *t\n")
    assert found == [
        "1:8: anchors (&t) are not allowed; write the value out",
        "5:14: aliases (*t) are not allowed; write the value out",
    ]


def test_quotes_are_checked_against_the_archive(tmp_path: Path) -> None:
    good = load(DATA / "mini.yaml", archive_dir=DATA / "archive")
    assert len(good.events) == 5
    (tmp_path / "paper.txt").write_text("Something else entirely.", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(DATA / "mini.yaml", archive_dir=tmp_path)
    messages = {p.message for p in caught.value.problems}
    assert messages == {"quote not found in paper.txt"}
    assert len(caught.value.problems) == 3


def test_quote_normalisation_ignores_whitespace_and_quote_style() -> None:
    assert normalise_quote("“The rocket lifted off\n  on Tuesday.”") == normalise_quote(
        '"The rocket lifted off on Tuesday."'
    )
    assert normalise_quote("Russia’s") == "Russia's"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.trtworld.com/magazine/x-50522", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,hi", False),
        ("vbscript:x", False),
        ("file:///etc/passwd", False),
        ("//evil.example/x", False),
        ("https:evil", False),
        ("https://user:pass@example.org/", False),
        ("https://exa mple.org/", False),
    ],
)
def test_source_urls_must_be_plain_http(url: str, ok: bool) -> None:
    assert (check_url(url) is None) is ok


def test_snapshot_cache_skips_the_parse_for_an_unchanged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_cached(DATA / "mini.yaml", tmp_path)
    assert list(tmp_path.glob("*.snapshot"))

    def fail(*_: object, **__: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr("timeline.load.cache.build", fail)
    second = load_cached(DATA / "mini.yaml", tmp_path)
    assert second.version == first.version
    assert [e.id for e in second.events] == [e.id for e in first.events]


def test_snapshot_round_trip_keeps_everything() -> None:
    """The cache format gives back an equal timeline, records of the right classes included."""
    original = load(DATA / "mini.yaml")
    again = snapshot.loads(snapshot.dumps(original))
    assert again == original
    landing = again.event("landing")
    assert isinstance(landing, Event)
    assert isinstance(landing.date, FlexDate)
    assert landing.date.start is not None
    assert landing.date.start.precision is Precision.MINUTE
    assert landing.zone is not None
    assert landing.zone.key == "Asia/Almaty"
    assert again.actors["yulia-peresild"].born == date(1984, 9, 5)
    assert (landing.added and landing.added.iso(), landing.updated and landing.updated.iso()) == (
        "2021-10-17",
        "2021-10-18T06:00Z",
    )
    assert isinstance(again.events[0].citations[0], Citation)
    assert as_mapping(again.translations) == {"ru": {"title": "Мини-хронология"}}
    assert texts_in(landing.translations, "ru")["zone_label"] == "Джезказгана"
    assert as_mapping(landing.citations[1].translations) == {
        "ru": {"note": "Они приземлились 17 октября (UTC)."}
    }
    assert texts_in(landing.translations, "fr") == {}
    hash(landing)  # records stay hashable (writers cache by them), translations included
    assert again.actors["yulia-peresild"].native_language == "ru"
    assert again.sources["paper"].language == "en"  # the file's, by default


def test_a_damaged_cache_entry_means_a_parse(tmp_path: Path) -> None:
    first = load_cached(DATA / "mini.yaml", tmp_path)
    [entry] = tmp_path.glob("*.snapshot")
    entry.write_bytes(entry.read_bytes()[:100])
    assert load_cached(DATA / "mini.yaml", tmp_path) == first


def test_the_us_spelling_organization_is_accepted_as_organisation() -> None:
    text = MINIMAL.format(date="2021", country="US").replace(
        "actors: []", "actors:\n  - {id: nasa, name: NASA, kind: organization}"
    )
    assert build(text.encode()).actors["nasa"].kind == "organisation"

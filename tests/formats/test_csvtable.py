"""Our CSV: the column mapping, what Python's csv reads back, and the round trip through the importer."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.formats.conftest import fetch, serve, with_text
from tests.formats.views import DATA, ROOT, export, view_of
from timeline import importing
from timeline.formats import csvtable
from timeline.formats.csvtable import Column, column, header
from timeline.importing.yamlwrite import write_atomically
from timeline.load import LoadError, build, load


def rows_of(text: str) -> list[dict[str, str]]:
    """The CSV's rows as Python's csv module reads them."""
    return list(csv.DictReader(io.StringIO(text, newline="")))


def imported(csv_file: Path, tmp_path: Path, events: Path | None = None) -> Path:
    """Import ``csv_file`` (with ``--events``) into a new events file; its path."""
    text, _ = importing.run(csv_file, importing.Options(format="csv", events=events))
    target = tmp_path / "imported.yaml"
    write_atomically(target, text)
    return target


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("id", Column("event", "id")),
        ("zone_label", Column("event", "zone_label")),
        ("permalink", Column("permalink", "permalink")),
        ("citation_1_source", Column("citation", "source", 1)),
        ("citation_12_quote", Column("citation", "quote", 12)),
        ("media_3_alt", Column("media", "alt", 3)),
        ("citation_0_source", None),
        ("citation_1_alt", None),
        ("media_1_quote", None),
        ("Title", None),
        ("summary ", None),
    ],
)
def test_each_column_name_maps_to_one_field(name: str, expected: Column | None) -> None:
    assert column(name) == expected


def test_the_header_has_a_group_of_columns_per_citation_and_medium() -> None:
    names = header(citations=2, media=1)
    assert names[:14] == [
        "id", "title", "date", "end", "zone", "zone_label", "place", "summary", "status", "outcome",
        "actors", "countries", "tags", "permalink",
    ]  # fmt: skip
    assert names[14:22] == [
        "citation_1_source", "citation_1_publisher", "citation_1_title", "citation_1_author",
        "citation_1_published", "citation_1_url", "citation_1_quote", "citation_1_note",
    ]  # fmt: skip
    assert names[-5:] == ["media_1_url", "media_1_kind", "media_1_caption", "media_1_credit", "media_1_alt"]
    assert len(names) == 14 + 2 * 8 + 5
    assert all(column(n) is not None for n in names)


def test_one_row_per_event_read_back_by_pythons_csv() -> None:
    timeline = load(DATA / "exports.yaml")
    rows = rows_of(export(DATA / "exports.yaml", "csv"))
    assert [r["id"] for r in rows] == [e.id for e in timeline.events]
    launch = next(r for r in rows if r["id"] == "launch")
    assert launch["date"] == "2021-10-05T08:55:02Z"
    assert (launch["zone"], launch["zone_label"]) == ("Asia/Qyzylorda", "Baikonur")
    assert launch["actors"] == "yulia-peresild; roscosmos"
    assert launch["countries"] == "RU; KZ"
    assert launch["status"] == "happened"
    assert launch["permalink"] == "https://timeline.example/events/launch"
    assert launch["summary"].startswith("A Soyuz launches with an actress aboard.\n\n")
    assert (launch["citation_1_source"], launch["citation_1_url"]) == (
        "agency",
        "https://example.org/report?a=1&b=2",
    )
    assert launch["citation_1_quote"] == "The rocket lifted off at 08:55 UTC."
    assert (
        launch["citation_2_note"] == "'@editor: it was Tuesday 5 October."
    )  # a spreadsheet shows it as text
    assert launch["citation_2_title"] == '\'=HYPERLINK("https://evil.example","click")'
    assert launch["citation_3_quote"] == "'+1 for Roscosmos"
    assert launch["media_2_kind"] == "video"
    assert launch["media_1_alt"] == "A Soyuz rocket standing on its launch pad at dawn"
    approximate = next(r for r in rows if r["id"] == "approximate")
    assert (approximate["date"], approximate["status"], approximate["outcome"]) == (
        "2021-12~",
        "planned",
        "launch",
    )
    assert next(r for r in rows if r["id"] == "sixties")["date"] == "196X"
    assert next(r for r in rows if r["id"] == "before")["date"] == "../2021-06-01"
    assert next(r for r in rows if r["id"] == "with-end")["end"] == "2021-10-17"


@pytest.mark.parametrize("path", [DATA / "exports.yaml", DATA / "mini.yaml", ROOT / "events.yaml"])
@pytest.mark.parametrize("with_events", [False, True], ids=["csv alone", "with --events"])
def test_export_import_export_gives_the_same_bytes(path: Path, with_events: bool, tmp_path: Path) -> None:
    first = export(path, "csv")
    (tmp_path / "export.csv").write_text(first, encoding="utf-8", newline="")
    again = imported(tmp_path / "export.csv", tmp_path, path if with_events else None)
    assert export(again, "csv") == first


def test_the_import_loses_nothing_of_the_events(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(export(DATA / "exports.yaml", "csv"), encoding="utf-8", newline="")
    original, again = load(DATA / "exports.yaml"), load(imported(tmp_path / "export.csv", tmp_path))
    assert again.events == original.events  # ids, dates, zones, status, outcome, actors, countries, tags,
    # citations with quotes and notes, media
    assert {k: s[:6] for k, s in again.sources.items()} == {k: s[:6] for k, s in original.sources.items()}


def test_with_events_the_data_files_records_are_kept(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(export(DATA / "exports.yaml", "csv"), encoding="utf-8", newline="")
    original = load(DATA / "exports.yaml")
    again = load(imported(tmp_path / "export.csv", tmp_path, DATA / "exports.yaml"))
    assert (again.title, again.description) == (original.title, original.description)
    assert (again.actors, again.sources, again.tags) == (original.actors, original.sources, original.tags)


def test_a_filtered_view_round_trips_too(tmp_path: Path) -> None:
    timeline = load(ROOT / "events.yaml")
    chosen = [e for e in timeline.events if "launch" in e.tags and e.outcome is None]
    first = "".join(csvtable.write(view_of(timeline, chosen)))
    (tmp_path / "view.csv").write_text(first, encoding="utf-8", newline="")
    again = load(imported(tmp_path / "view.csv", tmp_path, ROOT / "events.yaml"))
    assert [e.id for e in again.events] == [e.id for e in chosen]
    assert "".join(csvtable.write(view_of(again))) == first


def test_edits_made_in_a_spreadsheet_come_back(tmp_path: Path) -> None:
    rows = rows_of(export(DATA / "mini.yaml", "csv"))
    laika = next(r for r in rows if r["id"] == "laika")
    laika["title"] = "Laika, the first dog in orbit"
    laika["tags"] = "launch, first"  # commas as a spreadsheet user might type them
    laika["citation_2_source"], laika["citation_2_quote"] = "paper", "Laika orbited the Earth."
    laika["summary"] = "=not a formula, because a person typed it"
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")  # as LibreOffice saves
    writer.writeheader()
    writer.writerows(rows)
    (tmp_path / "edited.csv").write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode())  # and Excel's BOM
    event = load(imported(tmp_path / "edited.csv", tmp_path, DATA / "mini.yaml")).event("laika")
    assert event is not None
    assert event.title == "Laika, the first dog in orbit"
    assert event.tags == ("launch", "first")
    assert [(c.source, c.quote) for c in event.citations][-1] == ("paper", "Laika orbited the Earth.")
    assert event.summary == "=not a formula, because a person typed it"


letters = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(text=st.text(letters | st.sampled_from("\n\t"), min_size=1, max_size=60))
def test_any_text_comes_back_through_the_csv(text: str) -> None:
    try:
        timeline = build(with_text(text).encode())
    except LoadError:
        assume(False)
        raise
    first = "".join(csvtable.write(view_of(timeline)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_text(first, encoding="utf-8", newline="")
        again = build(importing.run(path, importing.Options(format="csv"))[0].encode())
    assert [(e.title, e.summary, e.place) for e in again.events] == [
        (e.title, e.summary, e.place) for e in timeline.events
    ]
    assert [c.quote for e in again.events for c in e.citations] == [
        c.quote for e in timeline.events for c in e.citations
    ]
    assert "".join(csvtable.write(view_of(again))) == first


@pytest.mark.parametrize("query", ["", "?tag=launch", "?actor=yulia-peresild&from=2021"])
def test_the_export_route_round_trips_byte_for_byte(tmp_path: Path, query: str) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = fetch(
        serve(tmp_path / "a", ROOT / "events.yaml").test_client(), f"/export.csv{query}", "text/csv"
    )
    (tmp_path / "view.csv").write_text(first, encoding="utf-8", newline="")
    again = imported(tmp_path / "view.csv", tmp_path, ROOT / "events.yaml")
    client = serve(tmp_path / "b", again).test_client()
    assert fetch(client, "/export.csv", "text/csv") == first  # the imported file is that view, whole

"""A broken CSV: every problem at ROW:COLUMN of the cell that has it (the header is row 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.views import DATA, export
from timeline import importing

COLUMNS = [
    "id", "title", "date", "zone", "status", "countries",
    "citation_1_source", "citation_1_publisher", "citation_1_title", "citation_1_quote",
]  # fmt: skip
HEAD = ",".join(COLUMNS)
GOOD = "laika,Laika,1957-11-03,,,SU,agency,Space Agency,Agency report,Laika flew."
README = "(see the column list in the README)"


def problems(tmp_path: Path, *rows: str, head: str = HEAD) -> list[str]:
    """The problem lines of importing a CSV made of ``head`` and ``rows``, without the file name."""
    path = tmp_path / "edited.csv"
    path.write_text("\n".join((head, *rows)) + "\n", encoding="utf-8")
    with pytest.raises(importing.ImportFailed) as caught:
        importing.run(path, importing.Options(format="csv"))
    return [line.removeprefix(f"{path}:") for line in caught.value.lines if ": warning: " not in line]


GAGARIN = dict(
    zip(COLUMNS, ["gagarin", "Gagarin", "1961-04-12", "", "", "SU", "agency", "Space Agency", "Agency report",
                  "He flew."], strict=True)
)  # fmt: skip


def row(**change: str) -> str:
    """Gagarin's row with some cells changed."""
    return ",".join({**GAGARIN, **change}.values())


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (row(date="1961-13-12"), "3:3: date: bad date: month 13"),
        (row(date="12/04/1961"), "3:3: date: bad date: ambiguous"),
        (row(zone="Mars/Olympus"), "3:4: zone: unknown time zone 'Mars/Olympus'"),
        (row(status="Happened"), "3:5: status: 'Happened' is not one of happened | planned | cancelled"),
        (row(countries="XX"), "3:6: countries: unknown country code"),
        (row(citation_1_quote=""), "3:7: citation_1_source: 'quote' is a required property"),
        (row(citation_1_source=""), "3:8: citation_1_publisher: this citation names no source"),
        (row(citation_1_source="new", citation_1_publisher="", citation_1_title=""),
         "3:7: citation_1_source: source 'new' is not described: fill in citation_1_title and"),
        (row(title=""), "3:1: 'title' is a required property"),
        (row() + ",extra", "3:11: a value in a column without a (known) name"),
    ],
)  # fmt: skip
def test_a_bad_cell_is_reported_where_it_is(tmp_path: Path, bad: str, expected: str) -> None:
    found = problems(tmp_path, GOOD, bad)
    assert len(found) == 1, found
    assert found[0].startswith(expected), found


def test_an_id_that_is_not_an_id(tmp_path: Path) -> None:
    [found] = problems(tmp_path, GOOD.replace("laika,", "Laika!,", 1))
    assert found.startswith("2:1: id: 'Laika!' is not valid here (ids are lower-case letters")


def test_one_source_has_one_publisher_across_rows(tmp_path: Path) -> None:
    other = "gagarin,Gagarin,1961-04-12,,,SU,agency,The Agency,Agency report,Gagarin flew."
    assert problems(tmp_path, GOOD, other) == [
        "3:8: citation_1_publisher: source 'agency' has publisher 'Space Agency' on row 2:"
        " a source has one publisher"
    ]


def test_the_same_id_twice_names_the_first_row(tmp_path: Path) -> None:
    assert problems(tmp_path, GOOD, GOOD) == ["3:1: id: duplicate event id 'laika' (first at 2:1)"]


def test_the_header_is_checked_first(tmp_path: Path) -> None:
    head = HEAD.replace("date", "when").replace("zone", "Zone")
    assert problems(tmp_path, GOOD, head=head) == [
        "1:1: missing column 'date'",
        f"1:3: unknown column 'when' {README}",
        f"1:4: unknown column 'Zone' {README}",
    ]


def test_an_image_without_alt_is_reported_at_its_first_cell(tmp_path: Path) -> None:
    head = HEAD + ",media_1_url,media_1_kind,media_1_alt"
    found = problems(tmp_path, GOOD + ",https://example.org/a.jpg,image,", head=head)
    assert found == ["2:11: media_1_url: an image needs alt: what it shows, for people who cannot see it"]


def test_a_cell_a_spreadsheet_would_have_run_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(export(DATA / "exports.yaml", "csv"), encoding="utf-8", newline="")
    text, _ = importing.run(path, importing.Options())
    assert '  title: =HYPERLINK("https://evil.example","click")\n' in text
    assert "    quote: +1 for Roscosmos\n" in text

"""Spreadsheet-safe cells: formulas are neutralised, and the import gives back every text exactly."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.formats.cells import lines, neutralise, restore


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("https://evil.example")', '\'=HYPERLINK("https://evil.example")'),
        ("+1 for Roscosmos", "'+1 for Roscosmos"),
        ("-1 and counting", "'-1 and counting"),
        ("@editor: see this", "'@editor: see this"),
        ("\tThe rocket lifted off", "'\tThe rocket lifted off"),
        ("\rreturn", "'\rreturn"),
        ("'=already quoted", "''=already quoted"),
        ("'Tis the season", "'Tis the season"),
        ("2021-10-05", "2021-10-05"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_cells_a_spreadsheet_would_run_start_with_an_apostrophe(text: str, written: str) -> None:
    assert neutralise(text) == written
    assert restore(written) == text


@given(st.text())
def test_restore_undoes_neutralise_for_every_text(text: str) -> None:
    assert restore(neutralise(text)) == text


def test_rows_are_rfc_4180_csv_read_back_by_pythons_csv() -> None:
    rows = [["id", "quote"], ["a", 'He said "go",\nthen left'], ["b", "=1+1"]]
    text = "".join(lines(rows))
    assert text.count("\r\n") == 3  # one per row; the line break inside the quoted cell stays as written
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["id", "quote"],
        ["a", 'He said "go",\nthen left'],
        ["b", "'=1+1"],
    ]
